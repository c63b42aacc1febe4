package cn.zs.civil.marriage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.application.BusinessTime;
import cn.zs.civil.registry.DemoRegistry;
import cn.zs.civil.registry.Registries;
import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.CaseDriver;

/**
 * 2003 regulations Art. 3: only a registrar with a qualification valid that day checks a couple in and does the
 * registrar's steps; the chief records and renews qualifications, validated field by field and audited.
 */
public class RegistrarQualificationIT extends ApiTestBase {

    private static final String REGISTRAR = "clerk-marriage";

    @Autowired
    private DemoRegistry registry;

    private Map<String, Object> seeded;

    /** The registrar's qualification as the seed wrote it, put back after each test (the context is shared). */
    @BeforeEach
    void keepSeed() {
        seeded = jdbc.queryForMap("select * from marriage_registrar_qualification where username = ?", REGISTRAR);
    }

    @AfterEach
    void restoreSeed() {
        jdbc.update("delete from marriage_registrar_qualification where username = ?", REGISTRAR);
        jdbc.update("insert into marriage_registrar_qualification (username, certificate_no, issuing_authority,"
                + " valid_from, valid_until, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
                seeded.get("username"), seeded.get("certificate_no"), seeded.get("issuing_authority"),
                seeded.get("valid_from"), seeded.get("valid_until"), seeded.get("recorded_by"),
                seeded.get("recorded_at"));
    }

    private Map<String, Object> enrolledCouple(int n) {
        String man = PartyIds.of(27, n, true);
        String woman = PartyIds.of(27, n, false);
        for (String[] p : new String[][] {{man, "邓志明", "M"}, {woman, "罗晓燕", "F"}}) {
            registry.enrol(new Registries.Person(p[0], p[1], p[2], LocalDate.of(1993, 3, 27), "442000", "shiqi",
                    "SINGLE"), new Registries.MaritalRecord(p[0], "SINGLE", null, null, null, null), null);
        }
        return CaseDriver.couple("邓志明", man, "SINGLE", "罗晓燕", woman, "SINGLE");
    }

    private Api.Response checkIn(Api registrar, Map<String, Object> couple) {
        return registrar.post("/api/applications", Map.of("serviceCode", "marriage-registration", "data", couple));
    }

    private Map<String, Object> recording(String no, String authority, String from, String until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateNo", no);
        body.put("issuingAuthority", authority);
        body.put("validFrom", from);
        body.put("validUntil", until);
        return body;
    }

    @Test
    void anUnqualifiedOrExpiredRegistrarIsRefusedAndAQualifiedOneRegistersNamedInTheCase_R80() {
        LocalDate today = BusinessTime.now().toLocalDate();
        Api registrar = api().as(REGISTRAR);
        Api chief = api().as("chief");
        int cases = count("select count(*) from application where service_code = 'marriage-registration'");

        // No qualification on record: the check-in is refused, in the reader's language, and creates nothing.
        jdbc.update("delete from marriage_registrar_qualification where username = ?", REGISTRAR);
        Api.Response none = checkIn(registrar, enrolledCouple(0));
        assertThat(none.status()).as(none.toString()).isEqualTo(403);
        assertThat(none.body().path("detail").asText()).startsWith("您没有登记在案的婚姻登记员资格");
        assertThat(checkIn(registrar.inEnglish(), enrolledCouple(0)).body().path("detail").asText())
                .startsWith("You have no marriage registrar qualification on record");
        assertThat(count("select count(*) from application where service_code = 'marriage-registration'"))
                .isEqualTo(cases);

        // Qualified: the check-in goes ahead and the case's trail names the registrar and the certificate.
        assertThat(chief.put("/api/registrar-qualifications/" + REGISTRAR, recording("粤婚登字2020第0501号",
                "广东省民政厅", today.minusYears(3).toString(), today.toString())).status()).isEqualTo(200);
        Api.Response in = checkIn(registrar, enrolledCouple(0));
        assertThat(in.status()).as(in.toString()).isEqualTo(201);
        String no = in.body().path("applicationNo").asText();
        runJobs(no);
        String review = taskOf(registrar, no);

        // The next day the certificate has expired: the review (the declarations witnessed, the decision) is refused.
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()
                        + java.time.Duration.ofDays(1).toMillis());
        try {
            Map<String, Object> decision = Map.of("counselling", "declined", "declarationSignedA", true,
                    "declarationSignedB", true, "decision", "register");
            Api.Response expired = registrar.post("/api/tasks/" + review + "/complete", Map.of("data", decision));
            assertThat(expired.status()).as(expired.toString()).isEqualTo(403);
            assertThat(expired.body().path("detail").asText())
                    .isEqualTo("您的婚姻登记员资格证书（编号粤婚登字2020第0501号）已于" + today
                            + "到期，不能办理婚姻登记的这一步骤。请科长在“登记员资格”中记录续期后的证书。");
            assertThat(registrar.inEnglish().post("/api/tasks/" + review + "/complete", Map.of("data", decision))
                    .body().path("detail").asText())
                    .startsWith("Your marriage registrar certificate (no. 粤婚登字2020第0501号) expired on " + today);
            assertThat(taskOf(registrar, no)).isEqualTo(review);

            // The chief records the renewal through the API; the same registrar now registers the couple.
            JsonNode renewed = chief.put("/api/registrar-qualifications/" + REGISTRAR, recording("粤婚登字2025第0777号",
                    "广东省民政厅", today.toString(), today.plusYears(5).toString())).body();
            assertThat(renewed.path("standing").asText()).isEqualTo("VALID");
            Api.Response done = registrar.post("/api/tasks/" + review + "/complete", Map.of("data", decision));
            assertThat(done.status()).as(done.toString()).isEqualTo(204);
            runJobs(no);
            Api.Response issued = registrar.post("/api/tasks/" + taskOf(registrar, no) + "/complete",
                    Map.of("data", Map.of("bothSigned", true, "certificatesHanded", true)));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(204);
            runJobs(no);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(registrar.get("/api/applications/" + no).body().path("summary").path("outcome").asText())
                .isEqualTo("REGISTERED");
        // The check-in and the two steps, each with the registrar and the certificate she acted under.
        assertThat(count("select count(*) from case_event where application_no = ? and event_type = 'REGISTRAR_ACTED'"
                + " and actor_id = ?", no, REGISTRAR)).isEqualTo(3);
        List<String> texts = registrar.get("/api/applications/" + no).body().path("timeline").findValuesAsText("text");
        assertThat(texts).filteredOn(t -> t.contains("婚姻登记员资格证书编号")).containsExactlyInAnyOrder(
                "婚姻登记员办理；登记员黄丽，婚姻登记员资格证书编号粤婚登字2020第0501号",
                "婚姻登记员办理：受理与审查（当面声明）；登记员黄丽，婚姻登记员资格证书编号粤婚登字2025第0777号",
                "婚姻登记员办理：颁发结婚证（双方到场签名）；登记员黄丽，婚姻登记员资格证书编号粤婚登字2025第0777号");
    }

