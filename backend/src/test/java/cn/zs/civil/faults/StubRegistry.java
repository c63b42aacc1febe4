package cn.zs.civil.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The registry gateway (the contract of {@code HttpRegistry}) as a stub that knows every person the suites invent:
 * the answers follow from the ID number alone, so any node, before or after a crash, hears the same. Every
 * marriage reported to it is counted by certificate number: an external side effect that must happen once.
 */
final class StubRegistry implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, AtomicInteger> reportedMarriages = new ConcurrentHashMap<>();

    StubRegistry(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The name the identity registry holds for an ID number: 林 and the birth date in Chinese numerals. */
    static String nameOf(String id) {
        StringBuilder name = new StringBuilder("林");
        for (char c : id.substring(8, 14).toCharArray()) {
            name.append("〇一二三四五六七八九".charAt(c - '0'));
        }
        return name.toString();
    }

    static String deathCertificateOf(String id) {
        return "SW" + id.substring(6);
    }

    static String cremationCertificateOf(String id) {
        return "HZ" + id;
    }

    Map<String, AtomicInteger> reportedMarriages() {
        return reportedMarriages;
    }

    void reset() {
        reportedMarriages.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if ("POST".equals(exchange.getRequestMethod())) {
                JsonNode body = json.readTree(exchange.getRequestBody());
                if (path.equals("/marriages")) {
                    reportedMarriages.computeIfAbsent(body.path("certificateNo").asText(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            Object answer = switch (parts.length > 1 ? parts[1] : "") {
                case "persons" -> person(parts[2]);
                case "deaths" -> birthYear(parts[2]) < 1960 ? Map.of("idNumber", parts[2], "date", "2026-11-18",
                        "certificateNo", deathCertificateOf(parts[2]), "placeDivision", "440100") : null;
                case "assistance" -> Map.of("status", "NONE");
                case "cremations" -> parts.length > 2 ? cremation(parts[2]) : java.util.List.of();
                case "marital-records" -> Map.of("idNumber", parts[2], "status", "SINGLE");
                default -> null;
            };
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = json.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static int birthYear(String id) {
        return Integer.parseInt(id.substring(6, 10));
    }

    private static Map<String, Object> person(String id) {
        LocalDate birth = LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
        return Map.of("idNumber", id, "name", nameOf(id), "sex", (id.charAt(16) - '0') % 2 == 1 ? "M" : "F",
                "birthDate", birth.toString(), "hukouDivision", "442000", "hukouDistrict", "xiaolan",
                "maritalStatus", "SINGLE");
    }

    private static Map<String, Object> cremation(String certificateNo) {
        if (!certificateNo.startsWith("HZ")) {
            return null;
        }
        return Map.of("idNumber", certificateNo.substring(2), "certificateNo", certificateNo,
                "funeralHome", "广州市殡葬服务中心", "date", "2026-11-21", "waived", false);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
