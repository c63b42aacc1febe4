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
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Golden test: a few hundred cases in 2018/2019 (years no other test touches), generated with a fixed seed and
 * inserted directly, then every figure of the reports recomputed here by brute force from the same list.
 */
class ReportsIT extends ApiTestBase {

    private static final String PREFIX = "RPT19-";
    private static final List<String> SERVICES = List.of("marriage-registration", "divorce-registration",
            "funeral-fee-waiver", "funeral-fee-reimbursement");
    private static final List<String> DISTRICTS = List.of("shiqi", "xiaolan", "dongqu", "guzhen");
    private static final Map<String, List<String>> OUTCOMES = Map.of(
            "marriage-registration", List.of("REGISTERED", "REFUSED"),
            "divorce-registration", List.of("REGISTERED", "DEEMED_WITHDRAWN", "REFUSED"),
            "funeral-fee-waiver", List.of("WAIVED", "REFUSED", "NOT_ACCEPTED"),
            "funeral-fee-reimbursement", List.of("PAID", "REFUSED"));
    private static List<Case> cases;

    @Autowired
    private StatutoryClock clock;

    record Pause(Instant start, Instant end) {
    }

    record Case(String no, String service, String district, String channel, String status, String outcome,
            LocalDateTime receivedAt, LocalDateTime decidedAt, Boolean nonLocal, BigDecimal waived,
            Integer statutoryDays, Integer promisedDays, Pause pause) {

        boolean ended() {
            return decidedAt != null;
        }

        boolean withdrawn() {
            return "WITHDRAWN".equals(status);
        }

        boolean decided() {
            return ended() && !withdrawn();
        }
    }

