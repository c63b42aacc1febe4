package cn.zs.civil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.clock.StatutoryClock;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.FixedPlatformDay;
import cn.zs.civil.support.Fixtures;

/**
 * Policy without a release, the [S]/[M] parameters: an administrator proposes a new statutory limit, another approves
 * it with an effective date, and each case counts the limit in force on the day it was accepted (on the platform's
 * clock from Monday 2026-06-01).
 */
@ExtendWith(FixedPlatformDay.class)
class PolicyParametersIT extends ApiTestBase {

    private static final String LIMIT = "funeral-fee-reimbursement.statutory-limit";

    @Autowired
    private StatutoryClock clock;

    @Autowired
    private PolicyParameterValues values;

    @AfterEach
    void removeTheTestsParameterVersions() {
        jdbc.update("delete from policy_change");
        // Other tests of the shared context count the jar's limits.
        values.approvedNow();
        ClockUtil.reset();
    }

    /** The platform's clock moved on by whole days from the fixed Monday. */
    private static void daysLater(int days) {
        ClockUtil.offset(FixedPlatformDay.START.plus(Duration.ofDays(days)).toEpochMilli()
                - System.currentTimeMillis());
    }

    private String acceptedReimbursement(String name, String id, String certificate) {
        String no = submitReimbursement(api().as("zhangsan"), "nanqu", name, id, certificate, "HZ44060020260" + certificate
                .substring(certificate.length() - 4));
        Api clerk = api().as("clerk-funeral");
        clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete", Map.of("data", Map.of("decision", "accept")));
        return no;
    }

    private static JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    private String statutoryDue(String no) {
        return api().as("zhangsan").get("/api/applications/" + no).body().path("summary").path("countdown")
                .path("statutoryDue").asText();
    }

    @Test
    void aCaseKeepsTheTimeLimitInForceOnItsAcceptanceDayAndACaseAcceptedAfterTheEffectiveDateCountsTheNewOne() {
        Api admin = api().as("admin");
        JsonNode listed = admin.get("/api/policy/parameters").body();
        JsonNode limit = null;
        for (JsonNode p : listed) {
            if (LIMIT.equals(p.path("key").asText())) {
                limit = p;
            }
        }
        assertThat(limit).isNotNull();
        assertThat(limit.path("label").asText()).isEqualTo("基本殡葬服务费用减免（异地火化报销）：法定办理时限");
        assertThat(limit.path("inForce").path("valueText").asText()).isEqualTo("20个工作日");
        assertThat(limit.path("inForce").path("effectiveText").asText()).isEqualTo("随系统版本发布");

        JsonNode proposed = created(admin.post("/api/policy/parameter-changes", Map.of("parameterKey", LIMIT,
                "baseVersion", 0, "value", 15, "reason", "市政府承诺提速：报销法定时限缩短为15个工作日",
                "effectiveDate", "2026-06-03")));
        String id = proposed.path("id").asText();
        assertThat(proposed.path("valueText").asText()).isEqualTo("15个工作日");
        assertThat(proposed.path("mayDecide").asBoolean()).isFalse();

        // Four eyes: never the proposer, once only.
        Api.Response own = admin.post("/api/policy/changes/" + id + "/approval", Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body().path("detail").asText()).isEqualTo("不能审核自己提出的调整，须由另一位管理员审核。");
        JsonNode approved = api().as("admin2").post("/api/policy/changes/" + id + "/approval", Map.of()).body();
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("version").asInt()).isEqualTo(1);
        assertThat(api().as("admin2").post("/api/policy/changes/" + id + "/approval", Map.of()).status())
                .isEqualTo(409);
        assertThat(count("select count(*) from audit_log where action = 'POLICY_CHANGE_APPROVED' and target = ?",
                "policy-change:" + id)).isEqualTo(1);

        // Accepted on Monday, before the effective date: 20 working days, whenever it is decided.
        LocalDate monday = BusinessTime.now().toLocalDate();
        String before = acceptedReimbursement("郑海", Fixtures.ZHENG_ID, "SW4406002026101");
        assertThat(statutoryDue(before)).isEqualTo(clock.addWorkingDays(monday, 20).toString());

