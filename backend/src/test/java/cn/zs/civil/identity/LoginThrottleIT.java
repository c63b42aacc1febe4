package cn.zs.civil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;

import cn.zs.civil.Application;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/**
 * Repeated failed sign-ins of one account (embedded mode) wait longer and longer, then lock it for a while, right
 * password or not (the test profile: waits from 0.1 s doubling to 0.4 s after 3 failures, a lock of 3 s after 6).
 * The counts are in the shared database: two nodes on one database lock an account at the same total count as one.
 */
class LoginThrottleIT extends ApiTestBase {

    private static Api.Response me(int port, String user, String password) {
        return new Api(port).anonymous().call(HttpMethod.GET, "/api/me", null, Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private Api.Response me(String user, String password) {
        return me(port, user, password);
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheAccountForAWhile() throws Exception {
        long[] took = new long[6];
        for (int i = 0; i < 6; i++) {
            String guess = "guess-" + i;
            took[i] = timed(() -> assertThat(me("manager-xl", guess).status()).isEqualTo(401));
        }
        // The 4th, 5th and 6th failures waited 0.1, 0.2 and 0.4 s before their answer (lower bounds only).
        assertThat(took[3]).isGreaterThanOrEqualTo(100);
        assertThat(took[4]).isGreaterThanOrEqualTo(200);
        assertThat(took[5]).isGreaterThanOrEqualTo(400);
        // Locked: even the right password is refused, and another account is not affected.
        assertThat(me("manager-xl", "demo").status()).isEqualTo(401);
        assertThat(me("manager", "demo").status()).isEqualTo(200);
        // The count is in the shared database (under the name's keyed hash).
        assertThat(count("select count(*) from sign_in_failure where failures = 6 and locked_until is not null"))
                .isEqualTo(1);
        Thread.sleep(3_200);
        assertThat(me("manager-xl", "demo").status()).isEqualTo(200);
        // A success clears the count.
        assertThat(count("select count(*) from sign_in_failure where failures = 6")).isZero();
        System.out.printf("[sign-in] 6 failures took %s ms; then locked (right password refused) for 3 s, then open%n",
                java.util.Arrays.toString(took));
    }

    /**
     * A second node (another application on the same database, as a cluster runs) and this one: failures alternating
     * between them wait and lock as on one node, and the lock holds on both.
     */
    @Test
    void failuresSplitOverTwoNodesLockTheAccountAtTheSameCount() throws Exception {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(Application.class)
                // Without Camunda's webapps: their bootstraps keep JVM-wide singletons (Cockpit's runtime delegate),
                // which this node's shutdown would clear under the suite's own application (cockpit then answers
                // 500). Without a job executor: the sign-in is what this node is for.
                .properties("server.port=0", "camunda.bpm.generate-unique-process-engine-name=true",
                        "camunda.bpm.webapp.enabled=false", "camunda.bpm.job-execution.enabled=false")
                .run()) {
            int[] nodes = {port, ((WebServerApplicationContext) second).getWebServer().getPort()};
            String account = "clerk-funeral";
            // Five failures over both nodes (three here, two there) do not lock yet; the right password clears them.
            for (int i = 0; i < 5; i++) {
                assertThat(me(nodes[i % 2], account, "wrong-" + i).status()).isEqualTo(401);
            }
            assertThat(me(nodes[1], account, "demo").status()).isEqualTo(200);
            // Six failures over both nodes, three on each: the 4th to 6th wait as on one node (the 4th is only the
            // second failure on its node), and after the 6th the account is locked on both.
            long[] took = new long[6];
            for (int i = 0; i < 6; i++) {
                int node = nodes[i % 2];
                String guess = "again-" + i;
                took[i] = timed(() -> assertThat(me(node, account, guess).status()).isEqualTo(401));
            }
            assertThat(took[3]).isGreaterThanOrEqualTo(100);
            assertThat(took[4]).isGreaterThanOrEqualTo(200);
            assertThat(took[5]).isGreaterThanOrEqualTo(400);
            assertThat(me(nodes[0], account, "demo").status()).isEqualTo(401);
            assertThat(me(nodes[1], account, "demo").status()).isEqualTo(401);
            Thread.sleep(3_200);
            assertThat(me(nodes[1], account, "demo").status()).isEqualTo(200);
            assertThat(me(nodes[0], account, "demo").status()).isEqualTo(200);
            System.out.printf("[sign-in] two nodes: 6 failures (3 on each) took %s ms, then locked on both%n",
                    java.util.Arrays.toString(took));
        }
    }
}
