package cn.zs.civil.application;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time of the bureau: Asia/Shanghai wall-clock time, read from the engine's clock so that process tests that
 * move the engine's clock move the platform's records with it.
 */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    public static LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
    }

    public static java.time.Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDateTime of(Date date) {
        return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZONE);
    }

    public static Date toDate(LocalDateTime time) {
        return time == null ? null : Date.from(time.atZone(ZONE).toInstant());
    }
}
