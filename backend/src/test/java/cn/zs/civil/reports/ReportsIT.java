package cn.zs.civil.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.PauseReason;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Golden test: a few hundred cases in 2018/2019 (years no other test touches), generated with a fixed seed and
 * inserted directly, then every figure of the reports recomputed here by brute force from the same list.
 */
class ReportsIT extends ApiTestBase {

    /** How a case reached the bureau (application.CaseChannel); all but COUNTER count as handled online. */
    private static final List<String> CHANNELS = List.of("ONLINE", "ONLINE", "BOOKED", "COUNTER", "NO_APPLICATION");

    /** The row's online share and its parts, from the generated cases received in its range. */
    private static void assertOnline(JsonNode row, List<Case> received, String as) {
        Map<String, Long> by = new TreeMap<>();
        received.forEach(c -> by.merge(c.channel(), 1L, Long::sum));
        long online = received.size() - by.getOrDefault("COUNTER", 0L);
        assertThat(row.path("online").asLong()).as(as).isEqualTo(online);
        assertThat(row.path("appliedOnline").asLong()).as(as).isEqualTo(by.getOrDefault("ONLINE", 0L));
        assertThat(row.path("bookedOnline").asLong()).as(as).isEqualTo(by.getOrDefault("BOOKED", 0L));
        assertThat(row.path("grantedWithoutApplication").asLong()).as(as).isEqualTo(by.getOrDefault("NO_APPLICATION", 0L));
        assertThat(row.path("walkIns").asLong()).as(as).isEqualTo(by.getOrDefault("COUNTER", 0L));
        assertDecimal(row.path("onlineShare"), received.isEmpty() ? null : BigDecimal.valueOf(online)
                .divide(BigDecimal.valueOf(received.size()), 4, RoundingMode.HALF_UP));
    }


    private static final String PREFIX = "RPT19-";
    private static final List<String> SERVICES = List.of("marriage-registration", "divorce-registration",
            "funeral-fee-waiver", "funeral-fee-reimbursement", "socialorg-establishment", "placename-approval");
    private static final List<String> DISTRICTS = List.of("shiqi", "xiaolan", "dongqu", "guzhen");
    /** Open cases are received in the last weeks, in districts no other test uses, so the backlog is ours alone. */
    private static final List<String> OPEN_DISTRICTS = List.of("rpt-north", "rpt-south");
    private static final Map<String, List<String>> OUTCOMES = Map.of(
            "marriage-registration", List.of("REGISTERED", "REFUSED"),
            "divorce-registration", List.of("REGISTERED", "DEEMED_WITHDRAWN", "REFUSED"),
            "funeral-fee-waiver", List.of("WAIVED", "NOT_ELIGIBLE", "NOT_ACCEPTED"),
            "funeral-fee-reimbursement", List.of("PAID", "REJECTED", "LAPSED"),
            "socialorg-establishment", List.of("REGISTERED", "REFUSED"),
            "placename-approval", List.of("APPROVED", "REFUSED"));
    private static final List<String> CLERKS = List.of("rpt-clerk-a", "rpt-clerk-b", "rpt-clerk-c");
    private static final List<String> QUEUES = List.of("rpt-queue-a", "rpt-queue-b");
    private static final List<Integer> AGE_BOUNDS = List.of(2, 5, 10, 20);
    private static final List<String> REFUSALS = List.of("REFUSED", "NOT_ELIGIBLE", "REJECTED",
            "DOCUMENTS_REJECTED", "ALREADY_WAIVED");
    private static final List<String> LAPSES = List.of("DEEMED_WITHDRAWN", "LAPSED");
    private static List<Case> cases;

    @Autowired
    private StatutoryClock clock;

    @Autowired
    private ReportFacts facts;

    record Pause(PauseReason reason, Instant start, Instant end) {
    }

    /** A user task; {@code end} null while open. */
    record Task(String id, String key, String name, String assignee, LocalDateTime start, LocalDateTime end,
            List<String> queues) {
    }

    record Case(String no, String service, String district, String channel, String status, String outcome,
            LocalDateTime receivedAt, LocalDateTime decidedAt, Boolean nonLocal, BigDecimal waived,
            Integer statutoryDays, Integer promisedDays, List<Pause> pauses, List<Task> tasks, boolean corrected) {

        boolean ended() {
            return decidedAt != null;
        }

        boolean withdrawn() {
            return "WITHDRAWN".equals(status);
        }

        boolean decided() {
            return ended() && !withdrawn();
        }

        String processInstance() {
            return "rpt-pi-" + no;
        }
    }

