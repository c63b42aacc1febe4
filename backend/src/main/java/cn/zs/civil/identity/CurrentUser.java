package cn.zs.civil.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.stereotype.Component;

import cn.zs.civil.problem.ApiException;

/** The signed-in caller of the current request. */
@Component
public class CurrentUser {

    private final IdentityProperties identity;

    CurrentUser(IdentityProperties identity) {
        this.identity = identity;
    }

    public PlatformUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getPrincipal() == null
                || "anonymousUser".equals(authentication.getPrincipal())) {
            throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
        }
        String id = authentication.getPrincipal() instanceof UserDetails details ? details.getUsername()
                : authentication.getName();
        String name = authentication.getPrincipal() instanceof ClaimAccessor token ? displayName(token)
                : identity.displayName(id);
        return PlatformUser.of(id, name == null ? identity.displayName(id) : name, authentication.getAuthorities());
    }

    /**
     * The name of a token's holder (Keycloak mode). OIDC's {@code name} is "given family"; a Chinese name reads family
     * name first without a space, so it is put together from its parts when both are written in Chinese.
     */
    static String displayName(ClaimAccessor token) {
        String family = token.getClaimAsString("family_name");
        String given = token.getClaimAsString("given_name");
        if (family != null && given != null && han(family) && han(given)) {
            return family + given;
        }
        return token.getClaimAsString("name");
    }

    private static boolean han(String s) {
        return !s.isBlank() && s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
