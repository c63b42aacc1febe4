package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

class SubmissionIT extends ApiTestBase {

    private Map<String, Object> validData(Api applicant) {
        String cremation = applicant.upload("cremation.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("invoice.pdf", Fixtures.pdf()).body().path("id").asText();
        return Fixtures.reimbursement("nanqu", "周桂芳", Fixtures.ZHOU_ID, "SW4419002026031", "HZ441900202600789",
                cremation, invoice);
    }

    private int applications() {
        return count("select count(*) from application");
    }

    @Test
    void retriedSubmissionWithTheSameKeyReturnsTheFirstCaseAndCreatesNoSecond() {
        Api applicant = api().as("lisi");
        Map<String, Object> body = Map.of("serviceCode", "funeral-fee-reimbursement", "data", validData(applicant));
        Map<String, String> key = Map.of("Idempotency-Key", "retry-test-1");

        Api.Response first = applicant.post("/api/applications", body, key);
        int after = applications();
        Api.Response retry = applicant.post("/api/applications", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().path("applicationNo").asText()).isEqualTo(first.body().path("applicationNo").asText());
        assertThat(applications()).isEqualTo(after);
        assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(first.body().path("applicationNo").asText()).count()).isEqualTo(1);
    }

    @Test
    void sameKeyWithDifferentContentIsRefused() {
        Api applicant = api().as("lisi");
        Map<String, Object> data = validData(applicant);
        Map<String, String> key = Map.of("Idempotency-Key", "retry-test-2");
        assertThat(applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data", data),
                key).status()).isEqualTo(201);
        Map<String, Object> changed = new HashMap<>(data);
        changed.put("phone", "13700137000");
        Api.Response reused = applicant.post("/api/applications",
                Map.of("serviceCode", "funeral-fee-reimbursement", "data", changed), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().path("code").asText()).isEqualTo("idempotency.keyReused");
    }

    @Test
    void concurrentRetriesWithOneKeyCreateExactlyOneCase() throws Exception {
        Api applicant = api().as("lisi");
        Map<String, Object> body = Map.of("serviceCode", "funeral-fee-reimbursement", "data", validData(applicant));
        Map<String, String> key = Map.of("Idempotency-Key", "concurrent-retry");
        int before = applications();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> applicant.post("/api/applications", body, key));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.toString()).isIn(200, 201);
                numbers.add(r.body().path("applicationNo").asText());
            }
            assertThat(numbers).containsOnly(numbers.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(applications()).isEqualTo(before + 1);
    }

    @Test
    void invalidSubmissionIsRejectedFieldByFieldAndLeavesNoTrace() {
        Api applicant = api().as("lisi");
        Map<String, Object> data = new HashMap<>(validData(applicant));
        data.put("deceasedIdNumber", "12345");
        data.put("relationship", "NEIGHBOUR");
        data.remove("deceasedName");
        data.put("declaration", false);
        data.put("salary", 100);
        data.put("items", List.of(Map.of("itemCode", "CREMATION", "quantity", -1, "charge", "abc")));
        int before = applications();
        int events = count("select count(*) from case_event");
        long instances = runtime.createProcessInstanceQuery().count();

        Api.Response rejected = applicant.post("/api/applications",
                Map.of("serviceCode", "funeral-fee-reimbursement", "data", data));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = rejected.body().path("errors");
        assertThat(errors.findValuesAsText("field")).contains("deceasedIdNumber", "relationship", "deceasedName",
                "declaration", "salary", "items[0].quantity", "items[0].charge");
        assertThat(errors.findValuesAsText("message")).contains("“逝者姓名”为必填项。", "“逝者公民身份号码”的格式不正确。");
        assertThat(applications()).isEqualTo(before);
        assertThat(count("select count(*) from case_event")).isEqualTo(events);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(count("select count(*) from attachment where id = ? and application_no is null",
                data.get("cremationCertificateFile"))).isEqualTo(1);
    }

    @Test
    void findingsAreInEnglishForAnEnglishReader() {
        Api applicant = api().as("lisi").inEnglish();
        Api.Response rejected = applicant.post("/api/applications",
                Map.of("serviceCode", "funeral-fee-reimbursement", "data", Map.of("district", "nowhere")));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().path("title").asText()).isEqualTo("Please correct the form");
        assertThat(rejected.body().path("errors").findValuesAsText("message"))
                .contains("\"Name of the deceased\" is required.");
    }

    @Test
    void filesOfAnotherApplicantCannotBeAttached() {
        String foreign = api().as("zhangsan").upload("mine.pdf", Fixtures.pdf()).body().path("id").asText();
        Api applicant = api().as("lisi");
        Map<String, Object> data = new HashMap<>(validData(applicant));
        data.put("cremationCertificateFile", foreign);
        Api.Response rejected = applicant.post("/api/applications",
                Map.of("serviceCode", "funeral-fee-reimbursement", "data", data));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().path("errors").findValuesAsText("field")).containsExactly("cremationCertificateFile");
    }

    @Test
    void malformedJsonIsAProblemNotAnError() {
        Api.Response r = api().as("lisi").call(org.springframework.http.HttpMethod.POST, "/api/applications",
                "{not json", Map.of("Content-Type", "application/json"));
        assertThat(r.status()).isIn(400, 415);
        assertThat(r.text()).doesNotContain("Exception", "at cn.zs");
    }
}
