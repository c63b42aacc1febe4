package cn.zs.civil.worklist;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Extensions", description = "行政许可法 Art. 42: the time limit extended once, with the head's approval")
class ExtensionController {

    private final Extensions extensions;
    private final CurrentUser currentUser;

    ExtensionController(Extensions extensions, CurrentUser currentUser) {
        this.extensions = extensions;
        this.currentUser = currentUser;
    }

    record ExtensionRequest(String reason) {
    }

    record ExtensionDecision(Boolean approve) {
    }

    @Operation(summary = "The case's extension: whether one may be asked for, its state, reason and due date",
            description = "The applicant of the case or its staff; 404 otherwise.")
    @GetMapping("/api/cases/{applicationNo}/extension")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    Extensions.ExtensionView view(@PathVariable String applicationNo, Locale locale) {
        return extensions.view(currentUser.get(), applicationNo, locale);
    }

    @Operation(summary = "Ask the head of the authority to extend the time limit, with the reason for the applicant",
            description = "reason up to 500 characters (422 field by field); 409 where the service has no extension, "
                    + "the limit has passed or stopped, or one was asked for already.")
    @PostMapping("/api/cases/{applicationNo}/extension")
    @PreAuthorize(Roles.STAFF)
    Extensions.ExtensionView request(@PathVariable String applicationNo,
            @RequestBody(required = false) ExtensionRequest request,
            Locale locale) {
        return extensions.request(currentUser.get(), applicationNo, request == null ? null : request.reason(), locale);
    }

    @Operation(summary = "The head's decision on an extension: approve (the limit grows) or refuse",
            description = "approve true or false (422 otherwise); 409 when no request waits.")
    @PostMapping("/api/cases/{applicationNo}/extension/decision")
    @PreAuthorize("hasRole('director')")
    Extensions.ExtensionView decide(@PathVariable String applicationNo,
            @RequestBody(required = false) ExtensionDecision decision, Locale locale) {
        return extensions.decide(currentUser.get(), applicationNo, decision == null ? null : decision.approve(), locale);
    }

    @Operation(summary = "Extension requests waiting for the head's decision, oldest first (directors)")
    @GetMapping("/api/extensions/waiting")
    @PreAuthorize("hasRole('director')")
    List<Extensions.Waiting> waiting(Locale locale) {
        return extensions.waiting(currentUser.get(), locale);
    }
}