    @BeforeEach
    void dataset() {
        if (cases != null) {
            return;
        }
        for (String table : List.of("clock_case_pause", "clock_case_clock", "funeral_waiver", "marriage_case",
                "application")) {
            jdbc.update("delete from " + table + " where application_no like ?", PREFIX + "%");
        }
        Random random = new Random(20191231L);
        List<Case> generated = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            LocalDateTime received = LocalDateTime.of(2018, 12, 1, 8, 0).plusDays(random.nextInt(396))
                    .plusMinutes(random.nextInt(10 * 60)).plusSeconds(random.nextInt(60));
            int kind = random.nextInt(10);
            String status;
            String outcome = null;
            LocalDateTime decided = null;
            if (kind < 7) {
                status = "DECIDED";
                List<String> outcomes = OUTCOMES.get(service);
                outcome = outcomes.get(random.nextInt(outcomes.size()));
                decided = received.plusDays(random.nextInt(45)).plusMinutes(random.nextInt(600));
            } else if (kind < 8) {
                status = "WITHDRAWN";
                outcome = "WITHDRAWN";
                decided = received.plusDays(random.nextInt(20)).plusMinutes(30);
            } else {
                status = random.nextBoolean() ? "UNDER_REVIEW" : "RECEIVED";
            }
            boolean marriage = service.endsWith("-registration");
            Boolean nonLocal = marriage && random.nextInt(4) > 0 ? random.nextInt(3) == 0 : null;
            BigDecimal waived = "funeral-fee-waiver".equals(service) && "WAIVED".equals(outcome)
                    ? BigDecimal.valueOf(50_000 + random.nextInt(500_000), 2) : null;
            boolean withClock = !"RECEIVED".equals(status) && random.nextInt(6) > 0;
            Integer statutory = withClock ? 5 + random.nextInt(20) : null;
            Integer promised = withClock && random.nextBoolean() ? 1 + random.nextInt(statutory) : null;
            Pause pause = null;
            Instant start = instant(received);
            if (withClock && decided != null && random.nextInt(3) == 0) {
                long span = Duration.between(received, decided).toSeconds();
                long a = (long) (random.nextDouble() * span);
                long b = a + (long) (random.nextDouble() * (span - a));
                pause = new Pause(start.plusSeconds(a), start.plusSeconds(b));
            }
            generated.add(new Case(String.format("%s%04d", PREFIX, i), service,
                    DISTRICTS.get(random.nextInt(DISTRICTS.size())), random.nextInt(5) < 2 ? "ONLINE" : "COUNTER",
                    status, outcome, received, decided, nonLocal, waived, statutory, promised, pause));
        }
        for (Case c : generated) {
            jdbc.update("insert into application (application_no, query_code, service_code, applicant_id, channel,"
                    + " district, status, outcome, form_data, received_at, decided_at, closed_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)", c.no(), "Q" + c.no().substring(6),
                    c.service(), "report-test", c.channel(), c.district(), c.status(), c.outcome(), c.receivedAt(),
                    c.decidedAt(), c.decidedAt(), c.receivedAt());
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
            if (c.statutoryDays() != null) {
                jdbc.update("insert into clock_case_clock (application_no, started_at, limit_unit, statutory_days,"
                        + " promised_days, stopped_at) values (?, ?, 'WORKING', ?, ?, ?)", c.no(),
                        Timestamp.from(instant(c.receivedAt())), c.statutoryDays(), c.promisedDays(),
                        c.decidedAt() == null ? null : Timestamp.from(instant(c.decidedAt())));
                if (c.pause() != null) {
                    jdbc.update("insert into clock_case_pause (application_no, seq, reason, started_at, ended_at)"
                            + " values (?, 1, 'CORRECTIONS', ?, ?)", c.no(), Timestamp.from(c.pause().start()),
                            Timestamp.from(c.pause().end()));
                }
            }
        }
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
            long online = received.stream().filter(c -> c.channel().equals("ONLINE")).count();
            assertThat(row.path("received").asLong()).as(service).isEqualTo(received.size());
            assertThat(row.path("decided").asLong()).as(service).isEqualTo(ended.stream().filter(Case::decided).count());
            assertThat(row.path("online").asLong()).as(service).isEqualTo(online);
            assertDecimal(row.path("onlineShare"), received.isEmpty() ? null : BigDecimal.valueOf(online)
                    .divide(BigDecimal.valueOf(received.size()), 4, RoundingMode.HALF_UP));
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
            List<BigDecimal> hours = decided.stream().map(c -> BigDecimal.valueOf(
                    Duration.between(c.receivedAt(), c.decidedAt()).toSeconds())
                    .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP)).toList();
            List<BigDecimal> working = decided.stream().map(c -> BigDecimal.valueOf(
                    clock.workingDaysBetween(instant(c.receivedAt()), instant(c.decidedAt())))).toList();
            List<BigDecimal> paused = decided.stream().filter(c -> c.statutoryDays() != null)
                    .map(c -> BigDecimal.valueOf(c.pause() == null ? 0
                            : clock.workingDaysBetween(c.pause().start(), c.pause().end()))).toList();
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
        JsonNode body = ok(api().as("director").get("/api/reports/sla?from=2019-01-01&to=2019-12-31"));
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
        cases.stream().filter(c -> !c.ended() && c.statutoryDays() != null)
                .sorted(java.util.Comparator.comparing((Case c) -> clock.addWorkingDays(
                        c.receivedAt().toLocalDate(), c.statutoryDays())).thenComparing(Case::no))
                .forEach(c -> expectedOverdue.add(c.no() + " " + c.service() + " " + c.district() + " "
                        + clock.addWorkingDays(c.receivedAt().toLocalDate(), c.statutoryDays())));
        List<String> overdue = new ArrayList<>();
        body.path("overdue").forEach(o -> {
            if (o.path("applicationNo").asText().startsWith(PREFIX)) {
                overdue.add(o.path("applicationNo").asText() + " " + o.path("serviceCode").asText() + " "
                        + o.path("district").asText() + " " + o.path("statutoryDueDate").asText());
            }
        });
        assertThat(overdue).isNotEmpty().isEqualTo(expectedOverdue);
    }

    /** Decided after the last day, the last day moved by the working days of the pause. */
    private boolean late(Case c, int limit) {
        int paused = c.pause() == null ? 0 : clock.workingDaysBetween(c.pause().start(), c.pause().end());
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

    // ---- access, parameters, CSV ---------------------------------------------------------------------------

    @Test
    void clerksAndApplicantsAreRefused() {
        for (String user : List.of("clerk-funeral", "zhangsan", "chief")) {
            for (String path : List.of("/api/reports/annual?year=2019",
                    "/api/reports/throughput?from=2019-01-01&to=2019-01-31&period=day",
                    "/api/reports/cycle-time?from=2019-01-01&to=2019-01-31",
                    "/api/reports/sla?from=2019-01-01&to=2019-01-31")) {
                assertThat(api().as(user).get(path).status()).as(path + " as " + user).isEqualTo(403);
            }
        }
    }

    @Test
    void badParametersAreNamedInAProblem() {
        Api manager = api().as("manager");
        Map<String, String> cases = Map.of(
                "/api/reports/annual?year=1999", "year",
                "/api/reports/annual?year=abc", "year",
                "/api/reports/throughput?from=2019-05-01&to=2019-04-01", "to",
                "/api/reports/throughput?from=2019-05-01&to=2019-06-01&period=hour", "period",
                "/api/reports/cycle-time?from=2019-02-30&to=2019-06-01", "from",
                "/api/reports/sla?from=2019-01-01", "to");
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
        assertThat(lines[0]).startsWith("year,service,received,decided,online,onlineShare,nonLocal,waivers,"
                + "waivedAmount,outcome:");
        assertThat(lines).hasSize(1 + SERVICES.size() + 1);
        JsonNode json = ok(api().as("manager").get("/api/reports/annual?year=2019"));
        assertThat(lines[lines.length - 1]).startsWith("2019,*," + json.path("total").path("received").asLong()
                + "," + json.path("total").path("decided").asLong() + ",");

        Api.Response weeks = api().as("director").call(org.springframework.http.HttpMethod.GET,
                "/api/reports/throughput?from=2019-01-01&to=2019-01-31&period=week", null,
                Map.of("Accept", "text/csv"));
        String text = new String(weeks.bytes(), StandardCharsets.UTF_8).substring(1);
        assertThat(text.split("\r\n")).hasSize(1 + 5);
        assertThat(text.split("\r\n")[0]).isEqualTo("period,received,decided,withdrawn");
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
