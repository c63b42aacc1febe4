package cn.zs.civil.outbox;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The outbox's clock: the platform's (the engine's clock, which the demo clock and the tests move), in the bureau's
 * zone, like every other datetime column of the platform. The outbox stands below {@code application}, so it reads
 * the engine's clock itself rather than through {@code BusinessTime}.
 */
final class OutboxTime {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private OutboxTime() {
    }

    static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }
}
