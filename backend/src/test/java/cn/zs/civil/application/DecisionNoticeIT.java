package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * The applicant sees every decision against them and what to do next (ALL Art. 38): the reasons, the legal basis
 * and the remedy in their language, and the correction notice's deadline; never a code.
 */
class DecisionNoticeIT extends ApiTestBase {

    /** A code-like token: UPPER_SNAKE, camelCase, or a bare boolean. */
    private static final Pattern CODE = Pattern.compile("\\b([A-Z]{2,}_[A-Z_]+|[a-z]+[A-Z][A-Za-z]*|true|false)\\b");
    private static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void fixedDay() {
        ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private String submit(Api applicant, String district, String name, String id, String death, String cremation) {
        return submitReimbursement(applicant, district, name, id, death, cremation);
    }

    @Test
    void applicantSeesTheCorrectionDeadlineThenTheClerksReasonsTheBasisAndTheRemedyInBothLanguages() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant, "shiqi", "何丽珍", Fixtures.HE_ID, "SW4420002026004", "HZ440100202699999");
        String task = taskOf(clerk, no);
        assertThat(clerk.post("/api/tasks/" + task + "/corrections", Map.of("items",
                List.of(Map.of("material", "invoice", "description", "发票缺少收费明细")))).status()).isEqualTo(204);

        JsonNode waiting = applicant.get("/api/applications/" + no).body();
        // The catalogue's 30-day correction period, from the notice, as the engine's timer will end it.
        assertThat(waiting.path("correctionNotice").path("deadline").asText()).startsWith("2026-12-30T10:00");
        assertThat(waiting.path("decision").isObject()).as("no decision yet").isFalse();

        assertThat(applicant.post("/api/applications/" + no + "/corrections", Map.of("data",
                Map.of("cremationCertificateNo", "HZ440100202600999"))).status()).isEqualTo(204);
        runJobs(no);
        JsonNode supplied = applicant.get("/api/applications/" + no).body();
        assertThat(supplied.path("correctionNotice").path("suppliedAt").asText()).startsWith("2026-11-30");
        assertThat(supplied.path("correctionNotice").path("deadline").asText("")).isIn("", "null");

        String review = taskOf(clerk, no);
        assertThat(clerk.post("/api/tasks/" + review + "/complete", Map.of("data", Map.of("decision", "reject",
                "invoiceChecked", true, "reasons", "发票所列火化日期与火化证明不一致，无法确认费用真实发生。"))).status())
                .isEqualTo(204);

        JsonNode zh = applicant.get("/api/applications/" + no).body().path("decision");
        assertThat(zh.path("title").asText()).isEqualTo("不予批准决定书");
        assertThat(zh.path("authority").asText()).isEqualTo("中山市民政局");
        assertThat(texts(zh.path("reasons"))).contains("发票所列火化日期与火化证明不一致，无法确认费用真实发生。");
        assertThat(texts(zh.path("legalBasis"))).anyMatch(b -> b.contains("第三十八条"))
                .anyMatch(b -> b.contains("粤民发〔2015〕37号"));
        assertThat(zh.path("remedy").asText()).contains("六十日内", "中山市人民政府", "行政复议", "六个月内", "人民法院",
                "行政诉讼");
        assertThat(zh.path("decidedAt").asText()).startsWith("2026-11-30");
        assertNothingInternal(zh);

        JsonNode en = applicant.inEnglish().get("/api/applications/" + no).body().path("decision");
        assertThat(en.path("title").asText()).isEqualTo("Decision of refusal");
        assertThat(en.path("outcomeText").asText()).isEqualTo("Refused");
        assertThat(texts(en.path("legalBasis"))).anyMatch(b -> b.contains("Administrative Licensing Law Art. 38"));
        assertThat(en.path("remedy").asText()).contains("60 days", "Zhongshan People's Government", "6 months",
                "people's court");
        assertNothingInternal(en);
    }

    @Test
    void aRefusalByTheRegistryCheckExplainsItselfWithoutAnyCode() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String no = submit(applicant, "dongqu", "周桂芳", Fixtures.ZHOU_ID, "SW4419002026031", "HZ441900202600789");
        assertThat(clerk.post("/api/tasks/" + taskOf(clerk, no) + "/complete",
                Map.of("data", Map.of("decision", "accept"))).status()).isEqualTo(204);
        runJobs(no);

        JsonNode detail = applicant.get("/api/applications/" + no).body();
        assertThat(detail.path("summary").path("outcome").asText()).isEqualTo("ALREADY_WAIVED");
        JsonNode zh = detail.path("decision");
        assertThat(texts(zh.path("reasons"))).anyMatch(r -> r.contains("已在外地享受过") && r.contains("只能享受一次"));
        assertThat(texts(zh.path("legalBasis"))).anyMatch(b -> b.contains("每位逝者只享受一次"));
        assertNothingInternal(zh);

        JsonNode en = applicant.inEnglish().get("/api/applications/" + no).body().path("decision");
        assertThat(texts(en.path("reasons"))).anyMatch(r -> r.contains("already waived elsewhere"));
        assertThat(en.path("remedy").asText()).contains("within 60 days");
        assertNothingInternal(en);

        // Only the case's applicant (or its staff) reads the notice.
        assertThat(api().as("zhangsan").get("/api/applications/" + no).status()).isEqualTo(404);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void assertNothingInternal(JsonNode notice) {
        List<String> shown = new java.util.ArrayList<>();
        notice.fields().forEachRemaining(f -> {
            if (f.getValue().isArray()) {
                shown.addAll(texts(f.getValue()));
            } else if (!f.getKey().equals("decidedAt")) {
                shown.add(f.getValue().asText());
            }
        });
        assertThat(shown).isNotEmpty().allSatisfy(s -> assertThat(CODE.matcher(s).find()).as(s).isFalse());
    }
}
