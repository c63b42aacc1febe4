package cn.zs.civil.support;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the API as a real client sees it: status, headers, JSON body; never throws on 4xx/5xx. */
public final class Api {

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();
    private String user;
    private String language = "zh-CN";

    public Api(int port) {
        this(port, null);
    }

    /** With a read timeout: a call that gets no answer in time throws instead of waiting for ever. */
    public Api(int port, java.time.Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newHttpClient());
        if (readTimeout != null) {
            requests.setReadTimeout(readTimeout);
        }
        this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port).requestFactory(requests)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** Every demo account's password is "demo". */
    public Api as(String username) {
        Api copy = new Api(this);
        copy.user = username;
        return copy;
    }

    public Api anonymous() {
        Api copy = new Api(this);
        copy.user = null;
        return copy;
    }

    public Api inEnglish() {
        Api copy = new Api(this);
        copy.language = "en";
        return copy;
    }

    private Api(Api other) {
        this.http = other.http;
        this.user = other.user;
        this.language = other.language;
    }

    public Response get(String path) {
        return call(HttpMethod.GET, path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return call(HttpMethod.POST, path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return call(HttpMethod.POST, path, body, headers);
    }

    public Response put(String path, Object body) {
        return call(HttpMethod.PUT, path, body, Map.of());
    }

    public Response call(HttpMethod method, String path, Object body, Map<String, String> headers) {
        RestClient.RequestBodySpec spec = http.method(method).uri(path).headers(h -> headers(h, headers));
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<byte[]> response = spec.retrieve().toEntity(byte[].class);
        return new Response(response, json);
    }

    public Response upload(String fileName, byte[] content) {
        return upload("/api/attachments", fileName, content);
    }

    /** A multipart POST of one file, as the part {@code file}, to the given path. */
    public Response upload(String path, String fileName, byte[] content) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        ResponseEntity<byte[]> response = http.post().uri(path).headers(h -> headers(h, Map.of()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(byte[].class);
        return new Response(response, json);
    }

    private void headers(HttpHeaders h, Map<String, String> extra) {
        h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        if (user != null) {
            h.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        extra.forEach(h::set);
    }

    public record Response(ResponseEntity<byte[]> entity, ObjectMapper json) {

        public int status() {
            return entity.getStatusCode().value();
        }

        public String text() {
            return entity.getBody() == null ? "" : new String(entity.getBody(), StandardCharsets.UTF_8);
        }

        public JsonNode body() {
            try {
                return entity.getBody() == null || entity.getBody().length == 0 ? json.nullNode()
                        : json.readTree(entity.getBody());
            } catch (Exception e) {
                throw new AssertionError("Not JSON (" + status() + "): " + text(), e);
            }
        }

        public String header(String name) {
            return entity.getHeaders().getFirst(name);
        }

        public byte[] bytes() {
            return entity.getBody();
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
