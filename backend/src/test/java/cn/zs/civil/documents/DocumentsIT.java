package cn.zs.civil.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.registry.Registries;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.CaseDriver;
import cn.zs.civil.support.Fixtures;
import cn.zs.civil.support.Pdfs;

/**
 * A decided case produces its documents after the decision commits; each verifies through the public page by the
 * token in its QR code, and nothing else does: not a PDF with one byte changed, not a forged token; a revoked one
 * says so.
 */
class DocumentsIT extends ApiTestBase {

    @Autowired
    private DemoRegistry registry;

    @Autowired
    private DocumentService documents;

    /** An ID number of Zhongshan (442000) with its check digit (GB 11643). */
    static String idNumber(LocalDate born, int sequence) {
        String body = "442000" + born.toString().replace("-", "") + String.format("%03d", sequence);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private String enrol(String name, String sex, LocalDate born, int sequence) {
        String id = idNumber(born, sequence);
        registry.enrol(new Registries.Person(id, name, sex, born, "442000", "shiqi", "SINGLE"),
                new Registries.MaritalRecord(id, "SINGLE", null, null, null, null), null);
        return id;
    }

    /** A couple registered at the counter, as the registrar works it: the case number. */
    private String registeredMarriage(String man, String manId, String woman, String womanId) {
        return caseDriver.registeredMarriage(CaseDriver.couple(man, manId, "SINGLE", woman, womanId, "SINGLE"));
    }

    @Test
    void aRegisteredMarriageHasItsECopyWhichVerifiesAndNothingElseDoes() throws Exception {
        String manId = enrol("欧阳文轩", "M", LocalDate.of(1993, 6, 18), 731);
        String womanId = enrol("司马雨桐", "F", LocalDate.of(1995, 9, 2), 842);
        String no = registeredMarriage("欧阳文轩", manId, "司马雨桐", womanId);

        Api registrar = api().as("clerk-marriage");
        JsonNode copy = issuedDocument(registrar, no, "marriage-copy");
        assertThat(copy.path("title").asText()).isEqualTo("结婚登记电子证照（副本）");
        assertThat(copy.hasNonNull("revokedAt")).isFalse();

        Api.Response download = registrar.get(copy.path("downloadUrl").asText());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        byte[] pdf = download.bytes();
        assertThat(DocumentService.sha256(pdf)).isEqualTo(copy.path("sha256").asText());
        String certificate = jdbc.queryForObject("select certificate_no from marriage_certificate where application_no = ?",
                String.class, no);
        String text = Pdfs.textOf(pdf);
        assertThat(text).contains("结婚登记电子证照（副本）", certificate, "欧阳文轩", "司马雨桐", no, "中山市民政局婚姻登记处")
                .doesNotContain(manId, womanId);

        // The QR code on the page is the verification URL; its token verifies for anyone, signed in or not.
        String url = Pdfs.qrOf(pdf);
        assertThat(url).isEqualTo(copy.path("verifyUrl").asText()).contains("/verify/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        Api anyone = api().anonymous();
        JsonNode valid = anyone.get("/api/public/documents/" + token).body();
        assertThat(valid.path("verdict").asText()).isEqualTo("VALID");
        assertThat(valid.path("title").asText()).isEqualTo("结婚登记电子证照（副本）");
        assertThat(valid.path("facts").findValuesAsText("value")).contains(certificate, "欧阳文轩", "司马雨桐")
                .doesNotContain(manId, womanId);

        // The file as issued verifies; one changed byte does not; a forged token names no document.
        assertThat(anyone.upload("/api/public/documents/" + token + "/check", "copy.pdf", pdf).body()
                .path("verdict").asText()).isEqualTo("VALID");
        byte[] changed = pdf.clone();
        changed[changed.length / 2] ^= 1;
        assertThat(anyone.upload("/api/public/documents/" + token + "/check", "copy.pdf", changed).body()
                .path("verdict").asText()).isEqualTo("ALTERED");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(anyone.get("/api/public/documents/" + forged).body().path("verdict").asText()).isEqualTo("FORGED");
        assertThat(anyone.upload("/api/public/documents/" + forged + "/check", "copy.pdf", pdf).body()
                .path("verdict").asText()).isEqualTo("FORGED");
        assertThat(anyone.get("/api/public/documents/" + "x".repeat(300)).body().path("verdict").asText())
                .isEqualTo("FORGED");
        Api.Response noFile = anyone.upload("/api/public/documents/" + token + "/check", "empty.pdf", new byte[0]);
        assertThat(noFile.status()).isEqualTo(422);
        assertThat(noFile.body().path("errors").findValuesAsText("field")).containsExactly("file");

        // Issued once: issuing again returns the same document; the outbox wrote one message per step.
        assertThat(count("select count(*) from outbox_message where kind = 'DOCUMENT' and application_no = ?", no))
                .isEqualTo(2);
        assertThat(documents.issue(no, DocumentKind.MARRIAGE_COPY).orElseThrow().serialNo())
                .isEqualTo(copy.path("serialNo").asText());
        assertThat(count("select count(*) from issued_document where application_no = ? and kind = 'MARRIAGE_COPY'", no))
                .isEqualTo(1);

        // Revocation: not by the clerk, not without a reason; by the chief, with the reason, audited.
        String revoke = "/api/applications/" + no + "/documents/marriage-copy/revoke";
        assertThat(registrar.post(revoke, Map.of("reason", "登记错误")).status()).isEqualTo(403);
        Api chief = api().as("chief");
        Api.Response noReason = chief.post(revoke, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().path("errors").findValuesAsText("field")).containsExactly("reason");
        Api.Response revoked = chief.post(revoke, Map.of("reason", "当事人身份信息登记错误，已依法撤销"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(chief.post(revoke, Map.of("reason", "again")).status()).isEqualTo(409);
        JsonNode after = anyone.get("/api/public/documents/" + token).body();
        assertThat(after.path("verdict").asText()).isEqualTo("REVOKED");
        assertThat(after.path("revokedAt").asText()).isNotBlank();
        assertThat(after.path("revokeReason").asText()).isEqualTo("当事人身份信息登记错误，已依法撤销");
        assertThat(count("select count(*) from audit_log where action = 'DOCUMENT_REVOKED' and target = ?",
                copy.path("serialNo").asText())).isEqualTo(1);
    }

    @Test
    void aWaiverGrantedAtTheFuneralHomeHasItsNoticeWithTheAmounts() throws Exception {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.ZonedDateTime.of(2026,
                11, 30, 10, 0, 0, 0, java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        try {
            Api home = api().as("clerk-funeral-home");
            Map<String, Object> data = new java.util.HashMap<>();
            data.put("district", "shiqi");
            data.put("unidentifiedBody", true);
            data.put("policeCertificateNo", "中公刑无名证2026第0901号");
            data.put("deceasedName", "无名氏");
            data.put("dateOfDeath", "2026-11-27");
            data.put("deathCertificateNo", "SW44200020269901");
            data.put("placeOfDeath", "中山市石岐区");
            data.put("cremationDate", "2026-11-30");
            data.put("items", List.of(Map.of("itemCode", "TRANSPORT", "quantity", 60, "charge", 900),
                    Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 600)));
            data.put("phone", "13800138000");
            Api.Response r = home.post("/api/applications", Map.of("serviceCode", "funeral-fee-waiver", "data", data));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String no = r.body().path("applicationNo").asText();
            runJobs(no);
            assertThat(home.post("/api/tasks/" + taskOf(home, no) + "/complete", Map.of("data", Map.of("paperChecked",
                    true, "specialGroup", "UNIDENTIFIED", "decision", "confirm"))).status()).isEqualTo(204);
            JsonNode notice = issuedDocument(home, no, "waiver-notice");
            assertThat(notice.path("title").asText()).isEqualTo("基本殡葬服务费用减免决定书");
            String text = Pdfs.textOf(home.get(notice.path("downloadUrl").asText()).bytes());
            assertThat(text).contains("基本殡葬服务费用减免决定书", no, "无名氏", "1500.00元", "已在结算时直接减免");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void theApplicantGetsTheCorrectionAndRefusalNoticesOfTheirOwnCaseOnly() throws Exception {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submitReimbursement(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026077",
                "HZ440100202677777");
        assertThat(clerk.post("/api/tasks/" + taskOf(clerk, no) + "/corrections", Map.of("items",
                List.of(Map.of("material", "invoice", "description", "发票缺少收费明细")), "note", "请一次性补齐"))
                .status()).isEqualTo(204);
        String notice = Pdfs.textOf(applicant.get(issuedDocument(applicant, no, "correction-notice")
                .path("downloadUrl").asText()).bytes());
        assertThat(notice).contains("补正材料通知书", no, "发票缺少收费明细", "请一次性补齐", "补正期限");

        String scan = applicant.upload("new.pdf", Fixtures.pdf()).body().path("id").asText();
        Api.Response supplied = applicant.post("/api/applications/" + no + "/corrections", Map.of("data",
                Map.of("invoiceFile", List.of(scan))));
        assertThat(supplied.status()).as(supplied.toString()).isEqualTo(204);
        runJobs(no);
        assertThat(clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete", Map.of("data", Map.of("decision",
                "reject", "invoiceChecked", true, "reasons", "发票与火化证明不一致"))).status()).isEqualTo(204);
        String refusal = Pdfs.textOf(applicant.get(issuedDocument(applicant, no, "refusal-notice")
                .path("downloadUrl").asText()).bytes());
        assertThat(refusal).contains("不予批准决定书", no, "发票与火化证明不一致", "行政复议", "行政诉讼");

        // Someone else's case: as if it did not exist, for the list and for the file.
        assertThat(api().as("zhangsan").get("/api/applications/" + no + "/documents").status()).isEqualTo(404);
        assertThat(api().as("zhangsan").get("/api/applications/" + no + "/documents/correction-notice/pdf").status())
                .isEqualTo(404);
        assertThat(api().anonymous().get("/api/applications/" + no + "/documents").status()).isEqualTo(401);
    }

    /**
     * ALL 32: a reimbursement claim accepted gets its written receipt; one not accepted gets the written decision
     * (不予受理决定书) with the reasons, legal basis, remedy, date and the authority, verifiable by its QR code.
     */
    @Test
    void aReimbursementAcceptedGetsItsReceiptAndOneNotAcceptedItsWrittenDecision_R8_R9() throws Exception {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String accepted = submitReimbursement(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026078",
                "HZ440100202677778");
        assertThat(clerk.post("/api/tasks/" + taskOf(clerk, accepted) + "/complete", Map.of("data",
                Map.of("decision", "accept"))).status()).isEqualTo(204);
        assertThat(issuedDocument(applicant, accepted, "receipt").path("title").asText()).isEqualTo("受理通知书");
        assertThat(issuedDocumentText(applicant, accepted, "receipt")).contains("受理通知书", accepted, "受理时间",
                "法定办结时限", "中山市民政局");

        String refused = submitReimbursement(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026079",
                "HZ440100202677779");
        assertThat(clerk.post("/api/tasks/" + taskOf(clerk, refused) + "/complete", Map.of("data",
                Map.of("decision", "notAccepted", "reasons", "逝者户籍不在本市，应向户籍地民政部门申请"))).status())
                .isEqualTo(204);
        JsonNode notice = issuedDocument(applicant, refused, "refusal-notice");
        assertThat(notice.path("title").asText()).isEqualTo("不予受理决定书");
        byte[] pdf = applicant.get(notice.path("downloadUrl").asText()).bytes();
        assertThat(Pdfs.textOf(pdf)).contains("不予受理决定书", refused, "逝者户籍不在本市，应向户籍地民政部门申请",
                "法律依据", "救济途径", "行政复议", "决定时间", "中山市民政局");
        String url = notice.path("verifyUrl").asText();
        assertThat(api().anonymous().get("/api/public/documents/" + url.substring(url.lastIndexOf('/') + 1)).body()
                .path("verdict").asText()).isEqualTo("VALID");
    }

    /**
     * Domain brief §4(c) A5: the settlement shows the waived amount per item. The waiver notice lists each service
     * as the form names it, with its quantity, charge, waiver and what the family pays; a service that is not basic
     * is charged in full.
     */
    @Test
    void theWaiverNoticeListsEachItemWithItsWaivedAmount_R220() throws Exception {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.ZonedDateTime.of(2026,
                11, 30, 11, 0, 0, 0, java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        try {
            Api home = api().as("clerk-funeral-home");
            Map<String, Object> data = new java.util.HashMap<>();
            data.put("district", "shiqi");
            data.put("unidentifiedBody", true);
            data.put("policeCertificateNo", "中公刑无名证2026第0902号");
            data.put("deceasedName", "无名氏");
            data.put("dateOfDeath", "2026-11-26");
            data.put("deathCertificateNo", "SW44200020269902");
            data.put("placeOfDeath", "中山市东区");
            data.put("cremationDate", "2026-11-30");
            data.put("items", List.of(Map.of("itemCode", "TRANSPORT", "quantity", 45, "charge", 700),
                    Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 600),
                    Map.of("itemCode", "OTHER", "quantity", 1, "charge", 300)));
            data.put("phone", "13800138000");
            Api.Response r = home.post("/api/applications", Map.of("serviceCode", "funeral-fee-waiver", "data", data));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String no = r.body().path("applicationNo").asText();
            runJobs(no);
            assertThat(home.post("/api/tasks/" + taskOf(home, no) + "/complete", Map.of("data", Map.of("paperChecked",
                    true, "specialGroup", "UNIDENTIFIED", "decision", "confirm"))).status()).isEqualTo(204);
            String text = issuedDocumentText(home, no, "waiver-notice").replaceAll("\\s+", "");
            assertThat(text).contains("减免明细（按服务项目）",
                    "1.遗体接运（公里）：数量45，收费700.00元，减免700.00元，自付0.00元",
                    "2.遗体火化：数量1，收费600.00元，减免600.00元，自付0.00元",
                    "3.其他（非基本服务）：数量1，收费300.00元，减免0.00元，自付300.00元",
                    "应由丧属支付300.00元", "1300.00元")
                    .doesNotContain("TRANSPORT", "CREMATION", "OTHER");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }
}
