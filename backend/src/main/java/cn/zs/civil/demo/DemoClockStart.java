package cn.zs.civil.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import cn.zs.civil.application.BusinessTime;

/**
 * Runs the whole platform from a chosen day ({@code platform.demo.clock-start}, {@code DEMO_CLOCK_START}): before any
 * other bean is made, the engine's clock (which is the platform's, see {@link BusinessTime}) is moved to 09:00 of that
 * day in Zhongshan, or to the instant given, and runs on from there. Demonstrations and CI use it to show that a
 * walkthrough gives the same result whatever day it runs on. It exists only where the demo clock does
 * ({@code platform.demo.time-travel=true}); set anywhere else it stops the start with a plain message, so that no
 * deployment can run on a false date.
 */
final class DemoClockStart implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String START = "platform.demo.clock-start";
    static final String TIME_TRAVEL = "platform.demo.time-travel";
    /** The hour the registry opens: a walkthrough started on a day starts in office hours. */
    static final LocalTime OPENING = LocalTime.of(9, 0);

    private static final Logger log = LoggerFactory.getLogger(DemoClockStart.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String start = environment.getProperty(START, "").strip();
        if (start.isEmpty()) {
            return;
        }
        if (!environment.getProperty(TIME_TRAVEL, Boolean.class, false)) {
            throw new IllegalStateException("DEMO_CLOCK_START (" + START + ") moves the platform's clock and exists "
                    + "only with the demo clock: set DEMO_TIME_TRAVEL=true (demonstrations and tests), or remove it.");
        }
        Instant at = parse(start);
        ClockUtil.offset(at.toEpochMilli() - System.currentTimeMillis());
        log.warn("Demo clock: the platform runs from {} (Asia/Shanghai), not from today ({})", BusinessTime.now(),
                LocalDateTime.now(BusinessTime.ZONE).toLocalDate());
    }

    /** A day (yyyy-MM-dd, 09:00 in Zhongshan), a local date-time (Zhongshan) or an instant with its offset. */
    static Instant parse(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atTime(OPENING).atZone(BusinessTime.ZONE).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(BusinessTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a day (yyyy-MM-dd) or a date and time "
                    + "(yyyy-MM-ddTHH:mm[:ss][+08:00])", e);
        }
    }
}
