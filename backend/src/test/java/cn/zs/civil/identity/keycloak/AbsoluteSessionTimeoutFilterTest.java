package cn.zs.civil.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutFilterTest {

    private static boolean survives(Duration age) throws Exception {
        MockHttpSession session = new MockHttpSession();
        Instant created = Instant.ofEpochMilli(session.getCreationTime());
        Clock now = Clock.fixed(created.plus(age), ZoneOffset.UTC);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();
        new AbsoluteSessionTimeoutFilter(Duration.ofHours(8), now).doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("the request goes on either way").isNotNull();
        return !session.isInvalid();
    }

    @Test
    void endsASessionOlderThanTheAbsoluteTimeoutAndKeepsAYoungerOne() throws Exception {
        assertThat(survives(Duration.ofHours(7).plusMinutes(59))).isTrue();
        assertThat(survives(Duration.ofHours(8).plusSeconds(1))).isFalse();
    }
}