    @BeforeEach
    void dataset() {
        if (cases != null) {
            return;
        }
        for (String table : List.of("clock_case_pause", "clock_case_clock", "funeral_waiver", "marriage_case",
                "correction_notice", "application")) {
            jdbc.update("delete from " + table + " where application_no like ?", PREFIX + "%");
        }
        jdbc.update("delete from rp_case where application_no like ?", PREFIX + "%");
        jdbc.update("delete from rp_task where application_no like ?", PREFIX + "%");
        jdbc.update("delete from work_item where task_id like 'rpt-%'");
        jdbc.update("delete from ACT_HI_IDENTITYLINK where TASK_ID_ like 'rpt-%'");
        jdbc.update("delete from ACT_HI_TASKINST where ID_ like 'rpt-%'");
        Random random = new Random(20191231L);
        LocalDateTime now = BusinessTime.now().withNano(0);
        List<Case> generated = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String no = String.format("%s%04d", PREFIX, i);
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            int kind = random.nextInt(10);
            LocalDateTime received = kind < 8
                    ? LocalDateTime.of(2018, 12, 1, 8, 0).plusDays(random.nextInt(396))
                            .plusMinutes(random.nextInt(10 * 60)).plusSeconds(random.nextInt(60))
                    : now.minusDays(random.nextInt(40)).minusMinutes(random.nextInt(600));
            String status;
            String outcome = null;
            LocalDateTime decided = null;
            if (kind < 7) {
                status = "DECIDED";
                List<String> outcomes = OUTCOMES.get(service);
                outcome = outcomes.get(random.nextInt(outcomes.size()));
                decided = received.plusDays(random.nextInt(45)).plusMinutes(1 + random.nextInt(600));
            } else if (kind < 8) {
                status = "WITHDRAWN";
                outcome = "WITHDRAWN";
                decided = received.plusDays(random.nextInt(20)).plusMinutes(30);
            } else {
                status = random.nextBoolean() ? "UNDER_REVIEW" : "RECEIVED";
            }
            String district = decided == null ? OPEN_DISTRICTS.get(random.nextInt(OPEN_DISTRICTS.size()))
                    : DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            boolean marriage = service.endsWith("-registration");
            Boolean nonLocal = marriage && random.nextInt(4) > 0 ? random.nextInt(3) == 0 : null;
            BigDecimal waived = "funeral-fee-waiver".equals(service) && "WAIVED".equals(outcome)
                    ? BigDecimal.valueOf(50_000 + random.nextInt(500_000), 2) : null;
            boolean withClock = !"RECEIVED".equals(status) && random.nextInt(6) > 0;
            Integer statutory = withClock ? 5 + random.nextInt(20) : null;
            Integer promised = withClock && random.nextBoolean() ? 1 + random.nextInt(statutory) : null;
            List<Pause> pauses = new ArrayList<>();
            Instant start = instant(received);
            if (withClock && decided != null && random.nextInt(3) > 0) {
                long span = Duration.between(received, decided).toSeconds();
                long a = (long) (random.nextDouble() * span / 2);
                long b = a + (long) (random.nextDouble() * (span / 2 - a));
                PauseReason[] reasons = PauseReason.values();
                pauses.add(new Pause(reasons[random.nextInt(reasons.length)], start.plusSeconds(a),
                        start.plusSeconds(b)));
                if (random.nextBoolean()) {
                    long c = span / 2 + (long) (random.nextDouble() * span / 2);
                    long d = c + (long) (random.nextDouble() * (span - c));
                    pauses.add(new Pause(reasons[random.nextInt(reasons.length)], start.plusSeconds(c),
                            start.plusSeconds(d)));
                }
            }
            List<Task> tasks = new ArrayList<>();
            if (decided != null) {
                LocalDateTime mid = received.plusSeconds(random.nextInt(
                        (int) Math.max(1, Duration.between(received, decided).toSeconds())));
                tasks.add(new Task("rpt-" + no + "-1", "Task_CheckMaterials", "审查材料",
                        CLERKS.get(random.nextInt(CLERKS.size())), received, mid, List.of()));
                if (random.nextInt(4) > 0) {
                    tasks.add(new Task("rpt-" + no + "-2", "Task_Decide", "作出决定",
                            CLERKS.get(random.nextInt(CLERKS.size())), mid, decided, List.of()));
                }
            } else {
                List<String> queues = random.nextBoolean() ? QUEUES
                        : List.of(QUEUES.get(random.nextInt(QUEUES.size())));
                tasks.add(new Task("rpt-" + no + "-1", "Task_CheckMaterials", "审查材料",
                        random.nextBoolean() ? CLERKS.get(random.nextInt(CLERKS.size())) : null,
                        received.plusMinutes(random.nextInt(60 * 24 * 3)), null, queues));
            }
            boolean corrected = random.nextInt(4) == 0;
            generated.add(new Case(no, service, district, CHANNELS.get(random.nextInt(CHANNELS.size())),
                    status, outcome, received, decided, nonLocal, waived, statutory, promised, pauses, tasks,
                    corrected));
        }
        for (Case c : generated) {
            jdbc.update("insert into application (application_no, query_code, service_code, applicant_id, channel,"
                    + " district, status, outcome, form_data, received_at, decided_at, closed_at, updated_at,"
                    + " process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?)", c.no(),
                    "Q" + c.no().substring(6), c.service(), "report-test", c.channel(), c.district(), c.status(),
                    c.outcome(), c.receivedAt(), c.decidedAt(), c.decidedAt(), c.receivedAt(), c.processInstance());
            if (c.nonLocal() != null) {
                jdbc.update("insert into marriage_case (application_no, service_code, non_local) values (?, ?, ?)",
                        c.no(), c.service(), c.nonLocal());
            }
            if (c.waived() != null) {
                jdbc.update("insert into funeral_waiver (application_no, deceased_key, waiver_path, charged_amount,"
                        + " waived_amount, special_group, waiver_lines, rule_versions, decided_at)"
                        + " values (?, ?, 'A', ?, ?, 'NONE', '[]', 'test', ?)", c.no(),
                        String.format("%064d", Integer.parseInt(c.no().substring(6))), c.waived(), c.waived(),
                        c.decidedAt());
            }
            if (c.corrected()) {
                jdbc.update("insert into correction_notice (application_no, items, requested_by, requested_at)"
                        + " values (?, '[]', 'rpt-clerk-a', ?)", c.no(), c.receivedAt());
            }
            if (c.statutoryDays() != null) {
                jdbc.update("insert into clock_case_clock (application_no, started_at, limit_unit, statutory_days,"
                        + " promised_days, stopped_at) values (?, ?, 'WORKING', ?, ?, ?)", c.no(),
                        Timestamp.from(instant(c.receivedAt())), c.statutoryDays(), c.promisedDays(),
                        c.decidedAt() == null ? null : Timestamp.from(instant(c.decidedAt())));
                for (int k = 0; k < c.pauses().size(); k++) {
                    Pause pause = c.pauses().get(k);
                    jdbc.update("insert into clock_case_pause (application_no, seq, reason, started_at, ended_at)"
                            + " values (?, ?, ?, ?, ?)", c.no(), k + 1, pause.reason().name(),
                            Timestamp.from(pause.start()), Timestamp.from(pause.end()));
                }
            }
            for (Task t : c.tasks()) {
                if (t.end() == null) {
                    // An open task is a row per queue in the worklist's read model, as its engine hook writes it
                    // (the engine has no runtime task for these, so nothing else sees them).
                    int first = 1;
                    for (String queue : t.queues()) {
                        jdbc.update("insert into work_item (task_id, group_id, district, assignee, due_sort,"
                                + " created_at, application_no, process_instance_id, task_key, task_name,"
                                + " service_code, first_queue) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(),
                                queue, c.district(), t.assignee(), LocalDateTime.of(9999, 12, 31, 0, 0), t.start(),
                                c.no(), c.processInstance(), t.key(), t.name(), c.service(), first);
                        first = 0;
                    }
                    continue;
                }
                jdbc.update("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_INST_ID_, NAME_, ASSIGNEE_,"
                        + " START_TIME_, END_TIME_, DELETE_REASON_) values (?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.key(),
                        c.processInstance(), t.name(), t.assignee(), t.start(), t.end(), "completed");
            }
        }
        // The rows above went straight into the tables, past the application's write path: the backfill writes
        // the facts of the ended cases and completed tasks as the application would have at each end and
        // completion (the open tasks went straight into their read model).
        facts.backfill();
        cases = generated;
    }

    // ---- annual --------------------------------------------------------------------------------------------

    @Test
    void annualStatisticsMatchABruteForceCountPerService() {
        JsonNode body = ok(api().as("director").get("/api/reports/annual?year=2019"));
        assertAnnual(body, c -> true);
        assertThat(body.path("services")).hasSize(SERVICES.size());
    }

    @Test
    void aDistrictManagerSeesOnlyTheirDistrict() {
        Predicate<Case> xiaolan = c -> c.district().equals("xiaolan");
        assertAnnual(ok(api().as("manager-xl").get("/api/reports/annual?year=2019")), xiaolan);
        assertAnnual(ok(api().as("manager").get("/api/reports/annual?year=2019&district=xiaolan")), xiaolan);
        assertThroughput(api().as("manager-xl"), "2019-01-01", "2019-12-31", "month", null, xiaolan);
        assertThat(api().as("manager-xl").get("/api/reports/annual?year=2019&district=shiqi").status())
                .isEqualTo(403);
        assertThat(api().as("manager-xl").get("/api/reports/sla?from=2019-01-01&to=2019-12-31&district=shiqi")
                .status()).isEqualTo(403);
    }

    private void assertAnnual(JsonNode body, Predicate<Case> scope) {
        LocalDateTime from = LocalDateTime.of(2019, 1, 1, 0, 0);
        LocalDateTime to = LocalDateTime.of(2020, 1, 1, 0, 0);
        Predicate<LocalDateTime> inYear = t -> t != null && !t.isBefore(from) && t.isBefore(to);
        Map<String, JsonNode> rows = new TreeMap<>();
        body.path("services").forEach(r -> rows.put(r.path("serviceCode").asText(), r));
        rows.put("*", body.path("total"));
        for (String service : rows.keySet()) {
            List<Case> mine = (cases.stream().filter(PREFIX_ONLY).filter(scope)
                    .filter(c -> service.equals("*") || c.service().equals(service))).toList();
            JsonNode row = rows.get(service);
            List<Case> received = mine.stream().filter(c -> inYear.test(c.receivedAt())).toList();
            List<Case> ended = mine.stream().filter(c -> inYear.test(c.decidedAt())).toList();
            assertThat(row.path("received").asLong()).as(service).isEqualTo(received.size());
            assertThat(row.path("decided").asLong()).as(service).isEqualTo(ended.stream().filter(Case::decided).count());
            assertOnline(row, received, service);
            assertThat(row.path("nonLocal").asLong()).as(service)
                    .isEqualTo(received.stream().filter(c -> Boolean.TRUE.equals(c.nonLocal())).count());
            Map<String, Long> outcomes = new TreeMap<>();
            ended.forEach(c -> outcomes.merge(c.outcome(), 1L, Long::sum));
            Map<String, Long> reported = new TreeMap<>();
            row.path("outcomes").fields().forEachRemaining(e -> reported.put(e.getKey(), e.getValue().asLong()));
            assertThat(reported).as(service).isEqualTo(outcomes);
            List<Case> waivers = ended.stream().filter(c -> c.waived() != null).toList();
            assertThat(row.path("waivers").asLong()).as(service).isEqualTo(waivers.size());
            assertDecimal(row.path("waivedAmount"), waivers.stream().map(Case::waived)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(rows.get("funeral-fee-waiver").path("waivers").asLong()).isPositive();
        assertThat(rows.get("marriage-registration").path("nonLocal").asLong()).isPositive();
    }

    // Other tests' cases live in other years; the prefix keeps this list honest if one ever strays.
    private static final Predicate<Case> PREFIX_ONLY = c -> c.no().startsWith(PREFIX);

    // ---- throughput ----------------------------------------------------------------------------------------

    @Test
    void throughputPerDayWeekAndMonthMatchesABruteForceCount() {
        Api manager = api().as("manager");
        assertThroughput(manager, "2019-02-10", "2019-11-20", "week", null, c -> true);
        assertThroughput(manager, "2019-01-01", "2019-12-31", "month", null, c -> true);
        assertThroughput(manager, "2019-03-01", "2019-04-15", "day", "divorce-registration",
                c -> c.service().equals("divorce-registration"));
    }

    private void assertThroughput(Api caller, String from, String to, String period, String service,
            Predicate<Case> scope) {
        JsonNode body = ok(caller.get("/api/reports/throughput?from=" + from + "&to=" + to + "&period=" + period
                + (service == null ? "" : "&service=" + service)));
        LocalDate first = LocalDate.parse(from);
        LocalDate last = LocalDate.parse(to);
        Function<LocalDate, LocalDate> bucket = d -> switch (period) {
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> d.withDayOfMonth(1);
            default -> d;
        };
        Map<LocalDate, long[]> expected = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            expected.putIfAbsent(bucket.apply(d), new long[3]);
        }
        Predicate<LocalDateTime> inRange = t -> t != null && !t.toLocalDate().isBefore(first)
                && !t.toLocalDate().isAfter(last);
        for (Case c : cases.stream().filter(scope).toList()) {
            if (inRange.test(c.receivedAt())) {
                expected.get(bucket.apply(c.receivedAt().toLocalDate()))[0]++;
            }
            if (inRange.test(c.decidedAt())) {
                expected.get(bucket.apply(c.decidedAt().toLocalDate()))[c.withdrawn() ? 2 : 1]++;
            }
        }
        Map<LocalDate, List<Long>> reported = new TreeMap<>();
        body.path("rows").forEach(r -> reported.put(LocalDate.parse(r.path("period").asText()),
                List.of(r.path("received").asLong(), r.path("decided").asLong(), r.path("withdrawn").asLong())));
        Map<LocalDate, List<Long>> wanted = new TreeMap<>();
        expected.forEach((k, v) -> wanted.put(k, List.of(v[0], v[1], v[2])));
        assertThat(reported).as(period).isEqualTo(wanted);
    }

    // ---- cycle time ----------------------------------------------------------------------------------------

    @Test
    void cycleTimeStatisticsMatchABruteForceComputationWithNearestRankPercentiles() {
        JsonNode body = ok(api().as("manager").get("/api/reports/cycle-time?from=2019-01-01&to=2019-12-31"));
        Map<String, JsonNode> rows = new TreeMap<>();
        body.path("services").forEach(r -> rows.put(r.path("serviceCode").asText(), r));
        rows.put("*", body.path("total"));
        assertThat(rows).hasSize(SERVICES.size() + 1);
        for (String service : rows.keySet()) {
            List<Case> decided = cases.stream().filter(c -> service.equals("*") || c.service().equals(service))
                    .filter(Case::decided).filter(c -> c.decidedAt().getYear() == 2019).toList();
            List<BigDecimal> hours = decided.stream().map(c -> hours(
                    Duration.between(c.receivedAt(), c.decidedAt()).toSeconds())).toList();
            List<BigDecimal> working = decided.stream().map(c -> BigDecimal.valueOf(
                    clock.workingDaysBetween(instant(c.receivedAt()), instant(c.decidedAt())))).toList();
            List<BigDecimal> paused = decided.stream().filter(c -> c.statutoryDays() != null)
                    .map(c -> BigDecimal.valueOf(pausedWorkingDays(c))).toList();
            JsonNode row = rows.get(service);
            assertStats(service + " hours", row.path("elapsedHours"), hours);
            assertStats(service + " working days", row.path("workingDays"), working);
            assertStats(service + " paused", row.path("pausedWorkingDays"), paused);
        }
        assertThat(body.path("total").path("pausedWorkingDays").path("max").asInt()).isPositive();
    }

    private static void assertStats(String what, JsonNode stats, List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        assertThat(stats.path("count").asInt()).as(what).isEqualTo(n);
        assertThat(n).as(what).isPositive();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertDecimal(stats.path("mean"), sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP));
        // Nearest rank: the smallest value with at least p % of the values at or below it.
        for (int p : new int[] {50, 90, 95}) {
            BigDecimal expected = null;
            for (int k = 1; k <= n; k++) {
                if (k * 100 >= p * n) {
                    expected = sorted.get(k - 1);
                    break;
                }
            }
            assertDecimal(stats.path(p == 50 ? "median" : "p" + p), expected);
        }
        assertDecimal(stats.path("max"), sorted.get(n - 1));
    }

    // ---- SLA -----------------------------------------------------------------------------------------------

    @Test
    void slaComplianceAndOverdueCasesMatchABruteForceComputationWithTheCalendar() {
        JsonNode body = ok(api().as("director").get("/api/reports/sla?from=2019-01-01&to=2019-12-31&overdueLimit=5000"));
        Map<String, JsonNode> rows = new TreeMap<>();
        body.path("services").forEach(r -> rows.put(r.path("serviceCode").asText(), r));
        rows.put("*", body.path("total"));
        for (String service : rows.keySet()) {
            List<Case> decided = cases.stream().filter(c -> service.equals("*") || c.service().equals(service))
                    .filter(Case::decided).filter(c -> c.decidedAt().getYear() == 2019)
                    .filter(c -> c.statutoryDays() != null).toList();
            JsonNode row = rows.get(service);
            assertThat(row.path("withClock").asLong()).as(service).isEqualTo(decided.size());
            long statutoryRed = decided.stream().filter(c -> late(c, c.statutoryDays())).count();
            List<Case> promised = decided.stream().filter(c -> c.promisedDays() != null).toList();
            long promisedRed = promised.stream().filter(c -> late(c, c.promisedDays())).count();
            assertCompliance(service, row.path("statutory"), decided.size(), statutoryRed);
            assertCompliance(service, row.path("promised"), promised.size(), promisedRed);
        }
        assertThat(body.path("total").path("promised").path("red").asLong()).isPositive();
        List<String> expectedOverdue = new ArrayList<>();
        LocalDate today = BusinessTime.now().toLocalDate();
        cases.stream().filter(c -> !c.ended() && c.statutoryDays() != null)
                .filter(c -> today.isAfter(clock.addWorkingDays(c.receivedAt().toLocalDate(), c.statutoryDays())))
                .sorted(java.util.Comparator.comparing((Case c) -> clock.addWorkingDays(
                        c.receivedAt().toLocalDate(), c.statutoryDays())).thenComparing(Case::no))
                .forEach(c -> expectedOverdue.add(c.no() + " " + c.service() + " " + c.district() + " "
                        + clock.addWorkingDays(c.receivedAt().toLocalDate(), c.statutoryDays()) + " "
                        + c.tasks().stream().map(t -> t.key() + ":" + (t.assignee() != null ? t.assignee()
                                : t.queues().stream().sorted().toList())).toList()));
        List<String> overdue = new ArrayList<>();
        body.path("overdue").forEach(o -> {
            if (o.path("applicationNo").asText().startsWith(PREFIX)) {
                List<String> owners = new ArrayList<>();
                o.path("owners").forEach(w -> {
                    List<String> queues = new ArrayList<>();
                    w.path("queues").forEach(q -> queues.add(q.asText()));
                    owners.add(w.path("taskKey").asText() + ":" + (!w.hasNonNull("assignee")
                            ? queues.toString() : w.path("assignee").asText()));
                });
                overdue.add(o.path("applicationNo").asText() + " " + o.path("serviceCode").asText() + " "
                        + o.path("district").asText() + " " + o.path("statutoryDueDate").asText() + " " + owners);
            }
        });
        assertThat(overdue).isNotEmpty().isEqualTo(expectedOverdue);
        assertThat(body.path("overdueTotal").asLong()).isEqualTo(body.path("overdue").size());
        // The default list is the first 100 by due date; a single one is the earliest, and the count stays whole.
        JsonNode one = ok(api().as("director").get("/api/reports/sla?from=2019-01-01&to=2019-12-31&overdueLimit=1"));
        assertThat(one.path("overdue")).hasSize(1);
        assertThat(one.path("overdue").get(0).path("applicationNo").asText())
                .isEqualTo(body.path("overdue").get(0).path("applicationNo").asText());
        assertThat(one.path("overdueTotal").asLong()).isEqualTo(body.path("overdueTotal").asLong());
    }

    private int pausedWorkingDays(Case c) {
        return c.pauses().stream().mapToInt(p -> clock.workingDaysBetween(p.start(), p.end())).sum();
    }

    /** Decided after the last day, the last day moved by the working days of the pause. */
    private boolean late(Case c, int limit) {
        int paused = pausedWorkingDays(c);
        LocalDate due = clock.addWorkingDays(c.receivedAt().toLocalDate(), limit + paused);
        return c.decidedAt().toLocalDate().isAfter(due);
    }

    private static void assertCompliance(String what, JsonNode node, long cases, long red) {
        assertThat(node.path("cases").asLong()).as(what).isEqualTo(cases);
        assertThat(node.path("red").asLong()).as(what).isEqualTo(red);
        // A stopped clock is never yellow: it is either within its limit or past it.
        assertThat(node.path("yellow").asLong()).as(what).isZero();
        assertThat(node.path("onTime").asLong()).as(what).isEqualTo(cases - red);
    }

    // ---- cycle time breakdown ----------------------------------------------------------------------------

    /** The figures of one measured interval: hours, paused hours, working, paused working and net working days. */
    private BigDecimal[] measure(Case c, LocalDateTime from, LocalDateTime to) {
        Instant s = instant(from);
        Instant e = instant(to);
        long pausedSeconds = 0;
        int paused = 0;
        int excluded = 0;
        for (Pause p : c.pauses()) {
            Instant ps = p.start().isAfter(s) ? p.start() : s;
            Instant pe = p.end().isBefore(e) ? p.end() : e;
            if (ps.isBefore(pe)) {
                pausedSeconds += Duration.between(ps, pe).toSeconds();
                int days = clock.workingDaysBetween(ps, pe);
                paused += days;
                // The test profile counts inspection time against the limit.
                excluded += p.reason() == PauseReason.INSPECTION ? 0 : days;
            }
        }
        int working = clock.workingDaysBetween(s, e);
        return new BigDecimal[] {hours(Duration.between(from, to).toSeconds()), hours(pausedSeconds),
                BigDecimal.valueOf(working), BigDecimal.valueOf(paused), BigDecimal.valueOf(Math.max(0, working - excluded))};
    }

    /** Hours in tenths, half-up per item: the reports' documented resolution. */
    private static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
    }

    private static final List<String> MEASURES = List.of("elapsedHours", "pausedHours", "workingDays",
            "pausedWorkingDays", "netWorkingDays");

    private void assertBreakdown(String query, Map<String, List<BigDecimal[]>> expected) {
        JsonNode body = ok(api().as("manager").get("/api/reports/cycle-time/breakdown?" + query));
        Map<String, JsonNode> rows = new TreeMap<>();
        body.path("groups").forEach(r -> rows.put(r.path("key").asText(), r));
        rows.put("*", body.path("total"));
        List<BigDecimal[]> all = new ArrayList<>();
        expected.values().forEach(all::addAll);
        Map<String, List<BigDecimal[]>> wanted = new TreeMap<>(expected);
        wanted.put("*", all);
        assertThat(rows.keySet()).as(query).isEqualTo(wanted.keySet());
        wanted.forEach((key, items) -> {
            for (int m = 0; m < MEASURES.size(); m++) {
                int i = m;
                assertStats(query + " " + key + " " + MEASURES.get(m), rows.get(key).path(MEASURES.get(m)),
                        items.stream().map(x -> x[i]).toList());
            }
        });
    }

    @Test
    void cycleTimeByDistrictAndMonthMatchesABruteForceComputationWithPausesApart() {
        List<Case> decided = cases.stream().filter(Case::decided).filter(c -> c.decidedAt().getYear() == 2019)
                .toList();
        Map<String, List<BigDecimal[]>> byDistrict = new TreeMap<>();
        Map<String, List<BigDecimal[]>> byMonth = new TreeMap<>();
        Map<String, List<BigDecimal[]>> byService = new TreeMap<>();
        for (Case c : decided) {
            BigDecimal[] m = measure(c, c.receivedAt(), c.decidedAt());
            byDistrict.computeIfAbsent(c.district(), k -> new ArrayList<>()).add(m);
            byMonth.computeIfAbsent(c.decidedAt().toLocalDate().withDayOfMonth(1).toString(),
                    k -> new ArrayList<>()).add(m);
            if (c.service().equals("divorce-registration")) {
                byService.computeIfAbsent(c.service(), k -> new ArrayList<>()).add(m);
            }
        }
        assertBreakdown("from=2019-01-01&to=2019-12-31&by=district", byDistrict);
        assertBreakdown("from=2019-01-01&to=2019-12-31&by=period&period=month", byMonth);
        assertBreakdown("from=2019-01-01&to=2019-12-31&service=divorce-registration", byService);
        // Both kinds of pause occur, and the net figure leaves out only the excluded ones.
        List<BigDecimal[]> all = new ArrayList<>();
        byDistrict.values().forEach(all::addAll);
        assertThat(all.stream().anyMatch(m -> m[3].signum() > 0 && m[4].compareTo(m[2].subtract(m[3])) > 0)).isTrue();
        assertThat(all.stream().anyMatch(m -> m[3].signum() > 0 && m[4].compareTo(m[2].subtract(m[3])) == 0)).isTrue();
    }

    @Test
    void cycleTimePerStepAndPerClerkComesFromTheEngineHistory() {
        LocalDateTime from = LocalDateTime.of(2019, 1, 1, 0, 0);
        LocalDateTime to = LocalDateTime.of(2020, 1, 1, 0, 0);
        Map<String, List<BigDecimal[]>> bySteps = new TreeMap<>();
        Map<String, List<BigDecimal[]>> byClerk = new TreeMap<>();
        for (Case c : cases) {
            for (Task t : c.tasks()) {
                if (t.end() != null && !t.end().isBefore(from) && t.end().isBefore(to)) {
                    BigDecimal[] m = measure(c, t.start(), t.end());
                    bySteps.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(m);
                    byClerk.computeIfAbsent(t.assignee(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        // Step keys are per service; one service keeps the keys unique.
        Map<String, List<BigDecimal[]>> marriageSteps = new TreeMap<>();
        for (Case c : cases.stream().filter(c -> c.service().equals("marriage-registration")).toList()) {
            for (Task t : c.tasks()) {
                if (t.end() != null && !t.end().isBefore(from) && t.end().isBefore(to)) {
                    marriageSteps.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(measure(c, t.start(), t.end()));
                }
            }
        }
        assertBreakdown("from=2019-01-01&to=2019-12-31&by=clerk", byClerk);
        assertBreakdown("from=2019-01-01&to=2019-12-31&by=step&service=marriage-registration", marriageSteps);
        JsonNode steps = ok(api().as("manager").get("/api/reports/cycle-time/breakdown?from=2019-01-01&to=2019-12-31"
                + "&by=step&service=marriage-registration"));
        assertThat(steps.path("groups").get(0).path("label").asText()).isEqualTo("审查材料");
        assertThat(steps.path("groups").get(0).path("serviceCode").asText()).isEqualTo("marriage-registration");
    }

    // ---- backlog ---------------------------------------------------------------------------------------------

    private int bucket(LocalDateTime since) {
        int age = Math.max(0, clock.workingDaysBetween(instant(since), BusinessTime.instant()));
        for (int i = 0; i < AGE_BOUNDS.size(); i++) {
            if (age <= AGE_BOUNDS.get(i)) {
                return i;
            }
        }
        return AGE_BOUNDS.size();
    }

    @Test
    void backlogOfOpenCasesAndTasksByAgeMatchesABruteForceCount() {
        for (String district : OPEN_DISTRICTS) {
            List<Case> open = cases.stream().filter(c -> !c.ended() && c.district().equals(district)).toList();
            JsonNode body = ok(api().as("director").get("/api/reports/backlog?district=" + district));
            assertThat(body.path("ageBuckets").toString()).isEqualTo("[\"0-2\",\"3-5\",\"6-10\",\"11-20\",\"21+\"]");
            Map<String, List<Long>> byService = new TreeMap<>();
            Map<String, List<Long>> byStatus = new TreeMap<>();
            Map<String, List<Long>> byQueue = new TreeMap<>();
            long[] steps = new long[2 + AGE_BOUNDS.size() + 1];
            for (Case c : open) {
                int b = bucket(c.receivedAt());
                countInto(byService, c.service(), b);
                countInto(byStatus, c.status(), b);
                Task t = c.tasks().get(0);
                int tb = bucket(t.start());
                steps[0]++;
                steps[1] += t.assignee() == null ? 1 : 0;
                steps[2 + tb]++;
                for (String q : t.queues()) {
                    countInto(byQueue, q + (t.assignee() == null ? " unassigned" : " assigned"), tb);
                }
            }
            assertThat(body.path("cases").path("total").asLong()).isEqualTo(open.size());
            assertThat(backlogRows(body.path("cases").path("byService"), "serviceCode")).isEqualTo(byService);
            assertThat(backlogRows(body.path("cases").path("byStatus"), "status")).isEqualTo(byStatus);
            assertThat(body.path("cases").path("byDistrict")).hasSize(1);
            assertThat(body.path("tasks").path("total").asLong()).isEqualTo(steps[0]);
            assertThat(body.path("tasks").path("unassigned").asLong()).isEqualTo(steps[1]);
            long stepTotal = 0;
            for (JsonNode r : body.path("tasks").path("byStep")) {
                assertThat(r.path("taskKey").asText()).isEqualTo("Task_CheckMaterials");
                stepTotal += r.path("total").asLong();
            }
            assertThat(stepTotal).isEqualTo(steps[0]);
            Map<String, List<Long>> queues = new TreeMap<>();
            for (JsonNode r : body.path("tasks").path("byQueue")) {
                assertThat(r.path("district").asText()).isEqualTo(district);
                List<Long> ages = new ArrayList<>();
                r.path("byAge").forEach(x -> ages.add(x.asLong()));
                long unassigned = r.path("unassigned").asLong();
                List<Long> expectedShape = new ArrayList<>(ages);
                queues.put(r.path("queue").asText() + " all", expectedShape);
                assertThat(unassigned).isEqualTo(byQueue.getOrDefault(r.path("queue").asText() + " unassigned",
                        List.of(0L)).stream().mapToLong(Long::longValue).sum());
            }
            Map<String, List<Long>> wantedQueues = new TreeMap<>();
            for (String q : QUEUES) {
                List<Long> sum = new ArrayList<>(Collections.nCopies(AGE_BOUNDS.size() + 1, 0L));
                for (String kind : List.of(" unassigned", " assigned")) {
                    List<Long> part = byQueue.get(q + kind);
                    if (part != null) {
                        for (int i = 0; i < sum.size(); i++) {
                            sum.set(i, sum.get(i) + part.get(i));
                        }
                    }
                }
                wantedQueues.put(q + " all", sum);
            }
            assertThat(queues).isEqualTo(wantedQueues);
        }
        // A district manager's backlog is their district's, and another district is refused.
        JsonNode xl = ok(api().as("manager-xl").get("/api/reports/backlog"));
        xl.path("cases").path("byDistrict").forEach(r -> assertThat(r.path("district").asText()).isEqualTo("xiaolan"));
        xl.path("tasks").path("byQueue").forEach(r -> assertThat(r.path("district").asText()).isEqualTo("xiaolan"));
        assertThat(api().as("manager-xl").get("/api/reports/backlog?district=rpt-north").status()).isEqualTo(403);
    }

    private static void countInto(Map<String, List<Long>> target, String key, int bucket) {
        List<Long> row = target.computeIfAbsent(key, k -> new ArrayList<>(Collections.nCopies(AGE_BOUNDS.size() + 1, 0L)));
        row.set(bucket, row.get(bucket) + 1);
    }

    private static Map<String, List<Long>> backlogRows(JsonNode rows, String field) {
        Map<String, List<Long>> out = new TreeMap<>();
        rows.forEach(r -> {
            List<Long> ages = new ArrayList<>();
            r.path("byAge").forEach(x -> ages.add(x.asLong()));
            assertThat(ages.stream().mapToLong(Long::longValue).sum()).isEqualTo(r.path("total").asLong());
            out.put(r.path(field).asText(), ages);
        });
        return out;
    }

    // ---- quality -------------------------------------------------------------------------------------------

    @Test
    void qualityRatesMatchABruteForceCount() {
        JsonNode body = ok(api().as("manager").get("/api/reports/quality?from=2019-01-01&to=2019-12-31"));
        Map<String, JsonNode> rows = new TreeMap<>();
        body.path("services").forEach(r -> rows.put(r.path("serviceCode").asText(), r));
        rows.put("*", body.path("total"));
        assertThat(rows).hasSize(SERVICES.size() + 1);
        for (String service : rows.keySet()) {
            List<Case> mine = cases.stream().filter(c -> service.equals("*") || c.service().equals(service)).toList();
            List<Case> received = mine.stream().filter(c -> c.receivedAt().getYear() == 2019).toList();
            List<Case> ended = mine.stream().filter(c -> c.ended() && c.decidedAt().getYear() == 2019).toList();
            long corrected = ended.stream().filter(Case::corrected).count();
            long withdrawn = ended.stream().filter(Case::withdrawn).count();
            long lapsed = ended.stream().filter(c -> LAPSES.contains(c.outcome())).count();
            long refused = ended.stream().filter(c -> REFUSALS.contains(c.outcome())).count();
            JsonNode row = rows.get(service);
            assertThat(row.path("received").asLong()).as(service).isEqualTo(received.size());
            assertThat(row.path("ended").asLong()).as(service).isEqualTo(ended.size());
            assertThat(row.path("corrected").asLong()).as(service).isEqualTo(corrected);
            assertThat(row.path("withdrawn").asLong()).as(service).isEqualTo(withdrawn);
            assertThat(row.path("lapsed").asLong()).as(service).isEqualTo(lapsed);
            assertThat(row.path("refused").asLong()).as(service).isEqualTo(refused);
            assertOnline(row, received, service);
            assertDecimal(row.path("correctionRate"), share(corrected, ended.size()));
            assertDecimal(row.path("firstTimeRight"), BigDecimal.ONE.subtract(share(corrected, ended.size())));
            assertDecimal(row.path("withdrawalRate"), share(withdrawn, ended.size()));
            assertDecimal(row.path("lapseRate"), share(lapsed, ended.size()));
            assertDecimal(row.path("refusalRate"), share(refused, ended.size()));
        }
        assertThat(rows.get("divorce-registration").path("lapsed").asLong()).isPositive();
    }

    /** A rating (好差评) as seeded for an ended case. */
    private record Rating(String service, String district, int level, boolean defaulted, boolean annulled,
            boolean openWorkOrder, LocalDateTime ratedAt) {
    }

    @Test
    void ratingsMatchABruteForceCount() {
        // Ratings for the seeded cases that ended: a level from the case's position, every 7th the 7-day default,
        // bad ones with a work order (some still open, some annulled in a re-review); rated a day after the end,
        // so those of the last day of 2019 fall in 2020.
        List<Rating> seeded = new ArrayList<>();
        int i = 0;
        for (Case c : cases) {
            if (!c.ended() || i++ % 2 != 0) {
                continue;
            }
            boolean defaulted = i % 7 == 0;
            int level = defaulted ? 3 : 1 + (i * 3) % 5;
            boolean bad = level <= 2;
            Rating r = new Rating(c.service(), c.district(), level, defaulted, bad && i % 3 == 0,
                    bad && i % 3 == 1, c.decidedAt().plusDays(1));
            seeded.add(r);
            jdbc.update("insert into service_rating (application_no, service_code, district, requested_at,"
                    + " window_ends_at, rating_level, channel, rated_at, is_default, work_order_state, review_outcome)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.no(), c.service(), c.district(), c.decidedAt(),
                    c.decidedAt().plusDays(7), level, defaulted ? "DEFAULT" : "ONLINE", r.ratedAt(), defaulted,
                    bad ? (r.openWorkOrder() ? "OPEN" : "CLOSED") : null, r.annulled() ? "ANNULLED" : null);
        }
        try {
            for (String who : List.of("manager", "manager-xl")) {
                JsonNode ratings = ok(api().as(who).get("/api/reports/quality?from=2019-01-01&to=2019-12-31"))
                        .path("ratings");
                assertThat(ratings.path("available").asBoolean()).isTrue();
                Map<String, JsonNode> rows = new TreeMap<>();
                ratings.path("services").forEach(r -> rows.put(r.path("serviceCode").asText(), r));
                rows.put("*", ratings.path("total"));
                Predicate<Rating> visible = r -> r.ratedAt().getYear() == 2019
                        && (who.equals("manager") || r.district().equals("xiaolan"));
                for (String service : rows.keySet()) {
                    List<Rating> mine = seeded.stream().filter(visible)
                            .filter(r -> service.equals("*") || r.service().equals(service)).toList();
                    List<Rating> counted = mine.stream().filter(r -> !r.annulled()).toList();
                    JsonNode row = rows.get(service);
                    assertThat(row.path("rated").asLong()).as(who + " " + service).isEqualTo(counted.size());
                    for (int level = 1; level <= 5; level++) {
                        int l = level;
                        assertThat(row.path("levels").path(Integer.toString(level)).asLong()).as(service + " " + level)
                                .isEqualTo(counted.stream().filter(r -> r.level() == l).count());
                    }
                    long bad = counted.stream().filter(r -> r.level() <= 2).count();
                    long defaulted = counted.stream().filter(Rating::defaulted).count();
                    assertThat(row.path("bad").asLong()).isEqualTo(bad);
                    assertThat(row.path("defaulted").asLong()).isEqualTo(defaulted);
                    assertThat(row.path("openWorkOrders").asLong())
                            .isEqualTo(mine.stream().filter(Rating::openWorkOrder).count());
                    if (!counted.isEmpty()) {
                        long sum = counted.stream().mapToLong(Rating::level).sum();
                        assertDecimal(row.path("averageLevel"), BigDecimal.valueOf(sum)
                                .divide(BigDecimal.valueOf(counted.size()), 4, RoundingMode.HALF_UP));
                        assertDecimal(row.path("badShare"), share(bad, counted.size()));
                        assertDecimal(row.path("defaultShare"), share(defaulted, counted.size()));
                    }
                }
                assertThat(rows.get("*").path("rated").asLong()).isPositive();
                assertThat(rows.get("*").path("bad").asLong()).isPositive();
            }
        } finally {
            for (Case c : cases) {
                jdbc.update("delete from service_rating where application_no = ?", c.no());
            }
        }
    }

    private static BigDecimal share(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    @Test
    void annualFormCountsEachLineFromTheGenericTables() {
        JsonNode body = ok(api().as("director").get("/api/reports/annual?year=2019"));
        Map<String, Long> lines = new TreeMap<>();
        body.path("bureau").path("lines").forEach(l -> lines.put(l.path("key").asText(), l.path("value").asLong()));
        Predicate<Case> decided2019 = c -> c.decided() && c.decidedAt().getYear() == 2019;
        Function<String, Long> registered = service -> cases.stream().filter(decided2019)
                .filter(c -> c.service().equals(service)).filter(c -> List.of("REGISTERED", "APPROVED")
                        .contains(c.outcome())).count();
        assertThat(lines).containsEntry("marriageRegistrations", registered.apply("marriage-registration"))
                .containsEntry("divorceRegistrations", registered.apply("divorce-registration"))
                .containsEntry("divorceApplications", cases.stream().filter(c -> c.service()
                        .equals("divorce-registration") && c.receivedAt().getYear() == 2019).count())
                .containsEntry("socialOrgEstablishments", registered.apply("socialorg-establishment"))
                .containsEntry("socialOrgChanges", 0L)
                .containsEntry("placeNameApprovals", registered.apply("placename-approval"));
        assertThat(lines.get("socialOrgEstablishments")).isPositive();
        JsonNode total = body.path("total");
        assertThat(body.path("bureau").path("crossRegionCases").asLong()).isEqualTo(total.path("nonLocal").asLong());
        assertThat(body.path("bureau").path("funeralFeeWaivers").asLong()).isEqualTo(total.path("waivers").asLong());
        assertDecimal(body.path("bureau").path("funeralFeeWaivedYuan"), new BigDecimal(total.path("waivedAmount").asText()));
        assertDecimal(body.path("bureau").path("onlineShare"), new BigDecimal(total.path("onlineShare").asText()));
        assertThat(body.path("bureau").path("online").path("walkIns").asLong()).isEqualTo(total.path("walkIns").asLong());
        assertThat(body.path("bureau").path("online").path("bookedOnline").asLong())
                .isEqualTo(total.path("bookedOnline").asLong());
    }

    // ---- access, parameters, CSV ---------------------------------------------------------------------------

    @Test
    void clerksAndApplicantsAreRefused() {
        for (String user : List.of("clerk-funeral", "zhangsan", "chief")) {
            for (String path : List.of("/api/reports/annual?year=2019",
                    "/api/reports/throughput?from=2019-01-01&to=2019-01-31&period=day",
                    "/api/reports/cycle-time?from=2019-01-01&to=2019-01-31",
                    "/api/reports/sla?from=2019-01-01&to=2019-01-31",
                    "/api/reports/cycle-time/breakdown?from=2019-01-01&to=2019-01-31&by=clerk",
                    "/api/reports/backlog", "/api/reports/quality?from=2019-01-01&to=2019-01-31")) {
                assertThat(api().as(user).get(path).status()).as(path + " as " + user).isEqualTo(403);
            }
        }
    }

    @Test
    void badParametersAreNamedInAProblem() {
        Api manager = api().as("manager");
        Map<String, String> cases = Map.of(
                "/api/reports/sla?from=2019-01-01&to=2019-02-01&overdueLimit=0", "overdueLimit",
                "/api/reports/annual?year=1999", "year",
                "/api/reports/throughput?from=2019-05-01&to=2019-04-01", "to",
                "/api/reports/throughput?from=2019-05-01&to=2019-06-01&period=hour", "period",
                "/api/reports/cycle-time?from=2019-02-30&to=2019-06-01", "from",
                "/api/reports/sla?from=2019-01-01", "to",
                "/api/reports/sla?from=2019-01-01&to=2019-02-01&overdueLimit=many", "overdueLimit",
                "/api/reports/cycle-time/breakdown?from=2019-01-01&to=2019-02-01&by=weekday", "by",
                "/api/reports/quality?from=2019-01-01&to=2019-13-01", "to");
        cases.forEach((path, field) -> {
            Api.Response response = manager.get(path);
            assertThat(response.status()).as(path).isEqualTo(422);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.text()).as(path).contains("\"" + field + "\"");
        });
        // In the reader's language.
        assertThat(manager.get("/api/reports/cycle-time?from=2019-02-30&to=2019-06-01").body().path("errors").get(0)
                .path("message").asText()).isEqualTo("参数“from”应为日期（yyyy-MM-dd）。");
        assertThat(manager.inEnglish().get("/api/reports/throughput?from=2019-05-01&to=2019-06-01&period=hour").body()
                .path("errors").get(0).path("message").asText()).isEqualTo("Parameter \"period\" must be day, week or month.");
    }

    @Test
    void csvHasAByteOrderMarkAHeaderRowAndOneRowPerItem() {
        Api.Response annual = api().as("manager").call(org.springframework.http.HttpMethod.GET,
                "/api/reports/annual?year=2019", null, Map.of("Accept", "text/csv"));
        assertThat(annual.status()).isEqualTo(200);
        assertThat(annual.header("Content-Type")).startsWith("text/csv");
        byte[] bytes = annual.bytes();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        // Headers and services in the reader's language, never a field name or a service code.
        assertThat(lines[0]).startsWith("年度,服务事项,收件数,办结数,网上办理数,网上办理率,网上申请,网上预约、窗口办理,免申即享,窗口现场办理,跨市办理数,"
                + "减免件数,减免金额（元）,");
        assertThat(lines[0]).doesNotContain("outcome:", "waivedAmount");
        assertThat(lines).hasSize(1 + SERVICES.size() + 1);
        JsonNode json = ok(api().as("manager").get("/api/reports/annual?year=2019"));
        assertThat(lines[lines.length - 1]).startsWith("2019,全部事项," + json.path("total").path("received").asLong()
                + "," + json.path("total").path("decided").asLong() + ",");
        assertThat(String.join("\n", lines)).contains(",基本殡葬服务费用减免（异地火化报销）,").doesNotContain("funeral-fee-");
        Api.Response english = api().as("manager").inEnglish().call(org.springframework.http.HttpMethod.GET,
                "/api/reports/annual?year=2019", null, Map.of("Accept", "text/csv"));
        String englishText = new String(english.bytes(), StandardCharsets.UTF_8);
        assertThat(englishText).contains("Year,Service,Received,Decided,Handled online,Online share,Applied online,"
                + "Booked online (at the counter),Granted without application,Walk-ins at the counter,")
                .contains("2019,All services,").doesNotContain("funeral-fee-");

        Api.Response weeks = api().as("director").call(org.springframework.http.HttpMethod.GET,
                "/api/reports/throughput?from=2019-01-01&to=2019-01-31&period=week", null,
                Map.of("Accept", "text/csv"));
        String text = new String(weeks.bytes(), StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n")).hasSize(1 + 5);
        assertThat(text.split("\r\n")[0]).isEqualTo("期间,收件数,办结数,撤回数");
        assertThat(text.split("\r\n")[1]).startsWith("2018-12-31,");
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void assertDecimal(JsonNode node, BigDecimal expected) {
        if (expected == null) {
            assertThat(node.isNull() || node.isMissingNode()).as(node.toString()).isTrue();
            return;
        }
        assertThat(new BigDecimal(node.asText())).as(node + " vs " + expected).isEqualByComparingTo(expected);
    }

    private static Instant instant(LocalDateTime t) {
        return t.atZone(BusinessTime.ZONE).toInstant();
    }
}
