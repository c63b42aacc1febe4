package cn.zs.civil.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * Every request body is bounded before it is parsed: too large is 413 at once (declared or streamed), JSON beyond
 * the token limits is 422 naming where, both as localised problems, and nothing is stored.
 */
class RequestLimitsIT extends ApiTestBase {

    private static final int JSON_MAX = 512 * 1024;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ObjectMapper mapper;

    private record Answer(int status, JsonNode body, String contentType) {
    }

    private Answer send(String method, String path, String user, String contentType, HttpRequest.BodyPublisher body,
            String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body).header("Content-Type", contentType).header("Accept-Language", language);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = response.body().length == 0 ? mapper.nullNode() : mapper.readTree(response.body());
        return new Answer(response.statusCode(), json, response.headers().firstValue("Content-Type").orElse(""));
    }

    private Answer json(String path, String user, String body) throws Exception {
        return send("POST", path, user, "application/json", HttpRequest.BodyPublishers.ofString(body), "zh-CN");
    }

    /** A body without Content-Length: sent in chunks, so only counting while reading can stop it. */
    private static HttpRequest.BodyPublisher chunked(byte[] bytes) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private String application(Map<String, Object> data) throws Exception {
        return mapper.writeValueAsString(Map.of("serviceCode", "funeral-fee-reimbursement", "data", data));
    }

    private Map<String, Object> validData() {
        return Fixtures.reimbursement("xiaolan", "测试人", Fixtures.ZHOU_ID, "SW4420002026001", "HZ442000202600001",
                "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000001");
    }

    @Test
    void aJsonBodyOverItsBoundIsRefused413AtOnceDeclaredOrStreamedAndNothingIsStored() throws Exception {
        int applications = count("select count(*) from application");
        Map<String, Object> data = validData();
        data.put("funeralHome", "殡".repeat(JSON_MAX));
        byte[] body = application(data).getBytes(StandardCharsets.UTF_8);

        Answer declared = json("/api/applications", "zhangsan", new String(body, StandardCharsets.UTF_8));
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(declared.body().path("code").asText()).isEqualTo("request.tooLarge");
        assertThat(declared.body().path("detail").asText()).isEqualTo("请求内容超过大小限制（512 KB）。");
        assertThat(declared.body().path("title").asText()).isEqualTo("内容过大");

        Answer streamed = send("POST", "/api/applications", "zhangsan", "application/json", chunked(body), "en");
        assertThat(streamed.status()).isEqualTo(413);
        assertThat(streamed.body().path("detail").asText()).isEqualTo("The request is larger than allowed (512 KB).");

        // Anonymous public tracking with a 19 MB field (the attack): a 413, not a 500.
        String tracking = "{\"applicationNo\":\"" + "A".repeat(19 * 1024 * 1024) + "\",\"queryCode\":\"X\"}";
        assertThat(json("/api/public/track", null, tracking).status()).isEqualTo(413);
        assertThat(send("POST", "/api/public/track", null, "application/json",
                chunked(tracking.getBytes(StandardCharsets.UTF_8)), "zh-CN").status()).isEqualTo(413);
        // The engine's REST API is bounded by the same filter.
        assertThat(json("/engine-rest/process-instance", "admin", tracking).status()).isEqualTo(413);

        assertThat(count("select count(*) from application")).isEqualTo(applications);
        System.out.println("[limits] JSON over 512 KB: 413 declared and streamed, tracking and engine REST too");
    }

    @Test
    void otherBodiesAndMultipartOverTheirBoundsAre413() throws Exception {
        byte[] text = new byte[70 * 1024];
        Answer declared = send("POST", "/api/applications", "zhangsan", "text/plain",
                HttpRequest.BodyPublishers.ofByteArray(text), "zh-CN");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.body().path("detail").asText()).contains("64 KB");
        byte[] multipart = new byte[12 * 1024 * 1024];
        Answer upload = send("POST", "/api/attachments", "zhangsan", "multipart/form-data; boundary=xyz",
                HttpRequest.BodyPublishers.ofByteArray(multipart), "zh-CN");
        assertThat(upload.status()).isEqualTo(413);
        assertThat(upload.body().path("code").asText()).isEqualTo("request.tooLarge");
        Answer form = send("POST", "/login", null, "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofByteArray(text), "zh-CN");
        assertThat(form.status()).isEqualTo(413);
    }

    @Test
    void jsonBeyondTheTokenLimitsIs422NamingTheField() throws Exception {
        int applications = count("select count(*) from application");

        Map<String, Object> longText = validData();
        longText.put("funeralHome", "x".repeat(65_537));
        Answer text = json("/api/applications", "zhangsan", application(longText));
        assertThat(text.status()).as(text.body().toString()).isEqualTo(422);
        assertThat(text.body().path("code").asText()).isEqualTo("request.tooComplex");
        assertThat(text.body().path("errors").get(0).path("field").asText()).isEqualTo("data.funeralHome");
        assertThat(text.body().path("errors").get(0).path("message").asText()).contains("65,536");

        Map<String, Object> manyKeys = new LinkedHashMap<>(validData());
        for (int i = 0; manyKeys.size() <= 200; i++) {
            manyKeys.put("k" + i, i);
        }
        Answer keys = json("/api/applications", "zhangsan", application(manyKeys));
        assertThat(keys.status()).isEqualTo(422);
        assertThat(keys.body().path("code").asText()).isEqualTo("request.tooManyFields");
        assertThat(keys.body().path("errors").get(0).path("field").asText()).isEqualTo("data");
        assertThat(keys.body().path("errors").get(0).path("message").asText()).isEqualTo("一个对象最多包含 200 个字段。");

        String deep = "{\"serviceCode\":\"funeral-fee-reimbursement\",\"data\":" + "{\"a\":".repeat(40) + "1"
                + "}".repeat(40) + "}";
        Answer nested = json("/api/applications", "zhangsan", deep);
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.body().path("code").asText()).isEqualTo("request.tooComplex");

        Answer number = json("/api/applications", "zhangsan",
                "{\"serviceCode\":\"funeral-fee-reimbursement\",\"data\":{\"items\":[{\"charge\":" + "9".repeat(101) + "}]}}");
        assertThat(number.status()).isEqualTo(422);
        assertThat(number.body().path("errors").get(0).path("field").asText()).isEqualTo("data.items[0].charge");

        Answer name = json("/api/public/track", null, "{\"" + "n".repeat(201) + "\":1}");
        assertThat(name.status()).isEqualTo(422);

        // A field count under the bound and text under the bound still reach the form's own validation.
        Map<String, Object> fine = validData();
        fine.put("funeralHome", "x".repeat(300));
        Answer validated = json("/api/applications", "zhangsan", application(fine));
        assertThat(validated.status()).isIn(201, 422);
        assertThat(validated.body().path("code").asText()).isNotIn("request.tooComplex", "request.tooManyFields");

        assertThat(count("select count(*) from application")).isBetween(applications, applications + 1);
        System.out.println("[limits] long text, 201 keys, 40 levels, 101 digits, 201-char name: 422 naming the field");
    }

    @Test
    void everyMapperCarriesTheReadLimits() {
        var constraints = mapper.getFactory().streamReadConstraints();
        assertThat(constraints.getMaxStringLength()).isEqualTo(65_536);
        assertThat(constraints.getMaxNestingDepth()).isEqualTo(32);
        assertThat(constraints.getMaxNumberLength()).isEqualTo(100);
        // The process-wide default, for the mappers the engine's REST API and Spin build themselves.
        assertThat(new ObjectMapper().getFactory().streamReadConstraints().getMaxStringLength()).isEqualTo(65_536);
    }
}
