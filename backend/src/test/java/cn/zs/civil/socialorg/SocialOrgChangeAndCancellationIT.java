package cn.zs.civil.socialorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.FixedPlatformDay;
import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * Change and cancellation through HTTP on organisations of the demo register: a name change is registered and
 * announced and the former name stays blocked; a cancellation collects certificate and seals and is announced;
 * an organisation that is not in this bureau's register is not accepted.
 */
@ExtendWith(FixedPlatformDay.class)
class SocialOrgChangeAndCancellationIT extends ApiTestBase {

    @Autowired
    private SocialOrgService socialOrgs;

    @BeforeEach
    void registerHoldsTheDemoOrganisations() {
        socialOrgs.seedDemoOrganisations(DemoOrganisations.organisations());
    }

    private String codeOf(String name) {
        return jdbc.queryForObject("select credit_code from so_registered_org where name = ?", String.class, name);
    }

    private String submit(String service, Map<String, Object> data) {
        Api applicant = api().as("lisi");
        Map<String, Object> full = new HashMap<>(data);
        full.put("district", "dongqu");
        full.put("phone", "13900139000");
        full.put("declaration", true);
        String file = applicant.upload("doc.pdf", Fixtures.pdf()).body().path("id").asText();
        full.put(service.endsWith("change") ? "approvalFile" : "liquidationReportFile", file);
        if (service.endsWith("cancellation") && !data.containsKey("directCategory")) {
            full.put("supervisoryReviewFile", file);
        }
        Api.Response r = applicant.post("/api/applications", Map.of("serviceCode", service, "data", full));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().path("applicationNo").asText();
    }

