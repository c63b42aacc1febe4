package cn.zs.civil.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

import cn.zs.civil.web.ApiException;

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
        return PlatformUser.of(id, identity.displayName(id), authentication.getAuthorities());
    }
}
