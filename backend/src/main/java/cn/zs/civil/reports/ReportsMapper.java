package cn.zs.civil.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ReportsMapper {

    List<ReceivedRow> received(@Param("scope") ReportScope scope);

    List<ClosedRow> closed(@Param("scope") ReportScope scope);

    List<WaiverRow> waivers(@Param("scope") ReportScope scope);

    /** Per day: {@code kind} RECEIVED (by received_at), DECIDED or WITHDRAWN (by decided_at). */
    List<DayCount> perDay(@Param("scope") ReportScope scope, @Param("kind") String kind);

    List<DecidedCase> decidedCases(@Param("scope") ReportScope scope);

    List<ClockFigures.Clock> clocksOfDecided(@Param("scope") ReportScope scope);

    List<ClockFigures.Clock> runningClocks(@Param("service") String service,
            @Param("districts") Collection<String> districts, @Param("now") java.time.Instant now);

    List<Pause> pausesOfRunning(@Param("service") String service, @Param("districts") Collection<String> districts,
            @Param("now") java.time.Instant now);

    List<Pause> pausesOfDecided(@Param("scope") ReportScope scope);

    List<CompletedTask> completedTasks(@Param("scope") ReportScope scope);

    List<Pause> pausesOfTasks(@Param("scope") ReportScope scope);

    List<OpenCaseDay> openCaseDays(@Param("scope") ReportScope scope);

    List<OpenTaskDay> openTaskDays(@Param("scope") ReportScope scope, @Param("withQueues") boolean withQueues);

    List<ServiceCount> correctedEnded(@Param("scope") ReportScope scope);

    List<OpenTask> openTasks(@Param("service") String service, @Param("districts") Collection<String> districts);

    record Pause(String applicationNo, cn.zs.civil.clock.PauseReason reason, java.time.Instant startedAt,
            java.time.Instant endedAt) {
    }

    record CompletedTask(String applicationNo, String serviceCode, String district, String taskKey, String taskName,
            String assignee, LocalDateTime startedAt, LocalDateTime endedAt) {
    }

    record OpenCaseDay(String serviceCode, String district, String status, LocalDate receivedDay, Long n) {
    }

    record OpenTaskDay(String serviceCode, String district, String taskKey, String taskName, String queue,
            Integer assigned, LocalDate createdDay, Long n) {
    }

    record ServiceCount(String serviceCode, Long n) {
    }

    record OpenTask(String applicationNo, String taskKey, String taskName, String assignee, String queue) {
    }

    record ReceivedRow(String serviceCode, Long received, Long online, Long nonLocal) {
    }

    record ClosedRow(String serviceCode, String status, String outcome, Long n) {
    }

    record WaiverRow(String serviceCode, Long n, BigDecimal amount) {
    }

    record DayCount(LocalDate reportDay, Long n) {
    }

    record DecidedCase(String applicationNo, String serviceCode, String district, LocalDateTime receivedAt,
            LocalDateTime decidedAt, Integer hasClock) {
    }

}
