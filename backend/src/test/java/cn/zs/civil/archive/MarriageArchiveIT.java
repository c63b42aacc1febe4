package cn.zs.civil.archive;

import static cn.zs.civil.support.CaseDriver.couple;
import static cn.zs.civil.support.CaseDriver.divorceApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.registry.IdNumberKeys;
import cn.zs.civil.registry.Registries;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Pdfs;

/**
 * The marriage archive at the registrar's counter: a couple registered through the marriage process is found by
 * either party's ID number (R73), a registration-record certificate is issued for them and for a person the archive
 * does not know, and a replacement certificate (R66) is issued after the archive check, verifiable by its QR code;
 * the refusals. The engine's clock is fixed: nothing depends on the day the tests run.
 */
class MarriageArchiveIT extends ApiTestBase {

    /** Monday 2026-05-11, 10:00 in Zhongshan: the marriage is registered that day. */
    private static final Instant MARRIED_AT = Instant.parse("2026-05-11T02:00:00Z");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    @Autowired
    private DemoRegistry registry;

    @Autowired
    private IdNumberKeys keys;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /** A valid resident ID number of someone born in July 1991 (used by no other test). */
    private static String id(int day, int n, boolean man) {
        String first = String.format("442000199107%02d%03d", day, 2 * n + (man ? 1 : 0));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first.charAt(i) - '0') * WEIGHTS[i];
        }
        return first + CHECK[sum % 11];
    }

    private void single(String id, String name, String sex) {
        registry.enrol(new Registries.Person(id, name, sex, LocalDate.parse("1991-07-" + id.substring(12, 14)),
                "442000", "shiqi", "SINGLE"), new Registries.MaritalRecord(id, "SINGLE", null, null, null, null), null);
    }

    /** A marriage registered through the marriage process at the counter, as the registrar works it. */
    private String registeredMarriage(String man, String idMan, String woman, String idWoman) {
        ClockUtil.setCurrentTime(Date.from(MARRIED_AT));
        single(idMan, man, "M");
        single(idWoman, woman, "F");
        return caseDriver.registeredMarriage(couple(man, idMan, "SINGLE", woman, idWoman, "SINGLE"));
    }

    private String certificateOf(String no) {
        return jdbc.queryForObject("select certificate_no from marriage_certificate where application_no = ?",
                String.class, no);
    }

    private static Map<String, Object> query(String idNumber, String purpose, String requesterKind,
            String requesterText) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("idNumber", idNumber);
        q.put("purpose", purpose);
        q.put("requesterKind", requesterKind);
        q.put("requesterText", requesterText);
        return q;
    }

    private int audited(String action, String idNumber) {
        return count("select count(*) from audit_log where action = ? and target = ? and actor_id = 'clerk-marriage'",
                action, "person:" + keys.of(idNumber));
    }

    @Test
    void aRegistrarFindsACoupleInTheArchiveByEitherIdNumberEveryQueryAuditedAndIssuesTheRecordCertificate_R73() {
        String man = id(1, 0, true);
        String woman = id(1, 0, false);
        String no = registeredMarriage("许文博", man, "钟晓彤", woman);
        String certificate = certificateOf(no);
        Api registrar = api().as("clerk-marriage");

        Api.Response found = registrar.post("/api/marriage-archive/queries",
                query(woman, "当事人办理出国手续需要婚姻状况材料", "PARTY", null));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode records = found.body().path("records");
        assertThat(records).hasSize(1);
        JsonNode record = records.get(0);
        assertThat(record.path("kind").asText()).isEqualTo("MARRIAGE");
        assertThat(record.path("certificateNo").asText()).isEqualTo(certificate);
        assertThat(record.path("registeredOn").asText()).isEqualTo("2026-05-11");
        assertThat(record.path("partyAName").asText()).isEqualTo("许文博");
        assertThat(record.path("partyBName").asText()).isEqualTo("钟晓彤");
        assertThat(record.path("registryZh").asText()).isNotBlank();
        assertThat(record.hasNonNull("dissolvedBy")).isFalse();
        assertThat(found.text()).doesNotContain(woman).doesNotContain(man);
        // Who looked up whom and why is in the audit log, the person named by the keyed hash only.
        assertThat(audited("MARRIAGE_ARCHIVE_QUERIED", woman)).isEqualTo(1);
        assertThat(count("select count(*) from audit_log where target like ?", "%" + woman + "%")).isZero();

        // An authority's query, by the other party's number: the same registration.
        Api.Response byCourt = registrar.post("/api/marriage-archive/queries", query(man, "审理离婚纠纷案件需要",
                "AUTHORITY", "中山市第一人民法院（2026）粤2071民初123号协助调查函"));
        assertThat(byCourt.body().path("records").get(0).path("certificateNo").asText()).isEqualTo(certificate);
        assertThat(audited("MARRIAGE_ARCHIVE_QUERIED", man)).isEqualTo(1);

        // The registration-record certificate of what the archive holds, with its QR code.
        Map<String, Object> asked = query(man, "当事人购房需要婚姻状况证明", "PARTY", null);
        asked.put("name", "许文博");
        Api.Response issued = registrar.post("/api/marriage-archive/record-certificates", asked);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        JsonNode document = issued.body().path("document");
        assertThat(document.path("title").asText()).isEqualTo("婚姻登记记录证明");
        byte[] pdf = registrar.get(document.path("downloadUrl").asText()).bytes();
        assertThat(Pdfs.textOf(pdf)).contains("婚姻登记记录证明", "许文博", "查到婚姻登记记录1条", certificate,
                "钟晓彤", "当事人购房需要婚姻状况证明", "中山市民政局婚姻登记处").doesNotContain(man);
        String url = Pdfs.qrOf(pdf);
        JsonNode verified = api().anonymous().get("/api/public/documents/" + url.substring(url.lastIndexOf('/') + 1))
                .body();
        assertThat(verified.path("verdict").asText()).isEqualTo("VALID");
        assertThat(verified.path("title").asText()).isEqualTo("婚姻登记记录证明");
        assertThat(audited("MARRIAGE_RECORD_CERTIFIED", man)).isEqualTo(1);

        // Nobody of that number in the archive: the common certificate that there is no record.
        String stranger = id(2, 0, false);
        Map<String, Object> none = query(stranger, "当事人办理婚前登记需要", "PARTY", null);
        none.put("name", "梁诗雨");
        Api.Response noRecord = registrar.post("/api/marriage-archive/record-certificates", none);
        assertThat(noRecord.status()).as(noRecord.toString()).isEqualTo(200);
        assertThat(noRecord.body().path("records")).isEmpty();
        assertThat(Pdfs.textOf(registrar.get(noRecord.body().path("document").path("downloadUrl").asText()).bytes()))
                .contains("婚姻登记记录证明", "梁诗雨", "未查到婚姻登记记录").doesNotContain(stranger);
    }

    @Test
    void aQueryStatesItsPurposeAndRequesterFieldByFieldAndOnlyAMarriageRegistrarMayAsk_R73() {
        Api registrar = api().as("clerk-marriage");
        Api.Response bad = registrar.post("/api/marriage-archive/queries", query("4420<script>", "", "POLICE", null));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("idNumber", "purpose", "requesterKind");
        assertThat(bad.text()).contains("查询事由", "为必填项", "身份证件号码只能由数字、字母和括号组成");

        Api.Response noLetter = registrar.inEnglish().post("/api/marriage-archive/queries",
                query(id(3, 0, true), "x".repeat(201), "AUTHORITY", null));
        assertThat(noLetter.status()).isEqualTo(422);
        assertThat(noLetter.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("purpose", "requesterText");
        assertThat(noLetter.text()).contains("Authority and its letter", "at most 200 characters");
        assertThat(registrar.post("/api/marriage-archive/queries", null).status()).isEqualTo(422);

        Api.Response funeral = api().as("clerk-funeral").post("/api/marriage-archive/queries",
                query(id(3, 0, true), "查询", "PARTY", null));
        assertThat(funeral.status()).isEqualTo(403);
        assertThat(api().as("zhangsan").post("/api/marriage-archive/queries",
                query(id(3, 0, true), "查询", "PARTY", null)).status()).isEqualTo(403);
    }

    @Test
    void aReplacementIsIssuedAfterTheArchiveCheckUnderItsOwnNumberAndTheRegistrationStaysAsItWas_R66() {
        String man = id(4, 0, true);
        String woman = id(4, 0, false);
        String no = registeredMarriage("骆永康", man, "温静怡", woman);
        String certificate = certificateOf(no);
        String formData = jdbc.queryForObject("select form_data from application where application_no = ?",
                String.class, no);
        Api registrar = api().as("clerk-marriage");

        Api.Response replaced = registrar.post("/api/marriage-archive/replacements",
                Map.of("certificateNo", certificate, "idNumber", woman));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        String replacementNo = replaced.body().path("replacementNo").asText();
        assertThat(replacementNo).matches("BJ442000-2026-\\d{6}");
        JsonNode document = replaced.body().path("document");
        assertThat(document.path("title").asText()).isEqualTo("结婚证（补发）电子证照");
        byte[] pdf = registrar.get(document.path("downloadUrl").asText()).bytes();
        assertThat(Pdfs.textOf(pdf)).contains("结婚证（补发）电子证照", replacementNo, certificate, "骆永康", "温静怡",
                "2026年5月11日", "予以补发").doesNotContain(man).doesNotContain(woman);

        // Anyone who scans its QR code is told the bureau issued it, and under which numbers.
        String url = Pdfs.qrOf(pdf);
        JsonNode verified = api().anonymous().get("/api/public/documents/" + url.substring(url.lastIndexOf('/') + 1))
                .body();
        assertThat(verified.path("verdict").asText()).isEqualTo("VALID");
        assertThat(verified.path("title").asText()).isEqualTo("结婚证（补发）电子证照");
        assertThat(verified.path("facts").findValuesAsText("value")).contains(replacementNo, certificate);

        // The registration is as it was: its case, its certificate number, its own e-copy; the replacement is listed
        // with the case's documents, and the archive shows it.
        assertThat(certificateOf(no)).isEqualTo(certificate);
        assertThat(jdbc.queryForObject("select form_data from application where application_no = ?", String.class,
                no)).isEqualTo(formData);
        assertThat(issuedDocument(registrar, no, "marriage-copy").hasNonNull("revokedAt")).isFalse();
        assertThat(issuedDocument(registrar, no, "marriage-replacement").path("serialNo").asText())
                .isEqualTo(document.path("serialNo").asText());
        assertThat(registrar.post("/api/marriage-archive/queries", query(man, "补领结婚证", "PARTY", null)).body()
                .path("records").get(0).path("replacements").get(0).asText()).isEqualTo(replacementNo);
        assertThat(count("select count(*) from audit_log where action = 'MARRIAGE_CERTIFICATE_REPLACED' and target = ?",
                "person:" + keys.of(woman))).isEqualTo(1);

        // Lost again: the next number of the year's gap-free sequence, a second version of the document.
        Api.Response again = registrar.post("/api/marriage-archive/replacements",
                Map.of("certificateNo", certificate, "idNumber", man));
        String second = again.body().path("replacementNo").asText();
        assertThat(Long.parseLong(second.substring(second.lastIndexOf('-') + 1)))
                .isEqualTo(Long.parseLong(replacementNo.substring(replacementNo.lastIndexOf('-') + 1)) + 1);
    }

    @Test
    void noReplacementWithoutARecordToAnyoneButAPartyOrForAMarriageSinceDissolved_R66() {
        String man = id(5, 0, true);
        String woman = id(5, 0, false);
        String no = registeredMarriage("岑浩然", man, "麦嘉欣", woman);
        String certificate = certificateOf(no);
        Api registrar = api().as("clerk-marriage");

        Api.Response unknown = registrar.post("/api/marriage-archive/replacements",
                Map.of("certificateNo", "J442000-1999-999999", "idNumber", man));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("code").asText()).isEqualTo("archive.noRecord");
        assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("certificateNo");
        assertThat(unknown.body().path("errors").get(0).path("message").asText()).contains("婚姻登记档案中没有");

        Api.Response agent = registrar.inEnglish().post("/api/marriage-archive/replacements",
                Map.of("certificateNo", certificate, "idNumber", id(6, 0, false)));
        assertThat(agent.status()).isEqualTo(422);
        assertThat(agent.body().path("code").asText()).isEqualTo("archive.notAParty");
        assertThat(agent.body().path("errors").get(0).path("field").asText()).isEqualTo("idNumber");
        assertThat(agent.body().path("errors").get(0).path("message").asText()).contains("not a party");
        assertThat(registrar.post("/api/marriage-archive/replacements", Map.of()).body().path("errors")
                .findValuesAsText("field")).containsExactlyInAnyOrder("certificateNo", "idNumber");

        // The couple divorce through the divorce process: their marriage is then dissolved in the archive.
        String divorce = registeredDivorce("岑浩然", man, "麦嘉欣", woman, certificate);
        String divorceCertificate = certificateOf(divorce);
        JsonNode records = registrar.post("/api/marriage-archive/queries", query(woman, "补领结婚证", "PARTY", null))
                .body().path("records");
        assertThat(records.findValuesAsText("kind")).containsExactly("MARRIAGE", "DIVORCE");
        assertThat(records.get(0).path("dissolvedBy").asText()).isEqualTo(divorceCertificate);
        Api.Response dissolved = registrar.post("/api/marriage-archive/replacements",
                Map.of("certificateNo", certificate, "idNumber", woman));
        assertThat(dissolved.status()).isEqualTo(422);
        assertThat(dissolved.body().path("code").asText()).isEqualTo("archive.dissolved");
        assertThat(dissolved.body().path("errors").get(0).path("message").asText()).contains(divorceCertificate);
        assertThat(count("select count(*) from marriage_replacement where application_no = ?", no)).isZero();

        // The divorce certificate itself may be replaced: BL.
        Api.Response divorceCopy = registrar.post("/api/marriage-archive/replacements",
                Map.of("certificateNo", divorceCertificate, "idNumber", woman));
        assertThat(divorceCopy.status()).as(divorceCopy.toString()).isEqualTo(200);
        assertThat(divorceCopy.body().path("replacementNo").asText()).matches("BL442000-2026-\\d{6}");
        assertThat(divorceCopy.body().path("document").path("title").asText()).isEqualTo("离婚证（补发）电子证照");
    }

    /** Applied for on 2026-06-01, both appear on day 35 after the cooling-off period, registered. */
    private String registeredDivorce(String nameA, String idA, String nameB, String idB, String certificate) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-01T02:00:00Z")));
        return caseDriver.registeredDivorce(divorceApplication(nameA, idA, nameB, idB, certificate));
    }
}