    @Test
    void theChiefRecordsAQualificationValidatedFieldByFieldAndAudited_R80() {
        Api chief = api().as("chief");
        String path = "/api/registrar-qualifications/" + REGISTRAR;

        Api.Response empty = chief.put(path, Map.of());
        assertThat(empty.status()).as(empty.toString()).isEqualTo(422);
        assertThat(empty.body().path("errors").findValuesAsText("field")).containsExactly("certificateNo",
                "issuingAuthority", "validFrom", "validUntil");
        assertThat(empty.body().path("errors").get(0).path("message").asText()).isEqualTo("“资格证书编号”为必填项。");

        Api.Response bad = chief.inEnglish().put(path, recording("x".repeat(41), "广东省民政厅", "2026-02-30",
                "2026-01-01"));
        assertThat(bad.body().path("errors").findValuesAsText("field")).containsExactly("certificateNo", "validFrom");
        assertThat(bad.body().path("errors").get(1).path("label").asText()).isEqualTo("Valid from");
        Api.Response reversed = chief.put(path, recording("粤婚登字2026第0001号", "广东省民政厅", "2026-06-01",
                "2026-05-31"));
        assertThat(reversed.body().path("errors").findValuesAsText("message"))
                .containsExactly("“有效期至”不能早于“有效期自”。");
        Api.Response notRegistrar = chief.put("/api/registrar-qualifications/clerk-funeral",
                recording("粤婚登字2026第0001号", "广东省民政厅", "2026-01-01", "2030-12-31"));
        assertThat(notRegistrar.body().path("errors").findValuesAsText("field")).containsExactly("username");
        assertThat(api().as(REGISTRAR).put(path, recording("粤婚登字2026第0001号", "广东省民政厅", "2026-01-01",
                "2030-12-31")).status()).isEqualTo(403);
        assertThat(api().as(REGISTRAR).get("/api/registrar-qualifications").status()).isEqualTo(403);
        int audited = count("select count(*) from audit_log where action = 'REGISTRAR_QUALIFICATION_RECORDED'"
                + " and target = ?", "registrar:" + REGISTRAR);

        JsonNode recorded = chief.put(path, recording(" 粤婚登字2026第0001号 ", "广东省民政厅", "2026-01-01",
                "2030-12-31")).body();
        assertThat(recorded.path("certificateNo").asText()).isEqualTo("粤婚登字2026第0001号");
        assertThat(recorded.path("recordedBy").asText()).isEqualTo("赵科长");
        JsonNode listed = chief.get("/api/registrar-qualifications").body();
        assertThat(listed.findValuesAsText("username")).contains(REGISTRAR, "chief");
        assertThat(jdbc.queryForObject("select valid_until from marriage_registrar_qualification where username = ?",
                java.sql.Date.class, REGISTRAR).toLocalDate()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(count("select count(*) from audit_log where action = 'REGISTRAR_QUALIFICATION_RECORDED'"
                + " and target = ? and actor_id = 'chief' and before_state like ? and after_state like ?",
                "registrar:" + REGISTRAR, "%" + seeded.get("certificate_no") + "%", "%粤婚登字2026第0001号%"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'REGISTRAR_QUALIFICATION_RECORDED'"
                + " and target = ?", "registrar:" + REGISTRAR)).isEqualTo(audited + 1);
    }
}
