package cn.zs.civil.socialorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.socialorg.supervision.AbnormalList;
import cn.zs.civil.socialorg.supervision.AnnualReports;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.FixedPlatformDay;

/**
 * Supervision of registered organisations through HTTP (platform day 2026-06-01): the activity-abnormal list with
 * the 5-working-day removal and the 2-year move to the serious list (Order No. 60, R153), and the annual work report
 * with the authority's 31 May (R152); missing reports go on the abnormal list.
 */
@ExtendWith(FixedPlatformDay.class)
class SocialOrgSupervisionIT extends ApiTestBase {

    private static final AtomicInteger SERIAL = new AtomicInteger(9_100_000);

    @Autowired
    private SocialOrgService socialOrgs;

    @Autowired
    private AbnormalList abnormal;

    @Autowired
    private AnnualReports reports;

    @Autowired
    private StatutoryClock clock;

    /** An organisation of the register of its own, registered on that day. */
    private String organisation(String name, LocalDate registeredOn) {
        String code = SocialOrgService.creditCode("SOCIAL_GROUP", SERIAL.incrementAndGet());
        socialOrgs.seedDemoOrganisations(List.of(new SocialOrgMapper.RegisteredOrg(null, name, "SOCIAL_GROUP", code,
                "ACTIVE", registeredOn, null, registeredOn, null)));
        return code;
    }

    private JsonNode credit(String code) {
        return api().as("clerk-socialorg").get("/api/socialorg/organisations/" + code + "/credit").body();
    }

