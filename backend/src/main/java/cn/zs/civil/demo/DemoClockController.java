package cn.zs.civil.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.problem.ApiException;
import cn.zs.civil.problem.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Demonstrations only: moves the engine's clock forward (so that a divorce's 30-day periods can be shown in
 * minutes), by some days or to the day a deadline the platform reports, and fires the timers that fall due. Exists only with {@code platform.demo.time-travel=true}, which no
 * deployment sets; administrators only.
 */
@RestController
@ConditionalOnProperty(name = "platform.demo.time-travel", havingValue = "true")
@Tag(name = "Demo clock")
class DemoClockController {

    private final ManagementService management;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    static final int MAX_DAYS = 400;

    DemoClockController(ManagementService management, AuditLog audit, CurrentUser currentUser,
            MessageSource messages) {
        this.management = management;
        this.messages = messages;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** Either some days forward, or to a day (09:00 in Zhongshan) or an instant: exactly one of the two. */
    record Advance(Integer days, String to) {
    }

    record Now(LocalDateTime now, LocalDate today, Integer timersFired) {
    }

    @Operation(summary = "The platform's clock (demo only, admin)")
    @GetMapping("/api/admin/demo-clock")
    @PreAuthorize(Roles.ONLY_ADMIN)
    Now now() {
        return now(null);
    }

    @Operation(summary = "Move the clock forward by some days, or to a later day or instant, and fire the timers now "
            + "due (demo only, admin)")
    @PostMapping("/api/admin/demo-clock")
    @PreAuthorize(Roles.ONLY_ADMIN)
    Now advance(@RequestBody(required = false) Advance request) {
        Instant now = BusinessTime.instant();
        Instant target = target(request, now);
        String before = BusinessTime.now().toString();
        ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
        int fired = 0;
        for (Job job : management.createJobQuery().timers().executable().list()) {
            try {
                management.executeJob(job.getId());
                fired++;
            } catch (RuntimeException failed) {
                // The job executor retries it like any failed job; the demo goes on.
            }
        }
        var user = currentUser.get();
        audit.byUser(user.id(), user.roles(), "DEMO_CLOCK_ADVANCED", "engine clock",
                request.days() != null ? "+" + request.days() + "d" : "to " + request.to(),
                Map.of("now", before), Map.of("now", BusinessTime.now().toString(), "timersFired", fired));
        return now(fired);
    }

    private static Now now(Integer timersFired) {
        LocalDateTime now = BusinessTime.now().withNano(0);
        return new Now(now, now.toLocalDate(), timersFired);
    }

    /** Forward only, and at most {@link #MAX_DAYS} days at a time: the clock never runs back over recorded facts. */
    private Instant target(Advance request, Instant now) {
        if (request == null || (request.days() == null) == (request.to() == null || request.to().isBlank())) {
            throw invalid("days", "demo.clock.oneOf");
        }
        if (request.days() != null) {
            if (request.days() < 1 || request.days() > MAX_DAYS) {
                throw invalid("days", "demo.clock.days", MAX_DAYS);
            }
            return now.plus(Duration.ofDays(request.days()));
        }
        Instant target;
        try {
            target = DemoClockStart.parse(request.to().strip());
        } catch (IllegalArgumentException e) {
            throw invalid("to", "demo.clock.notDate");
        }
        if (!target.isAfter(now) || target.isAfter(now.plus(Duration.ofDays(MAX_DAYS)))) {
            throw invalid("to", "demo.clock.notLater", BusinessTime.now().withNano(0), MAX_DAYS);
        }
        return target;
    }

    private ApiException invalid(String field, String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return ApiException.invalid(List.of(new FieldProblem(field, field, key,
                messages.getMessage(key, args, locale))));
    }
}
