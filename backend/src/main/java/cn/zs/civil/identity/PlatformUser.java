package cn.zs.civil.identity;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling, in the terms every rule of the platform uses: roles, Camunda candidate groups (service queues)
 * and districts. Built from granted authorities, so the embedded accounts and Keycloak tokens look the same.
 */
public record PlatformUser(String id, String name, Set<String> roles, Set<String> groups, Set<String> districts) {

    public static final String ROLE_PREFIX = "ROLE_";
    public static final String GROUP_PREFIX = "GROUP_";
    public static final String DISTRICT_PREFIX = "DISTRICT_";
    /** District scope of staff who work the whole city. */
    public static final String ALL_DISTRICTS = "*";

    public static PlatformUser of(String id, String name, Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> districts = new TreeSet<>();
        for (GrantedAuthority authority : authorities) {
            String a = authority.getAuthority();
            if (a.startsWith(ROLE_PREFIX)) {
                roles.add(a.substring(ROLE_PREFIX.length()));
            } else if (a.startsWith(GROUP_PREFIX)) {
                groups.add(a.substring(GROUP_PREFIX.length()));
            } else if (a.startsWith(DISTRICT_PREFIX)) {
                districts.add(a.substring(DISTRICT_PREFIX.length()));
            }
        }
        return new PlatformUser(id, name == null ? id : name, Set.copyOf(roles), Set.copyOf(groups), Set.copyOf(districts));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.contains(Roles.CLERK) || roles.contains(Roles.CHIEF) || roles.contains(Roles.DIRECTOR);
    }

    public boolean allDistricts() {
        return districts.contains(ALL_DISTRICTS);
    }

    public boolean seesDistrict(String district) {
        return allDistricts() || districts.contains(district);
    }

    public boolean inAnyGroup(Collection<String> candidateGroups) {
        return candidateGroups.stream().anyMatch(groups::contains);
    }
}