    @Test
    void anOrganisationIsListedCuredRemovedWithinFiveWorkingDaysAndVisibleOnItsRecord_R153() {
        String code = organisation("中山市监管测试甲协会", LocalDate.of(2015, 3, 1));
        Api clerk = api().as("clerk-socialorg");
        LocalDate today = BusinessTime.now().toLocalDate();

        // Bad input field by field; staff only.
        Api.Response bad = clerk.post("/api/socialorg/abnormal-list", Map.of("creditCode", "51442000MJ0000000X",
                "reason", "两次挂号信无人签收", "listedOn", today.toString()));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").findValuesAsText("field")).contains("creditCode", "ground");
        Map<String, Object> listing = Map.of("creditCode", code, "ground", "UNREACHABLE", "reason",
                "两封挂号信均无人签收", "listedOn", today.toString());
        assertThat(api().as("zhangsan").post("/api/socialorg/abnormal-list", listing).status()).isEqualTo(403);

        Api.Response listed = clerk.post("/api/socialorg/abnormal-list", listing);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        long id = listed.body().path("id").asLong();
        assertThat(clerk.post("/api/socialorg/abnormal-list", listing).status()).isEqualTo(409);
        JsonNode record = credit(code);
        assertThat(record.path("onAbnormalList").asBoolean()).isTrue();
        assertThat(record.path("abnormalEntries").get(0).path("groundText").asText()).isEqualTo("通过登记的住所无法取得联系");
        assertThat(api().as("clerk-socialorg").inEnglish().get("/api/socialorg/organisations/" + code + "/credit")
                .body().path("abnormalEntries").get(0).path("groundText").asText())
                .isEqualTo("Unreachable at the registered domicile");

        // Not removed before the cure is verified; then due within 5 working days of the verification.
        assertThat(clerk.post("/api/socialorg/abnormal-list/" + id + "/removal", Map.of()).status()).isEqualTo(409);
        Api.Response early = clerk.post("/api/socialorg/abnormal-list/" + id + "/cure",
                Map.of("curedOn", today.minusDays(1).toString()));
        assertThat(early.status()).isEqualTo(422);
        Api.Response cured = clerk.post("/api/socialorg/abnormal-list/" + id + "/cure", Map.of("curedOn", today.toString()));
        assertThat(cured.status()).as(cured.toString()).isEqualTo(200);
        assertThat(cured.body().path("removalDue").asText()).isEqualTo(clock.addWorkingDays(today, 5).toString());
        assertThat(cured.body().path("removalOverdue").asBoolean()).isFalse();
        Api.Response removed = clerk.post("/api/socialorg/abnormal-list/" + id + "/removal", Map.of());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().path("removedOn").asText()).isEqualTo(today.toString());
        record = credit(code);
        assertThat(record.path("onAbnormalList").asBoolean()).isFalse();
        assertThat(record.path("abnormalEntries").size()).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where target = ?", "so_abnormal_list/" + id)).isEqualTo(3);
    }

    @Test
    void twoYearsOnTheAbnormalListPutAnOrganisationOnTheSeriousList_R153() {
        String code = organisation("中山市监管测试乙协会", LocalDate.of(2012, 5, 1));
        LocalDate today = BusinessTime.now().toLocalDate();
        Api.Response listed = api().as("chief").post("/api/socialorg/abnormal-list", Map.of("creditCode", code,
                "ground", "RECTIFICATION", "reason", "未按期完成整改", "listedOn", today.minusYears(2).plusDays(1).toString()));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);

        abnormal.escalate(today);
        assertThat(credit(code).path("onSeriousList").asBoolean()).as("a day short of two years").isFalse();
        assertThat(abnormal.escalate(today.plusDays(1))).isGreaterThanOrEqualTo(1);
        JsonNode record = credit(code);
        assertThat(record.path("onSeriousList").asBoolean()).isTrue();
        assertThat(record.path("abnormalEntries").get(0).path("escalatedOn").asText()).isEqualTo(today.plusDays(1).toString());
        abnormal.escalate(today.plusDays(2));
        assertThat(count("select count(*) from so_serious_list where subject_shown = ?", code)).isEqualTo(1);
        JsonNode serious = api().as("chief").get("/api/socialorg/serious-list").body();
        String entry = serious.toString();
        assertThat(entry).contains("中山市监管测试乙协会").contains("列入活动异常名录满2年");
    }

    @Test
    void annualReportsAreDueBy31MayAndAMissingOneListsTheOrganisation_R152() {
        String onTime = organisation("中山市年报测试按时协会", LocalDate.of(2020, 1, 10));
        String missing = organisation("中山市年报测试未报协会", LocalDate.of(2020, 2, 10));
        String exempt = organisation("中山市年报测试新设协会", LocalDate.of(2025, 8, 1));
        Api clerk = api().as("clerk-socialorg");
        try {
            // 20 May 2026: within the window for 2025.
            ClockUtil.offset(Instant.parse("2026-05-20T02:00:00Z").toEpochMilli() - System.currentTimeMillis());
            Api.Response submitted = clerk.post("/api/socialorg/annual-reports", Map.of("creditCode", onTime,
                    "year", 2025, "supervisoryReviewedOn", "2026-03-20"));
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
            assertThat(submitted.body().path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(submitted.body().path("statusText").asText()).isEqualTo("已按时报送");
            JsonNode year = clerk.get("/api/socialorg/annual-reports?year=2025").body();
            assertThat(standing(year, missing).path("status").asText()).isEqualTo("DUE");
            assertThat(standing(year, exempt)).as("registered after 1 July").isNull();
            assertThat(reports.listMissing(BusinessTime.now().toLocalDate())).isZero();
        } finally {
            ClockUtil.offset(FixedPlatformDay.START.toEpochMilli() - System.currentTimeMillis());
        }

        // 1 June 2026: 31 May has passed.
        JsonNode year = clerk.get("/api/socialorg/annual-reports?year=2025").body();
        assertThat(standing(year, missing).path("status").asText()).isEqualTo("MISSING");
        assertThat(standing(year, missing).path("statusText").asText()).isEqualTo("逾期未报送");
        assertThat(standing(year, onTime).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(year.get(0).path("status").asText()).isEqualTo("MISSING");
        reports.listMissing(BusinessTime.now().toLocalDate());
        JsonNode record = credit(missing);
        assertThat(record.path("onAbnormalList").asBoolean()).isTrue();
        assertThat(record.path("abnormalEntries").get(0).path("ground").asText()).isEqualTo("ANNUAL_REPORT");
        assertThat(record.path("abnormalEntries").get(0).path("reason").asText()).contains("2025年度工作报告");
        assertThat(credit(onTime).path("onAbnormalList").asBoolean()).isFalse();

        // Submitted now: late. Twice: 409. The new organisation and the running year: field problems.
        Api.Response late = clerk.post("/api/socialorg/annual-reports", Map.of("creditCode", missing, "year", 2025));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.body().path("status").asText()).isEqualTo("LATE");
        assertThat(clerk.post("/api/socialorg/annual-reports", Map.of("creditCode", onTime, "year", 2025)).status())
                .isEqualTo(409);
        Api.Response notDue = clerk.post("/api/socialorg/annual-reports", Map.of("creditCode", exempt, "year", 2025));
        assertThat(notDue.status()).isEqualTo(422);
        assertThat(notDue.body().toString()).contains("无需报送");
        Api.Response running = clerk.inEnglish().post("/api/socialorg/annual-reports",
                Map.of("creditCode", onTime, "year", 2026));
        assertThat(running.status()).isEqualTo(422);
        assertThat(running.body().path("errors").get(0).path("field").asText()).isEqualTo("year");
        assertThat(running.body().toString()).contains("a year that has ended");
    }

    @Test
    void theSealSpecimenAndBankAccountAreFiledOnceAndTheOthersAreListedAsOutstanding_R141() {
        String registered = organisation("中山市印章备案测试协会", LocalDate.of(2026, 5, 11));
        String other = organisation("中山市印章未备案测试协会", LocalDate.of(2026, 5, 12));
        Api clerk = api().as("clerk-socialorg");
        JsonNode outstanding = clerk.get("/api/socialorg/seal-and-account/outstanding").body();
        assertThat(outstanding.toString()).contains(registered).contains(other);
        // No period is set (the regulations and the brief give none): nothing is overdue, no due day.
        JsonNode mine = null;
        for (JsonNode o : outstanding) {
            if (registered.equals(o.path("creditCode").asText())) {
                mine = o;
            }
        }
        assertThat(mine.path("statusText").asText()).isEqualTo("尚未备案");
        assertThat(mine.path("overdue").asBoolean()).isFalse();

        String path = "/api/socialorg/organisations/" + registered + "/seal-and-account";
        Api.Response bad = clerk.post(path, Map.of("sealFiledOn", "2026-05-01", "accountNo", "6222-02"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("sealFiledOn", "bankName",
                "accountNo");
        assertThat(bad.body().toString()).contains("不能早于登记日期");
        assertThat(clerk.post("/api/socialorg/organisations/51442000MJ0000000X/seal-and-account", Map.of()).status())
                .isEqualTo(404);
        Map<String, Object> filing = Map.of("sealFiledOn", "2026-05-20", "bankName", "中国工商银行中山分行",
                "accountNo", "2011 0021 0900 1234 567");
        Api.Response filed = clerk.post(path, filing);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.body().path("accountNo").asText()).isEqualTo("2011002109001234567");
        assertThat(filed.body().path("late").asBoolean()).isFalse();
        assertThat(clerk.post(path, filing).status()).isEqualTo(409);
        assertThat(credit(registered).path("sealAndAccount").path("bankName").asText()).isEqualTo("中国工商银行中山分行");
        outstanding = clerk.get("/api/socialorg/seal-and-account/outstanding").body();
        assertThat(outstanding.toString()).doesNotContain(registered).contains(other);
    }

    @Test
    void theDirectorRevokesAnInactiveGroupAfterItsFirstYearWithADecisionAndTheSeriousList_R151() {
        String young = organisation("中山市撤销测试新设协会", LocalDate.of(2025, 12, 1));
        String idle = organisation("中山市撤销测试休眠协会", LocalDate.of(2024, 9, 1));
        // The watch list: social groups past their first year with no annual report.
        JsonNode watch = api().as("clerk-socialorg").get("/api/socialorg/revocation-watch").body();
        assertThat(watch.toString()).contains(idle).doesNotContain(young);

        Map<String, Object> noActivity = Map.of("ground", "NO_ACTIVITY", "reasons", "自取得登记证书起一年内未召开会员大会、未开展任何业务活动");
        assertThat(api().as("chief").post("/api/socialorg/organisations/" + idle + "/revocation", noActivity).status())
                .isEqualTo(403);
        Api director = api().as("director");
        Api.Response early = director.post("/api/socialorg/organisations/" + young + "/revocation", noActivity);
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().path("errors").get(0).path("field").asText()).isEqualTo("ground");
        assertThat(early.body().toString()).contains("未满1年").contains("2026-12-01");
        Api.Response wrong = director.post("/api/socialorg/organisations/" + idle + "/revocation",
                Map.of("ground", "SUPERVISORY_APPROVAL_WITHDRAWN"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body().path("errors").findValuesAsText("field")).containsExactly("ground", "reasons");

        Api.Response revoked = director.post("/api/socialorg/organisations/" + idle + "/revocation", noActivity);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
        assertThat(revoked.body().path("decision").asText()).contains("撤销登记决定书").contains("中山市撤销测试休眠协会")
                .contains("第二十九条").contains("行政复议");
        assertThat(revoked.body().path("announcement").asText()).contains("关于撤销中山市撤销测试休眠协会登记的公告");
        JsonNode record = credit(idle);
        assertThat(record.path("onSeriousList").asBoolean()).isTrue();
        assertThat(record.path("revocation").path("groundText").asText()).contains("1年未开展活动");
        // Out of the register: no second revocation, and its name stays blocked for the next applicant.
        assertThat(director.post("/api/socialorg/organisations/" + idle + "/revocation", noActivity).status())
                .isEqualTo(404);
        JsonNode name = api().as("zhangsan").post("/api/socialorg/name-check",
                Map.of("orgType", "SOCIAL_GROUP", "name", "中山市撤销测试休眠协会")).body();
        assertThat(name.path("findings").toString()).contains("DUPLICATE");
        assertThat(api().as("clerk-socialorg").get("/api/socialorg/revocation-watch").body().toString())
                .doesNotContain(idle);
    }

    private static JsonNode standing(JsonNode year, String code) {
        for (JsonNode s : year) {
            if (code.equals(s.path("creditCode").asText())) {
                return s;
            }
        }
        return null;
    }
}
