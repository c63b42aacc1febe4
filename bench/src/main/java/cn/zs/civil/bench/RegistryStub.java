package cn.zs.civil.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The registry gateway the platform calls in production ({@code REGISTRY_MODE=http}, contract in HttpRegistry),
 * answering for the synthetic residents of {@link Ids}: every valid number is a living, never-married Zhongshan
 * resident with the name {@link Ids#name}; a number whose death record is asked for died in Zhongshan with the
 * certificate {@link Ids#deathCertificate}. Marriages and divorces reported to it are accepted. The answers cost
 * microseconds, so the platform's own cost is what the benchmark sees, plus one local HTTP call per lookup.
 */
final class RegistryStub implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    final AtomicLong calls = new AtomicLong();

    RegistryStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "registry-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        calls.incrementAndGet();
        try (x) {
            x.getRequestBody().readAllBytes();
            String[] path = x.getRequestURI().getPath().split("/");
            String kind = path.length > 1 ? path[1] : "";
            String key = path.length > 2 ? path[2] : "";
            if ("POST".equals(x.getRequestMethod())) {
                x.sendResponseHeaders(204, -1);
                return;
            }
            Object answer = switch (kind) {
                case "persons" -> valid(key) ? Map.of("idNumber", key, "name", Ids.name(key),
                        "sex", Ids.male(key) ? "M" : "F", "birthDate", Ids.birthDate(key).toString(),
                        "hukouDivision", "442000", "hukouDistrict", "shiqi", "maritalStatus", "SINGLE") : null;
                case "deaths" -> valid(key) ? Map.of("idNumber", key, "date", LocalDate.now().minusDays(5).toString(),
                        "certificateNo", Ids.deathCertificate(key), "placeDivision", "442000") : null;
                case "assistance" -> Map.of("status", "NONE");
                case "cremations" -> key.isEmpty() ? java.util.List.of() : null;
                default -> null;
            };
            if (answer == null) {
                x.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = json.writeValueAsBytes(answer);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static boolean valid(String id) {
        return id.matches("\\d{17}[0-9X]") && id.startsWith("442000");
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
