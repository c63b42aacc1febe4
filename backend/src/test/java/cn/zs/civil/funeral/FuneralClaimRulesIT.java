package cn.zs.civil.funeral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/** The dates of a funeral claim (domain brief §4(e) 1, §4(f)) and one waiver per deceased, as the reviewer sees it. */
class FuneralClaimRulesIT extends ApiTestBase {

    private static final ZonedDateTime MONDAY_2026_11_30 = ZonedDateTime.of(2026, 11, 30, 10, 0, 0, 0,
            ZoneId.of("Asia/Shanghai"));
    /** In the demo registry: Shiqi hukou, died in Guangzhou on 2026-11-16, cremated there on 11-19. */
    private static final String LI_ZHIYUAN_ID = "442000194002021131";

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private Map<String, Object> claim(Api applicant, String name, String id, String death, String cremation) {
        Map<String, Object> data = new HashMap<>(Fixtures.reimbursement("shiqi", name, id, "SW4401002026088",
                "HZ440100202600888", applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText(),
                applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText()));
        data.put("dateOfDeath", death);
        data.put("cremationDate", cremation);
        return data;
    }

    private Api.Response submit(Api applicant, Map<String, Object> data) {
        return applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data", data));
    }

    @Test
    void aDateOfDeathAfterReceiptACremationBeforeDeathAndALateClaimAreRefusedFieldByField() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_2026_11_30.toInstant()));
        Api applicant = api().as("lisi");
        int before = count("select count(*) from application");

        Api.Response deathLater = submit(applicant, claim(applicant, "黎志远", LI_ZHIYUAN_ID, "2026-12-01", "2026-11-19"));
        assertThat(deathLater.status()).as(deathLater.toString()).isEqualTo(422);
        assertThat(deathLater.body().path("errors").findValuesAsText("field")).contains("dateOfDeath");
        assertThat(deathLater.body().path("errors").findValuesAsText("code")).contains("funeral.deathAfterReceipt");

        Api.Response cremationFirst = submit(applicant, claim(applicant, "黎志远", LI_ZHIYUAN_ID, "2026-11-16",
                "2026-11-15"));
        assertThat(cremationFirst.status()).isEqualTo(422);
        assertThat(cremationFirst.body().path("errors").findValuesAsText("code"))
                .containsExactly("funeral.cremationBeforeDeath");

        ClockUtil.setCurrentTime(Date.from(MONDAY_2026_11_30.plusMonths(13).toInstant()));
        Api.Response late = submit(applicant, claim(applicant, "黎志远", LI_ZHIYUAN_ID, "2026-11-16", "2026-11-19"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body().path("errors").findValuesAsText("code")).containsExactly("funeral.claimWindowOver");
        assertThat(late.body().path("errors").get(0).path("message").asText()).contains("2027-11-19");
        assertThat(count("select count(*) from application")).isEqualTo(before);
    }

    @Test
    void theReviewerIsWarnedWhenTheSameDeceasedAlreadyHasAPaidReimbursement() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_2026_11_30.toInstant()));
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        String first = submit(applicant, claim(applicant, "黎志远", LI_ZHIYUAN_ID, "2026-11-16", "2026-11-19")).body()
                .path("applicationNo").asText();
        runJobs(first);
        complete(clerk, first, Map.of("decision", "accept"));
        JsonNode firstReview = clerk.get("/api/tasks/" + taskOf(clerk, first)).body().path("checks");
        assertThat(firstReview.path("alreadyWaivedInCity").asBoolean()).isFalse();
        complete(clerk, first, Map.of("decision", "approve", "invoiceChecked", true));
        assertThat(api().as("lisi").get("/api/applications/" + first).body().path("summary").path("outcome").asText())
                .isEqualTo("PAID");

        // Another family member claims again for the same deceased.
        Api other = api().as("zhangsan");
        String second = submit(other, claim(other, "黎志远", LI_ZHIYUAN_ID, "2026-11-16", "2026-11-19")).body()
                .path("applicationNo").asText();
        runJobs(second);
        complete(clerk, second, Map.of("decision", "accept"));
        JsonNode review = clerk.get("/api/tasks/" + taskOf(clerk, second)).body();
        assertThat(review.path("checks").path("alreadyWaivedInCity").asBoolean()).isTrue();
        assertThat(review.path("checks").path("earlierWaiverNo").asText()).isEqualTo(first);
        assertThat(List.of(review.path("form").toString())).anySatisfy(f -> assertThat(f).contains("Text_EarlierWaiver"));
    }

    /**
     * §4(e)5: the fixtures' invoice charges storage at 100 yuan a day, above the tests' government price list (80):
     * the reviewer sees the line in words (zh and en) and the form's warning; the other lines are within the list and
     * the amount is computed at the city's standards as before (flag only).
     */
    @Test
    void theReviewerIsShownAnInvoiceLineAboveTheGovernmentPriceList_R216() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_2026_11_30.toInstant()));
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        Api.Response r = submit(applicant, claim(applicant, "黎志远", LI_ZHIYUAN_ID, "2026-11-16", "2026-11-19"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        complete(clerk, no, Map.of("decision", "accept"));
        JsonNode review = clerk.get("/api/tasks/" + taskOf(clerk, no)).body();
        assertThat(review.path("checks").path("withinPriceList").asBoolean(true)).isFalse();
        assertThat(review.path("factTexts").path("overPricedItems").asText())
                .isEqualTo("遗体存放（天）：单价100.00元，高于政府定价80.00元");
        assertThat(review.path("form").toString()).contains("Text_OverPriced");
        assertThat(clerk.inEnglish().get("/api/tasks/" + taskOf(clerk, no)).body().path("factTexts")
                .path("overPricedItems").asText())
                .isEqualTo("Storage (days): unit price 100.00 yuan, above the government price of 80.00 yuan");
        assertThat(review.path("checks").path("waiverAmount").asDouble()).isPositive();
    }

    private Map<String, Object> unidentifiedBody(String policeCertificate, String deathCertificate) {
        Map<String, Object> data = new HashMap<>();
        data.put("district", "shiqi");
        data.put("unidentifiedBody", true);
        data.put("policeCertificateNo", policeCertificate);
        data.put("deceasedName", "无名氏");
        data.put("dateOfDeath", "2026-11-27");
        data.put("deathCertificateNo", deathCertificate);
        data.put("placeOfDeath", "中山市石岐区");
        data.put("cremationDate", "2026-11-30");
        data.put("items", List.of(Map.of("itemCode", "TRANSPORT", "quantity", 60, "charge", 900),
                Map.of("itemCode", "STORAGE", "quantity", 10, "charge", 1000),
                Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 600),
                Map.of("itemCode", "OTHER", "quantity", 1, "charge", 880)));
        data.put("phone", "13800138000");
        return data;
    }

    @Test
    void anUnidentifiedBodyNeedsNoIdNumberAndFinanceBearsItsBasicFeesAtActualCost() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_2026_11_30.toInstant()));
        Api home = api().as("clerk-funeral-home");
        for (String police : List.of("中公刑无名证2026第0456号", "中公刑无名证2026第0457号")) {
            Api.Response r = home.post("/api/applications", Map.of("serviceCode", "funeral-fee-waiver", "data",
                    unidentifiedBody(police, "SW44200020269" + police.substring(police.length() - 4, police.length() - 1))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            String no = r.body().path("applicationNo").asText();
            runJobs(no);
            // No ID to look up: the funeral home checks the police certificate on paper.
            complete(home, no, Map.of("paperChecked", true, "specialGroup", "UNIDENTIFIED", "decision", "confirm"));
            assertThat(api().as("clerk-funeral-home").get("/api/applications/" + no).body().path("summary")
                    .path("outcome").asText()).as(no).isEqualTo("WAIVED");
            // Transport, storage and cremation at their actual 2,500 yuan, no cap; the non-basic item is not waived.
            assertThat(jdbc.queryForObject("select waived_amount from funeral_waiver where application_no = ?",
                    java.math.BigDecimal.class, no)).isEqualByComparingTo("2500");
        }
    }

    /**
     * Domain brief §4(a) (Huizhou, Dongguan): ecological burial is a basic service waived instead of ash storage
     * (funeral-item-standards.dmn); a claim with both is refused on the items, in the reader's language; the waiver
     * notice names the item.
     */
    @Test
    void ecologicalBurialIsWaivedInsteadOfAshStorageNeverWithIt_R197() throws Exception {
        Api applicant = api().as("lisi");
        Map<String, Object> both = claim(applicant, "何丽珍", Fixtures.HE_ID, Fixtures.daysAgo(20), Fixtures.daysAgo(16));
        both.put("items", List.of(Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 350),
                Map.of("itemCode", "ASH_STORAGE", "quantity", 1, "charge", 50),
                Map.of("itemCode", "ECO_BURIAL", "quantity", 1, "charge", 300)));
        Api.Response refused = submit(applicant, both);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("items");
        assertThat(refused.body().path("errors").get(0).path("message").asText()).contains("生态安葬", "骨灰寄存");
        assertThat(submit(applicant.inEnglish(), both).body().path("errors").get(0).path("message").asText())
                .contains("Ecological burial replaces ash storage");

        // Instead of ash storage: a basic service of the waiver (its standard, 100 yuan, in FuneralDecisionTablesTest).
        Api unidentified = api().as("clerk-funeral-home");
        ClockUtil.setCurrentTime(Date.from(MONDAY_2026_11_30.toInstant()));
        Map<String, Object> body = unidentifiedBody("中公刑无名证2026第0461号", "SW44200020269461");
        body.put("items", List.of(Map.of("itemCode", "CREMATION", "quantity", 1, "charge", 600),
                Map.of("itemCode", "ECO_BURIAL", "quantity", 1, "charge", 300)));
        Api.Response r = unidentified.post("/api/applications", Map.of("serviceCode", "funeral-fee-waiver", "data", body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        complete(unidentified, no, Map.of("paperChecked", true, "specialGroup", "UNIDENTIFIED", "decision", "confirm"));
        String lines = jdbc.queryForObject("select waiver_lines from funeral_waiver where application_no = ?",
                String.class, no);
        assertThat(lines).contains("ECO_BURIAL");
        // An unidentified body's basic services are borne at actual cost: the burial is a basic service, in full.
        assertThat(jdbc.queryForObject("select waived_amount from funeral_waiver where application_no = ?",
                java.math.BigDecimal.class, no)).isEqualByComparingTo("900");
        assertThat(issuedDocumentText(unidentified, no, "waiver-notice").replaceAll("\\s+", ""))
                .contains("生态安葬（海葬、树葬、花葬等，替代骨灰寄存）：数量1，收费300.00元，减免300.00元");
    }

    /**
     * Domain brief §4(a) (Shantou Longhu): the form records which policy funeral allowance the family may draw; the
     * registry check gives the eligibility table the fact whether that category is excluded. Zhongshan excludes none
     * by default ({@code platform.funeral.allowance-exclusions}): the claim goes on to the review.
     */
    @Test
    void theFamilysPolicyFuneralAllowanceIsRecordedAndExcludesNobodyByDefault_R203() {
        Api applicant = api().as("lisi");
        Api clerk = api().as("clerk-funeral");
        Map<String, Object> data = claim(applicant, "何丽珍", Fixtures.HE_ID, Fixtures.daysAgo(20), Fixtures.daysAgo(16));
        data.put("allowanceCategory", "CIVIL");
        Api.Response refused = submit(applicant, data);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("allowanceCategory");

        data.put("allowanceCategory", "PUBLIC_SECTOR");
        Api.Response r = submit(applicant, data);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String no = r.body().path("applicationNo").asText();
        runJobs(no);
        complete(clerk, no, Map.of("decision", "accept"));
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
        assertThat(runtime.getVariable(instance.getId(), "allowanceExcluded")).isEqualTo(false);
        assertThat(api().as("clerk-funeral").get("/api/applications/" + no).body().path("summary").path("outcome")
                .isNull() || api().as("clerk-funeral").get("/api/applications/" + no).body().path("summary")
                        .path("outcome").isMissingNode()).isTrue();
    }

    private void complete(Api clerk, String no, Map<String, Object> data) {
        String task = taskOf(clerk, no);
        assertThat(task).as("a task of " + no).isNotNull();
        Api.Response r = clerk.post("/api/tasks/" + task + "/complete", Map.of("data", data));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        runJobs(no);
    }
}
