package cn.zs.civil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;

/**
 * Policy without a release: an administrator proposes a new version of a decision table, another approves it, the
 * platform deploys it, and each case evaluates the version in force on the day it was accepted.
 */
class PolicyVersionsIT extends ApiTestBase {

    private static final ZoneId ZHONGSHAN = ZoneId.of("Asia/Shanghai");
    private static final String TOTAL_CAP = "funeral-total-cap";

    @Autowired
    private RepositoryService repository;

    @AfterEach
    void removeTheTestsPolicyVersions() {
        ClockUtil.reset();
        // Other tests of the shared context evaluate the tables as released.
        for (Deployment d : repository.createDeploymentQuery().deploymentSource(PolicyVersions.DEPLOYMENT_SOURCE)
                .list()) {
            repository.deleteDeployment(d.getId(), true);
        }
        jdbc.update("delete from policy_change");
    }

    private static void at(int month, int day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, month, day, 10, 0, 0, 0, ZHONGSHAN).toInstant()));
    }

    /** The rules of the table as the editor shows them, as a proposal's body sends them back. */
    private static List<Map<String, Object>> rulesOf(JsonNode table) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (JsonNode rule : table.path("rules")) {
            List<String> inputs = new ArrayList<>();
            rule.path("inputs").forEach(n -> inputs.add(n.asText()));
            List<String> outputs = new ArrayList<>();
            rule.path("outputs").forEach(n -> outputs.add(n.asText()));
            rules.add(new HashMap<>(Map.of("description", rule.path("description").asText(), "inputs", inputs,
                    "outputs", outputs)));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static void setOutput(List<Map<String, Object>> rules, int rule, int column, String value) {
        ((List<String>) rules.get(rule).get("outputs")).set(column, value);
    }

    @SuppressWarnings("unchecked")
    private static void setInput(List<Map<String, Object>> rules, int rule, int column, String value) {
        ((List<String>) rules.get(rule).get("inputs")).set(column, value);
    }

    private static Map<String, Object> proposal(JsonNode table, List<Map<String, Object>> rules, String effective) {
        return Map.of("decisionKey", table.path("decisionKey").asText(), "baseVersion", table.path("version").asInt(),
                "reason", "财政局通知：无名遗体基本殡葬费用设上限", "effectiveDate", effective, "rules", rules);
    }

    @Test
    void aRuleThatIsNotValidFeelIsRefusedCellByCellBeforeAnythingIsStored() {
        at(12, 14);
        Api admin = api().as("admin").inEnglish();
        JsonNode table = admin.get("/api/policy/decisions/" + TOTAL_CAP).body();
        List<Map<String, Object>> rules = rulesOf(table);
        setInput(rules, 1, 0, "\"TEKUN\",\"DIBAO");
        setOutput(rules, 1, 0, "2000 +");
        setOutput(rules, 2, 0, "\"many\"");
        setOutput(rules, 2, 1, "specialGroup");
        int before = count("select count(*) from policy_change");

        Api.Response refused = admin.post("/api/policy/changes", proposal(table, rules, "2026-12-13"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        JsonNode errors = refused.body().path("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("effectiveDate",
                "rules[1].inputs[0]", "rules[1].outputs[0]", "rules[2].outputs[0]", "rules[2].outputs[1]");
        assertThat(errors.findValuesAsText("code")).containsExactlyInAnyOrder("policy.effectivePast",
                "policy.notUnaryTest", "policy.notExpression", "policy.wrongType", "policy.notValue");
        assertThat(errors.findValuesAsText("message")).anySatisfy(m -> assertThat(m)
                .startsWith("Rule 3, \"Total cap (yuan)\" must be a number"));
        assertThat(count("select count(*) from policy_change")).isEqualTo(before);

        Api.Response zh = api().as("admin").post("/api/policy/changes", Map.of("decisionKey", TOTAL_CAP,
                "rules", List.of(Map.of("inputs", List.of(), "outputs", List.of()))));
        assertThat(zh.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("reason",
                "effectiveDate", "rules[0].inputs", "rules[0].outputs");
        assertThat(zh.body().path("errors").findValuesAsText("message")).contains("“调整理由”为必填项。",
                "第1条规则应有1栏。");
    }

    @Test
    void theProposerCannotApproveTheirOwnChangeAndAnotherAdministratorDecidesItOnce() {
        at(12, 14);
        Api admin = api().as("admin");
        JsonNode table = admin.get("/api/policy/decisions/" + TOTAL_CAP).body();
        List<Map<String, Object>> rules = rulesOf(table);
        setOutput(rules, 2, 0, "1600");
        JsonNode proposed = created(admin.post("/api/policy/changes", proposal(table, rules, "2026-12-20")));
        String id = proposed.path("id").asText();
        assertThat(proposed.path("statusText").asText()).isEqualTo("待审核");
        assertThat(proposed.path("mayDecide").asBoolean()).isFalse();

        Api.Response own = admin.post("/api/policy/changes/" + id + "/approval", Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body().path("detail").asText()).isEqualTo("不能审核自己提出的调整，须由另一位管理员审核。");
        assertThat(admin.post("/api/policy/changes/" + id + "/rejection", Map.of("reason", "撤回")).status())
                .isEqualTo(403);
        assertThat(api().as("clerk-funeral").post("/api/policy/changes/" + id + "/approval", Map.of()).status())
                .isEqualTo(403);

        Api other = api().as("admin2");
        Api.Response noReason = other.post("/api/policy/changes/" + id + "/rejection", Map.of());
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().path("errors").findValuesAsText("field")).containsExactly("reason");
        JsonNode rejected = other.post("/api/policy/changes/" + id + "/rejection", Map.of("reason", "依据文件未到"))
                .body();
        assertThat(rejected.path("statusText").asText()).isEqualTo("已退回");
        assertThat(other.post("/api/policy/changes/" + id + "/approval", Map.of()).status()).isEqualTo(409);
        assertThat(repository.createDeploymentQuery().deploymentSource(PolicyVersions.DEPLOYMENT_SOURCE).count())
                .isZero();
        assertThat(count("select count(*) from audit_log where action = 'POLICY_CHANGE_PROPOSED' and target = ?",
                "policy-change:" + id)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'POLICY_CHANGE_REJECTED' and target = ?"
                + " and actor_id = 'admin2'", "policy-change:" + id)).isEqualTo(1);
    }

    @Test
    void anApprovedTableIsDeployedByThePlatformAndEachCaseEvaluatesTheVersionOfItsAcceptanceDay() {
        at(12, 14);
        Api admin = api().as("admin");
        JsonNode table = admin.get("/api/policy/decisions/" + TOTAL_CAP).body();
        int released = table.path("version").asInt();
        assertThat(table.path("effectiveText").asText()).isEqualTo("随系统版本发布");
        List<Map<String, Object>> rules = rulesOf(table);
        assertThat(rules.get(0).get("inputs")).isEqualTo(List.of("\"UNIDENTIFIED\""));
        setOutput(rules, 0, 0, "1200");
        String id = created(admin.post("/api/policy/changes", proposal(table, rules, "2026-12-20"))).path("id")
                .asText();

        Api.Response approval = api().as("admin2").post("/api/policy/changes/" + id + "/approval",
                Map.of("effectiveDate", "2026-12-16"));
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        JsonNode approved = approval.body();
        assertThat(approved.path("statusText").asText()).isEqualTo("已批准");
        int version = approved.path("version").asInt();
        assertThat(version).isGreaterThan(released);
        DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(TOTAL_CAP)
                .decisionDefinitionVersion(version).singleResult();
        assertThat(deployed.getVersionTag()).isEqualTo("2026-12-16");
        assertThat(repository.createDeploymentQuery().deploymentId(deployed.getDeploymentId()).singleResult()
                .getName()).isEqualTo("policy-change-" + id);
        assertThat(count("select count(*) from audit_log where action = 'POLICY_CHANGE_APPROVED' and target = ?"
                + " and actor_id = 'admin2'", "policy-change:" + id)).isEqualTo(1);
        JsonNode listed = admin.get("/api/policy/decisions").body();
        JsonNode cap = null;
        for (JsonNode d : listed) {
            if (TOTAL_CAP.equals(d.path("decisionKey").asText())) {
                cap = d;
            }
        }
        assertThat(cap.path("inForce").path("version").asInt()).isEqualTo(released);
        assertThat(cap.path("scheduled").get(0).path("effectiveText").asText()).isEqualTo("2026-12-16起施行");

        at(12, 15);
        String before = registerUnidentified("中公刑无名证2026第1215号", "SW44200020261215");
        at(12, 16);
        String after = registerUnidentified("中公刑无名证2026第1216号", "SW44200020261216");
        at(12, 17);
        // The earlier case is decided after the effective date and still evaluates the table of its acceptance day.
        Api home = api().as("clerk-funeral-home");
        for (String no : List.of(before, after)) {
            assertThat(home.post("/api/tasks/" + taskOf(home, no) + "/complete", Map.of("data", Map.of(
                    "paperChecked", true, "specialGroup", "UNIDENTIFIED", "decision", "confirm"))).status())
                    .isEqualTo(204);
        }
        assertThat(waived(before)).isEqualByComparingTo("1500.00");
        assertThat(waived(after)).isEqualByComparingTo("1200.00");

        JsonNode oldOnPage = versionOf(home.get("/api/cases/" + before + "/policy-versions").body(), TOTAL_CAP);
        assertThat(oldOnPage.path("version").asInt()).isEqualTo(released);
        assertThat(oldOnPage.path("decisionName").asText()).isEqualTo("殡葬费用减免总额上限");
        assertThat(oldOnPage.path("effectiveText").asText()).isEqualTo("随系统版本发布");
        JsonNode newOnPage = versionOf(home.inEnglish().get("/api/cases/" + after + "/policy-versions").body(),
                TOTAL_CAP);
        assertThat(newOnPage.path("version").asInt()).isEqualTo(version);
        assertThat(newOnPage.path("effectiveText").asText()).isEqualTo("In force from 2026-12-16");
    }

    private static JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    private String registerUnidentified(String policeCertificate, String deathCertificate) {
        Api home = api().as("clerk-funeral-home");
        Map<String, Object> data = new HashMap<>();
        data.put("district", "shiqi");
        data.put("unidentifiedBody", true);
        data.put("policeCertificateNo", policeCertificate);
        data.put("deceasedName", "无名氏");
        data.put("dateOfDeath", "2026-12-12");
        data.put("deathCertificateNo", deathCertificate);
        data.put("placeOfDeath", "中山市石岐区");
        data.put("cremationDate", "2026-12-14");
        data.put("items", List.of(Map.of("itemCode", "TRANSPORT", "quantity", 60, "charge", 900),
                Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 600)));
        data.put("phone", "13800138000");
        Api.Response r = home.post("/api/applications", Map.of("serviceCode", "funeral-fee-waiver", "data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        return no;
    }

    private BigDecimal waived(String applicationNo) {
        return jdbc.queryForObject("select waived_amount from funeral_waiver where application_no = ?",
                BigDecimal.class, applicationNo);
    }

    private static JsonNode versionOf(JsonNode list, String key) {
        for (JsonNode v : list) {
            if (key.equals(v.path("decisionKey").asText())) {
                return v;
            }
        }
        throw new AssertionError(key + " not in " + list);
    }
}
