package cn.zs.civil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/**
 * Repeated failed sign-ins of one account (embedded mode) wait longer and longer, then lock it for a while, right
 * password or not (the test profile: waits from 0.1 s doubling to 0.4 s after 3 failures, a lock of 3 s after 6).
 */
class LoginThrottleIT extends ApiTestBase {

    private Api.Response me(String user, String password) {
        return api().anonymous().call(HttpMethod.GET, "/api/me", null, Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheAccountForAWhile() throws Exception {
        long[] took = new long[6];
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            assertThat(me("manager-xl", "guess-" + i).status()).isEqualTo(401);
            took[i] = (System.nanoTime() - start) / 1_000_000;
        }
        // The 4th, 5th and 6th failures waited 0.1, 0.2 and 0.4 s before their answer (lower bounds only).
        assertThat(took[3]).isGreaterThanOrEqualTo(100);
        assertThat(took[4]).isGreaterThanOrEqualTo(200);
        assertThat(took[5]).isGreaterThanOrEqualTo(400);
        // Locked: even the right password is refused, and another account is not affected.
        assertThat(me("manager-xl", "demo").status()).isEqualTo(401);
        assertThat(me("manager", "demo").status()).isEqualTo(200);
        Thread.sleep(3_200);
        assertThat(me("manager-xl", "demo").status()).isEqualTo(200);
        System.out.printf("[sign-in] 6 failures took %s ms; then locked (right password refused) for 3 s, then open%n",
                java.util.Arrays.toString(took));
    }
}
