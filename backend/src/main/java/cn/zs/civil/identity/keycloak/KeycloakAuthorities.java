package cn.zs.civil.identity.keycloak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.zs.civil.identity.PlatformUser;
import cn.zs.civil.identity.Roles;

/**
 * Claims of a Keycloak token (access or ID token) to the platform's authorities. The realm's clients put the realm
 * roles in {@code roles} and the group paths in {@code groups}: {@code /queues/<group>} is a service queue (a Camunda
 * candidate group), {@code /districts/<code>} a district, {@code /districts/all} the whole city. Keycloak's own
 * roles ({@code offline_access}, {@code default-roles-...}) and other groups mean nothing here and are dropped.
 */
public final class KeycloakAuthorities {

    public static final String ROLES_CLAIM = "roles";
    public static final String GROUPS_CLAIM = "groups";
    public static final String USERNAME_CLAIM = "preferred_username";
    static final String QUEUES = "/queues/";
    static final String DISTRICTS = "/districts/";
    static final String ALL_DISTRICTS_GROUP = "all";

    private static final Set<String> PLATFORM_ROLES = Set.of(Roles.APPLICANT, Roles.CLERK, Roles.CHIEF, Roles.DIRECTOR,
            Roles.MANAGER, Roles.ADMIN);

    private KeycloakAuthorities() {
    }

    public static List<GrantedAuthority> from(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : strings(claims.get(ROLES_CLAIM))) {
            if (PLATFORM_ROLES.contains(role)) {
                authorities.add(new SimpleGrantedAuthority(PlatformUser.ROLE_PREFIX + role));
            }
        }
        for (String path : strings(claims.get(GROUPS_CLAIM))) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.isEmpty()) {
                continue;
            }
            if (path.equals(QUEUES + name)) {
                authorities.add(new SimpleGrantedAuthority(PlatformUser.GROUP_PREFIX + name));
            } else if (path.equals(DISTRICTS + name)) {
                String district = name.equals(ALL_DISTRICTS_GROUP) ? PlatformUser.ALL_DISTRICTS : name;
                authorities.add(new SimpleGrantedAuthority(PlatformUser.DISTRICT_PREFIX + district));
            }
        }
        return authorities;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String value ? List.of(value) : List.of();
    }
}
