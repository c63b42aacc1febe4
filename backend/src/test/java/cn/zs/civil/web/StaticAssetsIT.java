package cn.zs.civil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import cn.zs.civil.support.ApiTestBase;

/**
 * The browser UI's files over HTTP as a browser gets them: hashed assets cached a year and never revalidated, the
 * page itself revalidated every time, text gzipped for a client that accepts it. The files are the test's own
 * (src/test/resources/static), since the integration tests build without the UI.
 */
class StaticAssetsIT extends ApiTestBase {

    private static final String ASSET = "/assets/probe-C0ffee42.js";

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void hashedAssetsAreCachedForAYearAndNeverRevalidated() throws Exception {
        HttpResponse<byte[]> r = get(ASSET, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
        assertThat(r.headers().firstValue("Pragma")).isEmpty();
        assertThat(r.headers().firstValue("Expires")).isEmpty();
        // The security headers still come with it.
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void thePageIsRevalidatedEveryTimeUnderEachOfItsAddresses() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/portal", "/workbench/tasks/42", "/track", "/ratings"}) {
            HttpResponse<byte[]> r = get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).contains(ASSET);
            assertThat(r.headers().allValues("Cache-Control")).as(path).containsExactly("no-cache");
        }
    }

    @Test
    void textIsGzippedForAClientThatAcceptsIt() throws Exception {
        HttpResponse<byte[]> plain = get(ASSET, null);
        HttpResponse<byte[]> zipped = get(ASSET, "gzip, deflate, br");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("accept-encoding"));
        assertThat(zipped.body().length).isLessThan(plain.body().length / 4);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        // The API's JSON too.
        HttpResponse<byte[]> services = get("/api/services", "gzip");
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }
}
