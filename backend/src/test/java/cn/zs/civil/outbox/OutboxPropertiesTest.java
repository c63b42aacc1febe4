package cn.zs.civil.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboxPropertiesTest {

    @Test
    void theWaitDoublesFromTheFirstRetryUpToTheCap() {
        OutboxProperties p = new OutboxProperties(null, null, 0, null, 0, Duration.ofSeconds(30), Duration.ofMinutes(5),
                null);
        assertThat(p.backOff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backOff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backOff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(p.backOff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(p.backOff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.backOff(60)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void defaultsWhenNothingIsSet() {
        OutboxProperties p = new OutboxProperties(null, null, 0, null, 0, null, null, null);
        assertThat(p.enabled()).isTrue();
        assertThat(p.maxAttempts()).isEqualTo(8);
        assertThat(p.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.batchSize()).isEqualTo(20);
    }

    @Test
    void anErrorIsKeptShortWithoutAddressesOrIdNumbers() {
        String error = OutboxDispatcher.shortError(new IllegalStateException(
                "550 rejected a.b@example.org for 442000194503012129 " + "x".repeat(400) + "\nsecond line"));
        assertThat(error).hasSizeLessThanOrEqualTo(300).startsWith("IllegalStateException: 550 rejected ***@***")
                .doesNotContain("442000194503012129").doesNotContain("second line");
    }
}
