package cn.zs.civil.support;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test of a class on the platform's clock (the engine's, see {@code BusinessTime}) from 10:00 on Monday
 * 2026-06-01 in Zhongshan, moving on from there as real time does; the real clock again after the test. For tests
 * whose expectations count days: they give the same result whatever day and hour they run (no midnight between
 * the case and the expectation, no holiday of the week the suite happens to run in). Expectations read the time from
 * the platform ({@code BusinessTime.now()}), never from the machine.
 */
public final class FixedPlatformDay implements BeforeEachCallback, AfterEachCallback {

    public static final Instant START = Instant.parse("2026-06-01T02:00:00Z");

    @Override
    public void beforeEach(ExtensionContext context) {
        ClockUtil.offset(START.toEpochMilli() - System.currentTimeMillis());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }
}
