package cn.zs.civil.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's HTTP API as a client sees it (java.net.http, HTTP/1.1, HTTP Basic as the demo accounts allow).
 * Every call is timed under its endpoint name; a status the scenario did not expect, or no answer, is an error.
 */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final Metrics metrics;

    Client(String base, Metrics metrics) {
        this.base = base;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String endpoint, String user, String path) {
        return send(endpoint, request(user, path).GET(), System.nanoTime());
    }

    Reply postJson(String endpoint, String user, String path, Object body, String idempotencyKey) {
        return postJson(endpoint, user, path, body, idempotencyKey, System.nanoTime());
    }

    /** {@code intendedStart}: when the call should have gone out, so a backed-up generator counts its own delay. */
    Reply postJson(String endpoint, String user, String path, Object body, String idempotencyKey, long intendedStart) {
        HttpRequest.Builder b = request(user, path).header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        try {
            b.POST(HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(endpoint, b, intendedStart);
    }

    /** A multipart upload of one file, as a browser sends it. */
    Reply upload(String endpoint, String user, String fileName, String mediaType, byte[] content) {
        String boundary = "----bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return send(endpoint, request(user, "/api/attachments")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)), System.nanoTime());
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json").header("Accept-Language", "zh-CN");
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return b;
    }

    private Reply send(String endpoint, HttpRequest.Builder request, long start) {
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            metrics.record(endpoint, System.nanoTime() - start);
            JsonNode body = r.body().length == 0 ? JSON.missingNode() : parse(r.body());
            if (r.statusCode() >= 400) {
                metrics.error(endpoint, "HTTP " + r.statusCode() + " " + body.path("detail").asText(""));
            }
            return new Reply(r.statusCode(), body);
        } catch (IOException e) {
            metrics.error(endpoint, e.getClass().getSimpleName());
            return new Reply(0, JSON.missingNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, JSON.missingNode());
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
