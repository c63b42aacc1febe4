package cn.zs.civil.socialorg;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
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
@Tag(name = "Social organisations", description = "Name pre-check; the written documents of a registration case")
class SocialOrgController {

    private final SocialOrgService socialOrgs;
    private final CurrentUser currentUser;
    private final OnSiteVerifiersCheck verifiers;

    SocialOrgController(SocialOrgService socialOrgs, CurrentUser currentUser, OnSiteVerifiersCheck verifiers) {
        this.socialOrgs = socialOrgs;
        this.currentUser = currentUser;
        this.verifiers = verifiers;
    }

    @Operation(summary = "The section's staff the caller can name as the second on-site verifier (ALL Art. 34)",
            description = "Everyone of the social-organisation section but the caller; empty where the platform does "
                    + "not know its staff (a directory such as Keycloak), where the account name is typed instead.")
    @GetMapping("/api/socialorg/verifiers")
    @PreAuthorize(Roles.STAFF)
    List<OnSiteVerifiersCheck.Colleague> verifiers() {
        return verifiers.colleaguesOf(currentUser.get());
    }

    record NameCheckRequest(String orgType, String name) {
    }

    @Operation(summary = "Check a proposed name against the naming measures and the register before applying")
    @PostMapping("/api/socialorg/name-check")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    SocialOrgService.NameCheckView nameCheck(@RequestBody(required = false) NameCheckRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        return socialOrgs.nameCheck(request == null ? null : request.orgType(), request == null ? null : request.name(),
                locale);
    }

    @Operation(summary = "Receipt, decision notice, announcement and certificate of a social-organisation case")
    @GetMapping("/api/socialorg/{applicationNo}/documents")
    @PreAuthorize(Roles.APPLICANT_OR_STAFF)
    Map<String, Object> documents(@PathVariable String applicationNo) {
        return socialOrgs.documents(currentUser.get(), applicationNo);
    }
}
