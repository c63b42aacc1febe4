package cn.zs.civil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.support.ApiTestBase;

/** The tracking rate limit counts in the shared database: two nodes together get the limit once, not once each. */
class RateLimitsIT extends ApiTestBase {

    @Autowired
    private RateLimitMapper mapper;

    @Autowired
    private TransactionTemplate tx;

    @Test
    void twoNodesShareOneCountPerClientAndMinute() {
        RateLimits nodeA = new RateLimits(mapper, tx);
        RateLimits nodeB = new RateLimits(mapper, tx);
        String client = "track:test-" + System.nanoTime();
        nodeA.hit(client, 4, "tracking.rateLimited");
        nodeB.hit(client, 4, "tracking.rateLimited");
        nodeA.hit(client, 4, "tracking.rateLimited");
        nodeB.hit(client, 4, "tracking.rateLimited");
        assertThatThrownBy(() -> nodeA.hit(client, 4, "tracking.rateLimited"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                });
        assertThatThrownBy(() -> nodeB.hit(client, 4, "tracking.rateLimited")).isInstanceOf(ApiException.class);
        // Another client is counted apart.
        nodeB.hit(client + "-other", 4, "tracking.rateLimited");
        assertThat(count("select sum(hits) from rate_limit where bucket_key = ?", client)).isEqualTo(6);
    }

    @Test
    void publicTrackingAnswers429WithRetryAfterOverTheLimit() {
        // The test profile allows 1000 a minute; a forwarded address the test proxy names makes a client of its own.
        String client = "203.0.113." + (System.nanoTime() % 200 + 1);
        int refused = 0;
        for (int i = 0; i < 1001 && refused == 0; i++) {
            var r = api().anonymous().post("/api/public/track", Map.of("applicationNo", "X", "queryCode", "Y"),
                    Map.of("X-Forwarded-For", client));
            if (r.status() == 429) {
                refused = i;
                assertThat(r.header("Retry-After")).isNotNull();
                assertThat(r.body().path("code").asText()).isEqualTo("tracking.rateLimited");
            } else {
                assertThat(r.status()).isEqualTo(404);
            }
        }
        // Refused at the 1001st request of the minute, or earlier if the minute turned meanwhile (then counted anew).
        assertThat(refused).isPositive();
        assertThat(count("select count(*) from rate_limit where bucket_key = ?", "track:" + client)).isPositive();
    }
}
