package cn.zs.civil.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import cn.zs.civil.identity.PlatformUser;

class KeycloakAuthoritiesTest {

    private static PlatformUser userOf(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = KeycloakAuthorities.from(claims);
        return PlatformUser.of("u", "u", authorities);
    }

    @Test
    void mapsRealmRolesQueueGroupsAndDistrictGroupsToThePlatformsAuthorities() {
        PlatformUser clerk = userOf(Map.of("roles", List.of("clerk", "offline_access", "default-roles-zhongshan-civil"),
                "groups", List.of("/queues/funeral-review", "/districts/shiqi", "/districts/xiaolan")));
        assertThat(clerk.roles()).containsExactly("clerk");
        assertThat(clerk.groups()).containsExactly("funeral-review");
        assertThat(clerk.districts()).containsExactlyInAnyOrder("shiqi", "xiaolan");
        assertThat(clerk.seesDistrict("guzhen")).isFalse();
    }

    @Test
    void theAllDistrictsGroupMeansTheWholeCity() {
        PlatformUser chief = userOf(Map.of("roles", List.of("chief"), "groups", List.of("/districts/all")));
        assertThat(chief.allDistricts()).isTrue();
        assertThat(chief.seesDistrict("shenwan")).isTrue();
    }

    @Test
    void ignoresUnknownRolesOtherGroupsAndNestedLookalikes() {
        PlatformUser nobody = userOf(Map.of("roles", List.of("superuser", "ADMIN"),
                "groups", List.of("/staff/funeral-review", "/queues/x/districts/shiqi", "/districts/", "funeral-review")));
        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.groups()).isEmpty();
        assertThat(nobody.districts()).isEmpty();
        assertThat(userOf(Map.of()).roles()).isEmpty();
    }
}
