package cn.zs.civil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import cn.zs.civil.problem.ApiException;
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
        // Another node has already counted this client's 1000 requests (the test profile's limit) in this minute and
        // the next: the counter rows say so, whatever the clock reads when the request arrives.
        String client = "203.0.113." + (System.nanoTime() % 200 + 1);
        long now = java.time.Instant.now().getEpochSecond();
        long window = now - now % 60;
        for (long w = window; w <= window + 60; w += 60) {
            jdbc.update("delete from rate_limit where bucket_key = ? and window_start = ?", "track:" + client, w);
            jdbc.update("insert into rate_limit (bucket_key, window_start, hits) values (?, ?, 1000)", "track:" + client, w);
        }
        var r = api().anonymous().post("/api/public/track", Map.of("applicationNo", "X", "queryCode", "Y"),
                Map.of("X-Forwarded-For", client));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(r.body().path("code").asText()).isEqualTo("tracking.rateLimited");
        // Another client is not affected.
        assertThat(api().anonymous().post("/api/public/track", Map.of("applicationNo", "X", "queryCode", "Y"),
                Map.of("X-Forwarded-For", "198.51.100.7")).status()).isEqualTo(404);
    }
}
