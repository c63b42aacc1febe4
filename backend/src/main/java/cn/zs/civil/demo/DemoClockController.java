package cn.zs.civil.demo;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.audit.AuditLog;
import cn.zs.civil.identity.CurrentUser;
import cn.zs.civil.identity.Roles;
import cn.zs.civil.web.ApiException;
import cn.zs.civil.web.FieldProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Demonstrations only: moves the engine's clock forward (so that a divorce's 30-day periods can be shown in
 * minutes) and fires the timers that fall due. Exists only with {@code platform.demo.time-travel=true}, which no
 * deployment sets; administrators only.
 */
@RestController
@ConditionalOnProperty(name = "platform.demo.time-travel", havingValue = "true")
@Tag(name = "Demo clock")
class DemoClockController {

    private final ManagementService management;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    DemoClockController(ManagementService management, AuditLog audit, CurrentUser currentUser) {
        this.management = management;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    record Advance(Integer days) {
    }

    @Operation(summary = "Move the clock forward by some days and fire the timers now due (demo only, admin)")
    @PostMapping("/api/admin/demo-clock")
    @PreAuthorize(Roles.ONLY_ADMIN)
    Map<String, Object> advance(@RequestBody Advance request) {
        if (request == null || request.days() == null || request.days() < 1 || request.days() > 400) {
            throw ApiException.invalid(java.util.List.of(new FieldProblem("days", "days", "form.tooLarge", "1..400")));
        }
        String before = BusinessTime.now().toString();
        long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
        ClockUtil.offset(offset + Duration.ofDays(request.days()).toMillis());
        int fired = 0;
        for (Job job : management.createJobQuery().timers().executable().list()) {
            try {
                management.executeJob(job.getId());
                fired++;
            } catch (RuntimeException failed) {
                // The job executor retries it like any failed job; the demo goes on.
            }
        }
        audit.byUser(currentUser.get(), "DEMO_CLOCK_ADVANCED", "engine clock", "+" + request.days() + "d",
                Map.of("now", before), Map.of("now", BusinessTime.now().toString(), "timersFired", fired));
        return Map.of("now", BusinessTime.now().toString(), "timersFired", fired);
    }
}
