package cn.zs.civil.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** DEMO_CLOCK_START: the day and the forms it takes, and no false date outside the demo clock. */
class DemoClockStartTest {

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aDayStartsAtNineInZhongshanAndATimeIsTakenAsGiven() {
        assertThat(DemoClockStart.parse("2026-01-16")).isEqualTo(Instant.parse("2026-01-16T01:00:00Z"));
        assertThat(DemoClockStart.parse("2026-01-16T14:30")).isEqualTo(Instant.parse("2026-01-16T06:30:00Z"));
        assertThat(DemoClockStart.parse("2026-01-16T14:30:00+08:00")).isEqualTo(Instant.parse("2026-01-16T06:30:00Z"));
        assertThat(DemoClockStart.parse("2026-01-16T06:30:00Z")).isEqualTo(Instant.parse("2026-01-16T06:30:00Z"));
        assertThatThrownBy(() -> DemoClockStart.parse("16.01.2026")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yyyy-MM-dd");
    }

    @Test
    void thePlatformRunsFromTheDayGivenWithTheDemoClock() {
        start(new MockEnvironment().withProperty(DemoClockStart.START, "2026-09-01")
                .withProperty(DemoClockStart.TIME_TRAVEL, "true"));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        assertThat(Duration.between(Instant.parse("2026-09-01T01:00:00Z"), now)).isBetween(Duration.ZERO,
                Duration.ofMinutes(1));
    }

    @Test
    void withoutTheDemoClockTheSettingStopsTheStartAndMovesNothing() {
        MockEnvironment deployment = new MockEnvironment().withProperty(DemoClockStart.START, "2026-09-01");
        assertThatThrownBy(() -> start(deployment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DEMO_TIME_TRAVEL");
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void unsetItLeavesTheClockAlone() {
        start(new MockEnvironment().withProperty(DemoClockStart.TIME_TRAVEL, "true"));
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
    }

    private static void start(MockEnvironment environment) {
        DemoClockStart start = new DemoClockStart();
        start.setEnvironment(environment);
        start.postProcessBeanFactory(new DefaultListableBeanFactory());
    }
}