        daysLater(2);
        LocalDate wednesday = BusinessTime.now().toLocalDate();
        String after = acceptedReimbursement("何丽珍", Fixtures.HE_ID, "SW4406002026102");
        assertThat(statutoryDue(after)).isEqualTo(clock.addWorkingDays(wednesday, 15).toString());
        assertThat(statutoryDue(before)).isEqualTo(clock.addWorkingDays(monday, 20).toString());

        // The case page names the parameter version that applied, only where it is not the jar's.
        Api clerk = api().as("clerk-funeral");
        JsonNode afterVersions = clerk.get("/api/cases/" + after + "/policy-versions").body();
        assertThat(afterVersions.findValuesAsText("decisionKey")).contains(LIMIT);
        for (JsonNode v : afterVersions) {
            if (LIMIT.equals(v.path("decisionKey").asText())) {
                assertThat(v.path("valueText").asText()).isEqualTo("15个工作日");
                assertThat(v.path("effectiveText").asText()).isEqualTo("2026-06-03起施行");
            }
        }
        assertThat(clerk.get("/api/cases/" + before + "/policy-versions").body().findValuesAsText("decisionKey"))
                .doesNotContain(LIMIT);

        // A proposal on the jar's value after version 1 was approved builds on a stale base.
        assertThat(admin.post("/api/policy/parameter-changes", Map.of("parameterKey", LIMIT, "baseVersion", 0,
                "value", 18, "reason", "再调整", "effectiveDate", "2026-06-10")).status()).isEqualTo(409);
    }

    @Test
    void aValueOutOfBoundsOrNotWholeAPromiseLongerThanTheLawAMissingReasonAndABadDateAreRefusedFieldByField() {
        Api admin = api().as("admin").inEnglish();
        int before = count("select count(*) from policy_change");

        Api.Response notWhole = admin.post("/api/policy/parameter-changes", Map.of("parameterKey", LIMIT,
                "value", "15.5", "effectiveDate", "2026-13-01"));
        assertThat(notWhole.status()).as(notWhole.toString()).isEqualTo(422);
        JsonNode errors = notWhole.body().path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("value", "reason", "effectiveDate");
        assertThat(errors.findValuesAsText("code")).containsExactlyInAnyOrder("policy.parameter.notWhole",
                "form.required", "policy.notDate");
        assertThat(errors.findValuesAsText("message")).contains(
                "\"Basic funeral-service fee waiver (reimbursement for cremation elsewhere): statutory time limit\" must"
                        + " be a whole number.");

        Api.Response outOfBounds = api().as("admin").post("/api/policy/parameter-changes", Map.of("parameterKey",
                LIMIT, "value", 500, "reason", "试", "effectiveDate", "2026-05-01"));
        assertThat(outOfBounds.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("value",
                "effectiveDate");
        assertThat(outOfBounds.body().path("errors").findValuesAsText("message")).contains(
                "基本殡葬服务费用减免（异地火化报销）：法定办理时限应在0个工作日至120个工作日之间。", "“生效日期”不能早于今天。");

        Api.Response promise = api().as("admin").post("/api/policy/parameter-changes", Map.of("parameterKey",
                "funeral-fee-reimbursement.promised-limit", "value", 25, "reason", "试", "effectiveDate",
                "2026-06-02"));
        assertThat(promise.body().path("errors").findValuesAsText("code"))
                .containsExactly("policy.parameter.promisedOverStatutory");

        Api.Response unknown = admin.post("/api/policy/parameter-changes", Map.of("parameterKey", "server.port",
                "value", 1, "reason", "x", "effectiveDate", "2026-06-02"));
        assertThat(unknown.body().path("errors").findValuesAsText("field")).containsExactly("parameterKey");
        assertThat(api().as("clerk-funeral").post("/api/policy/parameter-changes", Map.of()).status())
                .isEqualTo(403);
        assertThat(count("select count(*) from policy_change")).isEqualTo(before);
    }
}
