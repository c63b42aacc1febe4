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

    /** @param nonLocal whether to count the cross-province/city marriage and divorce cases (a join) */
    List<ReceivedRow> received(@Param("scope") ReportScope scope, @Param("nonLocal") boolean nonLocal);

    List<ClosedRow> closed(@Param("scope") ReportScope scope);

    List<RatingCount> ratings(@Param("scope") ReportScope scope);

    /** Ratings given or defaulted in the range, per service, month and level (the public figures, 好差评 公开). */
    List<MonthlyRatingCount> monthlyRatings(@Param("from") java.time.LocalDateTime from,
            @Param("to") java.time.LocalDateTime to);

    List<ServiceCount> openWorkOrders(@Param("scope") ReportScope scope);

    List<WaiverRow> waivers(@Param("scope") ReportScope scope);

    /** Per day: {@code kind} RECEIVED (by received_at), DECIDED or WITHDRAWN (by decided_at). */
    List<DayCount> perDay(@Param("scope") ReportScope scope, @Param("kind") String kind);

    /** Running clocks that may be overdue, one row per pause (pause columns null without one). */
    List<RunningClock> runningClocks(@Param("service") String service,
            @Param("districts") Collection<String> districts, @Param("now") java.time.Instant now);

    List<CaseOfProcess> casesOf(@Param("applicationNos") Collection<String> applicationNos);

    record RunningClock(String applicationNo, java.time.Instant startedAt, cn.zs.civil.clock.LimitUnit limitUnit,
            Integer statutoryDays, Integer promisedDays, cn.zs.civil.clock.PauseReason pauseReason,
            java.time.Instant pauseStartedAt, java.time.Instant pauseEndedAt) {
    }

    List<OpenCaseDay> openCaseDays(@Param("scope") ReportScope scope);

    List<ServiceCount> correctedEnded(@Param("scope") ReportScope scope);

    record Pause(String applicationNo, cn.zs.civil.clock.PauseReason reason, java.time.Instant startedAt,
            java.time.Instant endedAt) {
    }

    record OpenCaseDay(String serviceCode, String district, String status, LocalDate receivedDay, Long n) {
    }

    record ServiceCount(String serviceCode, Long n) {
    }

    /** online: applied online; booked: booked online, at the counter; noApplication: granted without one. */
    record ReceivedRow(String serviceCode, Long received, Long online, Long booked, Long noApplication,
            Long nonLocal) {
    }

    record ClosedRow(String serviceCode, String status, String outcome, Long n) {
    }

    record RatingCount(String serviceCode, Integer level, Boolean defaulted, Long n) {
    }

    record MonthlyRatingCount(String serviceCode, Integer ratedYear, Integer ratedMonth, Integer level,
            Boolean defaulted, Long n) {
    }

    record WaiverRow(String serviceCode, Long n, BigDecimal amount) {
    }

    record DayCount(LocalDate reportDay, Long n) {
    }


    // ---- reporting tables -------------------------------------------------------------------------------------

    ReportFacts.CaseInput factCase(@Param("applicationNo") String applicationNo);

    List<ReportFacts.CaseInput> factCasesMissing(@Param("after") String after, @Param("limit") int limit);

    List<ReportFacts.TaskInput> factTasksMissing(@Param("after") String after, @Param("limit") int limit);

    LocalDateTime taskStart(@Param("taskId") String taskId);

    CaseOfProcess caseOfProcess(@Param("processInstanceId") String processInstanceId);

    List<Pause> pausesOf(@Param("applicationNos") Collection<String> applicationNos);

    int deleteCaseFact(@Param("applicationNo") String applicationNo);

    int deleteTaskFact(@Param("taskId") String taskId);

    /** @param source CASE (rp_case, withdrawals left out) or TASK (rp_task) */
    List<HistogramRow> histogram(@Param("scope") ReportScope scope, @Param("source") String source,
            @Param("group") String group, @Param("measures") List<FactMeasure> measures);

    List<GroupSums> groupSums(@Param("scope") ReportScope scope, @Param("source") String source,
            @Param("group") String group, @Param("label") String label);

    List<SlaCount> slaCounts(@Param("scope") ReportScope scope, @Param("source") String source);

    record CaseOfProcess(String applicationNo, String serviceCode, String district) {
    }

    /** A measure of the facts: its code in the result, its SQL expression over {@code r}, an extra condition. */
    record FactMeasure(int code, String expression, String filter) {
    }

    record HistogramRow(String grp, Integer measure, Long v, Long n) {
    }

    /** Per group: its label and service, and the paused working days per reason (in {@link
     * cn.zs.civil.clock.PauseReason} order). */
    record GroupSums(String grp, String label, String serviceCode, Long r0, Long r1, Long r2, Long r3, Long r4,
            Long r5) {

        long[] byReason() {
            return new long[] {n(r0), n(r1), n(r2), n(r3), n(r4), n(r5)};
        }

        private static long n(Long v) {
            return v == null ? 0 : v;
        }
    }

    record SlaCount(String serviceCode, Long withClock, Long statutoryLate, Long promised, Long promisedLate) {
    }
}