    private void complete(String user, String no, Map<String, Object> data) {
        Api who = api().as(user);
        Api.Response r = who.post("/api/tasks/" + taskOf(who, no) + "/complete", Map.of("data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    private JsonNode summary(String no) {
        return api().as("lisi").get("/api/applications/" + no).body().path("summary");
    }

    @Test
    void registersAndAnnouncesANameChangeAndKeepsTheFormerNameBlocked() {
        String code = codeOf("中山市家具商会");
        String no = submit("socialorg-change", Map.of("organisationName", "中山市家具商会", "registrationNo", code,
                "changedItem", "NAME", "oldValue", "中山市家具商会", "newValue", "中山市家居产业商会",
                "approvedOn", BusinessTime.now().toLocalDate().minusDays(40).toString()));

        JsonNode review = api().as("clerk-socialorg").get("/api/tasks/" + taskOf(api().as("clerk-socialorg"), no))
                .body();
        assertThat(review.path("checks").path("registeredHere").asBoolean()).isTrue();
        complete("clerk-socialorg", no, Map.of("decision", "accept"));
        JsonNode checks = api().as("clerk-socialorg").get("/api/tasks/" + taskOf(api().as("clerk-socialorg"), no))
                .body().path("checks");
        // 40 days after the approval: filed late, flagged for the reviewer.
        assertThat(checks.path("filedInTime").asBoolean()).isFalse();
        assertThat(checks.path("changeRules").path("announce").asBoolean()).isTrue();
        complete("clerk-socialorg", no, Map.of("decision", "approve"));
        complete("chief", no, Map.of("decision", "approve"));

        assertThat(summary(no).path("outcome").asText()).isEqualTo("CHANGE_REGISTERED");
        JsonNode documents = api().as("lisi").get("/api/socialorg/" + no + "/documents").body();
        assertThat(documents.path("announcement").asText()).contains("由“中山市家具商会”变更为“中山市家居产业商会”");
        assertThat(codeOf("中山市家居产业商会")).isEqualTo(code);
        JsonNode former = api().as("zhangsan").post("/api/socialorg/name-check",
                Map.of("orgType", "SOCIAL_GROUP", "name", "中山市家具商会")).body();
        assertThat(former.path("findings").toString()).contains("DUPLICATE");
    }

    @Test
    void aCharterAmendmentIsApprovedWithTheAmendedCharter_R145() {
        String code = codeOf("中山市摄影家协会");
        Map<String, Object> change = new HashMap<>(Map.of("organisationName", "中山市摄影家协会", "registrationNo", code,
                "changedItem", "CHARTER", "oldValue", "章程第十二条：理事会每届四年", "newValue", "章程第十二条：理事会每届五年",
                "approvedOn", BusinessTime.now().toLocalDate().minusDays(5).toString(), "district", "dongqu",
                "phone", "13900139000", "declaration", true));
        Api applicant = api().as("lisi");
        change.put("approvalFile", applicant.upload("consent.pdf", Fixtures.pdf()).body().path("id").asText());
        // Without the amended charter the authority has nothing to approve: refused on that field.
        Api.Response without = applicant.post("/api/applications",
                Map.of("serviceCode", "socialorg-change", "data", change));
        assertThat(without.status()).isEqualTo(422);
        assertThat(without.body().path("errors").findValuesAsText("field")).containsExactly("amendedCharterFile");
        assertThat(without.body().path("errors").get(0).path("label").asText()).isEqualTo("修改后的章程（章程核准表）");

        change.put("amendedCharterFile", applicant.upload("charter.pdf", Fixtures.pdf()).body().path("id").asText());
        Api.Response with = applicant.post("/api/applications", Map.of("serviceCode", "socialorg-change", "data", change));
        assertThat(with.status()).as(with.toString()).isEqualTo(201);
        String no = with.body().path("applicationNo").asText();
        runJobs(no);
        // The approval path: acceptance, review, the chief's decision; nothing is registered on filing alone.
        complete("clerk-socialorg", no, Map.of("decision", "accept"));
        complete("clerk-socialorg", no, Map.of("decision", "approve"));
        assertThat(summary(no).path("outcome").asText()).isNotEqualTo("CHANGE_REGISTERED");
        complete("chief", no, Map.of("decision", "approve"));

        assertThat(summary(no).path("outcome").asText()).isEqualTo("CHANGE_REGISTERED");
        JsonNode documents = applicant.get("/api/socialorg/" + no + "/documents").body();
        assertThat(documents.path("decision").asText()).contains("章程由“章程第十二条：理事会每届四年”变更为")
                .contains("修改后的章程经本机关核准");
    }

    @Test
    void aNewLegalRepresentativeIsApprovedOnlyAfterAFinancialAudit_R144() {
        String code = codeOf("中山市摄影家协会");
        Map<String, Object> change = new HashMap<>(Map.of("organisationName", "中山市摄影家协会", "registrationNo", code,
                "changedItem", "LEGAL_REPRESENTATIVE", "oldValue", "陈光", "newValue", "李明",
                "approvedOn", BusinessTime.now().toLocalDate().minusDays(3).toString()));
        String unaudited = submit("socialorg-change", change);
        complete("clerk-socialorg", unaudited, Map.of("decision", "accept"));
        Api clerk = api().as("clerk-socialorg");
        Api.Response refused = clerk.post("/api/tasks/" + taskOf(clerk, unaudited) + "/complete",
                Map.of("data", Map.of("decision", "approve")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("code"))
                .containsExactly("socialorg.auditBeforeLegalRepresentativeChange");
        assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("财务审计", "第二十七条");
        assertThat(clerk.inEnglish().post("/api/tasks/" + taskOf(clerk, unaudited) + "/complete",
                Map.of("data", Map.of("decision", "approve"))).body().path("errors").get(0).path("message").asText())
                .contains("financial audit");
        Map<String, Object> refusal = Map.of("decision", "refuse", "refusalGround", "CONDITIONS_NOT_MET",
                "reasons", "未进行财务审计");
        complete("clerk-socialorg", unaudited, refusal);
        Api chief = api().as("chief");
        assertThat(chief.post("/api/tasks/" + taskOf(chief, unaudited) + "/complete",
                Map.of("data", Map.of("decision", "approve"))).status()).isEqualTo(422);
        complete("chief", unaudited, refusal);

        change.put("auditDone", true);
        String audited = submit("socialorg-change", change);
        complete("clerk-socialorg", audited, Map.of("decision", "accept"));
        complete("clerk-socialorg", audited, Map.of("decision", "approve"));
        complete("chief", audited, Map.of("decision", "approve"));
        assertThat(summary(audited).path("outcome").asText()).isEqualTo("CHANGE_REGISTERED");
    }

    @Test
    void aDirectlyRegisteredOrganisationCancelsWithoutASupervisoryUnitsDocument() {
        // An industry association registers directly (no supervisory unit): there is no review document to give.
        String code = codeOf("中山市物流行业协会");
        String no = submit("socialorg-cancellation", Map.of("organisationName", "中山市物流行业协会",
                "registrationNo", code, "cancellationReason", "DISSOLVED", "directCategory", "INDUSTRY_ASSOCIATION",
                "liquidationEndedOn", LocalDate.now().minusDays(3).toString()));
        assertThat(summary(no).path("status").asText()).isNotEqualTo("CLOSED");
        // Without a direct-registration category the supervisory unit's document is still required.
        Api applicant = api().as("lisi");
        String file = applicant.upload("doc.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response missing = applicant.post("/api/applications", Map.of("serviceCode", "socialorg-cancellation",
                "data", Map.of("district", "dongqu", "phone", "13900139000", "declaration", true,
                        "organisationName", "中山市青年志愿者协会", "registrationNo", codeOf("中山市青年志愿者协会"),
                        "cancellationReason", "DISSOLVED", "directCategory", "NONE", "liquidationReportFile", file,
                        "liquidationEndedOn", LocalDate.now().minusDays(3).toString())));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("errors").findValuesAsText("field")).contains("supervisoryReviewFile");
    }

    @Test
    void cancelsAfterCollectingCertificateSealsAndVouchersAndAnnounces() {
        String code = codeOf("中山市博爱长者服务中心");
        String no = submit("socialorg-cancellation", Map.of("organisationName", "中山市博爱长者服务中心",
                "registrationNo", code, "cancellationReason", "DISSOLVED",
                "liquidationEndedOn", BusinessTime.now().toLocalDate().minusDays(3).toString()));
        complete("clerk-socialorg", no, Map.of("decision", "accept"));
        assertThat(api().as("clerk-socialorg").get("/api/tasks/" + taskOf(api().as("clerk-socialorg"), no)).body()
                .path("checks").path("filedInTime").asBoolean()).isTrue();
        complete("clerk-socialorg", no, Map.of("decision", "approve"));
        complete("chief", no, Map.of("decision", "approve"));

        Api clerk = api().as("clerk-socialorg");
        Api.Response incomplete = clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete",
                Map.of("data", Map.of("certificateCollected", true, "sealsCollected", true)));
        assertThat(incomplete.status()).isEqualTo(422);
        complete("clerk-socialorg", no, Map.of("certificateCollected", true, "sealsCollected", true,
                "vouchersCollected", true));

        assertThat(summary(no).path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select status from so_registered_org where credit_code = ?", String.class, code))
                .isEqualTo("CANCELLED");
        assertThat(api().as("lisi").get("/api/socialorg/" + no + "/documents").body().path("announcement").asText())
                .contains("准予注销登记");
    }

    @Test
    void anOrganisationNotInThisBureausRegisterIsNotAccepted() {
        String no = submit("socialorg-cancellation", Map.of("organisationName", "广州市某某协会",
                "registrationNo", "51440100MJ0000009X", "cancellationReason", "OTHER",
                "liquidationEndedOn", BusinessTime.now().toLocalDate().minusDays(3).toString()));

        assertThat(summary(no).path("outcome").asText()).isEqualTo("NOT_COMPETENT");
        assertThat(taskOf(api().as("clerk-socialorg"), no)).isNull();
    }

    /**
     * ALL 32: acceptance and non-acceptance are each answered in writing, sealed and dated. The change and the
     * cancellation give the applicant the acceptance receipt with the limits; an application that is not accepted (by
     * the clerk, or outside this bureau's register) gives the written decision with its reasons, legal basis and remedy.
     */
    @Test
    void acceptanceAndNonAcceptanceOfAChangeOrACancellationAreAnsweredInWriting_R8_R9() {
        Api applicant = api().as("lisi");
        String change = submit("socialorg-change", Map.of("organisationName", "中山市青年志愿者协会", "registrationNo",
                codeOf("中山市青年志愿者协会"), "changedItem", "DOMICILE", "oldValue", "中山市东区起湾道1号",
                "newValue", "中山市东区中山四路2号", "approvedOn", BusinessTime.now().toLocalDate().minusDays(5).toString()));
        complete("clerk-socialorg", change, Map.of("decision", "accept"));
        JsonNode receipt = issuedDocument(applicant, change, "receipt");
        assertThat(receipt.path("title").asText()).isEqualTo("受理通知书");
        assertThat(issuedDocumentText(applicant, change, "receipt")).contains("受理通知书", change, "社会组织变更登记",
                "受理时间", "法定办结时限", "中山市民政局", "予以受理");

        String cancellation = submit("socialorg-cancellation", Map.of("organisationName", "中山市康乐社会工作服务中心",
                "registrationNo", codeOf("中山市康乐社会工作服务中心"), "cancellationReason", "DISSOLVED",
                "liquidationEndedOn", BusinessTime.now().toLocalDate().minusDays(3).toString()));
        complete("clerk-socialorg", cancellation, Map.of("decision", "notAccepted",
                "reasons", "清算报告未经业务主管单位审查"));
        JsonNode refusal = issuedDocument(applicant, cancellation, "refusal-notice");
        assertThat(refusal.path("title").asText()).isEqualTo("不予受理决定书");
        assertThat(issuedDocumentText(applicant, cancellation, "refusal-notice")).contains("不予受理决定书",
                cancellation, "清算报告未经业务主管单位审查", "理由", "法律依据", "救济途径", "行政复议", "行政诉讼",
                "决定时间", "中山市民政局");

        // Not this bureau's competence: the written decision too, without anyone typing it.
        String elsewhere = submit("socialorg-cancellation", Map.of("organisationName", "广州市某某商会",
                "registrationNo", "51440100MJ0000009X", "cancellationReason", "OTHER",
                "liquidationEndedOn", BusinessTime.now().toLocalDate().minusDays(3).toString()));
        assertThat(issuedDocument(applicant, elsewhere, "refusal-notice").path("title").asText())
                .isEqualTo("不予受理决定书");
        assertThat(issuedDocumentText(applicant, elsewhere, "refusal-notice")).contains("救济途径", "行政复议");
    }
}
