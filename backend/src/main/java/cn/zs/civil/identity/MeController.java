package cn.zs.civil.identity;

import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Identity")
class MeController {

    private final CurrentUser currentUser;
    private final SignIn signIn;

    MeController(CurrentUser currentUser, SignIn signIn) {
        this.currentUser = currentUser;
        this.signIn = signIn;
    }

    /** How the browser signs in: {@code form} (POST /login) or {@code redirect} to {@code url} (Keycloak). */
    record SignInMode(String mode, String url) {
    }

    record Me(String id, String name, Set<String> roles, Set<String> groups, Set<String> districts) {
    }

    @Operation(summary = "Who I am: roles, service queues and districts")
    @GetMapping("/api/me")
    @PreAuthorize(Roles.ANY_USER)
    Me me() {
        PlatformUser user = currentUser.get();
        return new Me(user.id(), user.name(), user.roles(), user.groups(), user.districts());
    }

    @Operation(summary = "How a browser signs in: the platform's form (embedded mode) or a redirect (Keycloak)")
    @GetMapping("/api/public/sign-in")
    @PreAuthorize(Roles.PUBLIC)
    SignInMode signInMode() {
        String redirect = signIn.browserRedirect();
        return redirect == null ? new SignInMode("form", "/login") : new SignInMode("redirect", redirect);
    }
}
