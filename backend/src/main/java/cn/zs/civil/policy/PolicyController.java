package cn.zs.civil.policy;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.application.ApplicationService;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Policy", description = "Decision tables changed without a release: proposal, four-eyes approval, deployment")
class PolicyController {

    private final PolicyService policy;
    private final ApplicationService applications;
    private final CurrentUser currentUser;

    PolicyController(PolicyService policy, ApplicationService applications, CurrentUser currentUser) {
        this.policy = policy;
        this.applications = applications;
        this.currentUser = currentUser;
    }

    @Operation(summary = "The decision tables with their versions in force, scheduled and proposed (administrators)")
    @GetMapping("/api/policy/decisions")
    @PreAuthorize(Roles.ONLY_ADMIN)
    List<PolicyService.DecisionSummary> decisions(Locale locale) {
        return policy.decisions(currentUser.get(), locale);
    }

    @Operation(summary = "The rules of a decision table a new proposal starts from (administrators)")
    @GetMapping("/api/policy/decisions/{decisionKey}")
    @PreAuthorize(Roles.ONLY_ADMIN)
    PolicyService.Table table(@PathVariable String decisionKey, Locale locale) {
        return policy.table(decisionKey, locale);
    }

    @Operation(summary = "The [S]/[M] parameters with the value in force, scheduled versions and proposals (administrators)")
    @GetMapping("/api/policy/parameters")
    @PreAuthorize(Roles.ONLY_ADMIN)
    List<PolicyService.ParameterSummary> parameters(Locale locale) {
        return policy.parameters(currentUser.get(), locale);
    }

    @Operation(summary = "Propose a new value of a parameter: value, reason, effective date (audited; approved like a table)")
    @PostMapping("/api/policy/parameter-changes")
    @PreAuthorize(Roles.ONLY_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    PolicyService.ChangeView proposeParameter(@RequestBody(required = false) PolicyService.ParameterProposal proposal,
            Locale locale) {
        return policy.proposeParameter(currentUser.get(), proposal, locale);
    }

    @Operation(summary = "Every proposed, approved and rejected change, newest first (administrators)")
    @GetMapping("/api/policy/changes")
    @PreAuthorize(Roles.ONLY_ADMIN)
    List<PolicyService.ChangeView> changes(Locale locale) {
        return policy.changes(currentUser.get(), locale);
    }

    @Operation(summary = "One change with its rules (administrators)")
    @GetMapping("/api/policy/changes/{id}")
    @PreAuthorize(Roles.ONLY_ADMIN)
    PolicyService.ChangeView change(@PathVariable String id, Locale locale) {
        return policy.change(currentUser.get(), id, locale);
    }

    @Operation(summary = "Propose a new version of a decision table: rules, reason, effective date (audited; not deployed)")
    @PostMapping("/api/policy/changes")
    @PreAuthorize(Roles.ONLY_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    PolicyService.ChangeView propose(@RequestBody(required = false) PolicyService.Proposal proposal, Locale locale) {
        return policy.propose(currentUser.get(), proposal, locale);
    }

    @Operation(summary = "Approve another administrator's proposal: the platform deploys the table (audited)")
    @PostMapping("/api/policy/changes/{id}/approval")
    @PreAuthorize(Roles.ONLY_ADMIN)
    PolicyService.ChangeView approve(@PathVariable String id,
            @RequestBody(required = false) PolicyService.Approval approval, Locale locale) {
        return policy.approve(currentUser.get(), id, approval, locale);
    }

    @Operation(summary = "Reject another administrator's proposal with a reason (audited)")
    @PostMapping("/api/policy/changes/{id}/rejection")
    @PreAuthorize(Roles.ONLY_ADMIN)
    PolicyService.ChangeView reject(@PathVariable String id,
            @RequestBody(required = false) PolicyService.Rejection rejection, Locale locale) {
        return policy.reject(currentUser.get(), id, rejection, locale);
    }

    @Operation(summary = "The decision-table versions a case was accepted under (staff who may read the case)")
    @GetMapping("/api/cases/{applicationNo}/policy-versions")
    @PreAuthorize(Roles.STAFF)
    List<PolicyService.CasePolicy> ofCase(@PathVariable String applicationNo, Locale locale) {
        return policy.ofCase(applications.readable(currentUser.get(), applicationNo), locale);
    }
}
