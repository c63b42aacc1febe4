package cn.zs.civil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The first start of the embedded default, as a new user makes it: the packaged jar in an empty directory (a fresh H2
 * database under ./data), no settings but the port, so the demo data and its sample of the bureau's past months are
 * what the defaults give. Every staff account of the README's account table then finds cases in its queue through the
 * workbench's own call, and the manager's dashboard finds something to draw in every chart it reads by default (the 30
 * days up to the platform's today). The platform runs from a fixed day (the demo clock's DEMO_CLOCK_START, the only
 * setting added), so the result never depends on the day the test runs: the first working day after the 2026 Spring
 * Festival, whose nine days off leave the fewest working days in the dashboard's month and the sample's last weeks.
 * The same start proves that every model and form is deployed from the jar (the former DeploymentFromJarIT).
 */
class FirstStartSampleIT {

    /** The staff accounts of the README's account table (each with a queue) and the day the platform starts on. */
    static final List<String> STAFF = List.of("clerk-funeral", "clerk-funeral-xl", "clerk-funeral-home",
            "clerk-marriage", "clerk-socialorg", "clerk-placename", "chief", "director");
    static final LocalDate START = LocalDate.of(2026, 2, 24);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private int port;

    @Test
    void onTheFirstStartEveryStaffQueueAndEveryDashboardChartHasCases() throws Exception {
        // The embedded default is H2: the MariaDB run of the suite (it.profiles test,mysql) has nothing to add here.
        Assumptions.assumeFalse(System.getProperty("spring.profiles.active", "").contains("mysql"));
        Path jar = Path.of(System.getProperty("packaged.jar", "target/civil-approval-backend-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("first-start");
        Path log = dir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("DEMO_") || k.startsWith("SPRING_") || k.startsWith("DB_")
                || k.equals("PORT") || k.equals("REGISTRY_MODE"));
        env.put("DEMO_TIME_TRAVEL", "true");
        env.put("DEMO_CLOCK_START", START.toString());
        Process app = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            boolean up = false;
            while (!up && System.nanoTime() < deadline && app.isAlive()) {
                try {
                    up = http.send(request("/actuator/health", null).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException notYet) {
                    // still starting (the sample runs before the web server answers)
                }
                if (!up) {
                    Thread.sleep(500);
                }
            }
            assertThat(up).as("the jar did not start; see " + log).isTrue();
            String sample = Files.readAllLines(log).stream().filter(l -> l.contains("Demo sample:")).findFirst()
                    .orElse("");
            assertThat(sample).as("the sample's log line").contains("failed steps: {}");
            assertThat(get("/api/calendar/today", "admin").path("today").asText()).isEqualTo(START.toString());

            everyModelAndFormIsDeployedFromTheJar();

            for (String account : STAFF) {
                JsonNode queue = get("/api/tasks?scope=ALL&size=100", account);
                assertThat(queue.path("total").asLong()).as("the queue of " + account).isPositive();
            }

            // The dashboard's default filters: the 30 days up to the platform's today, every service and district.
            String range = "?from=" + START.minusDays(29) + "&to=" + START;
            JsonNode cycle = get("/api/reports/cycle-time" + range, "manager");
            assertThat(cycle.path("total").path("workingDays").path("count").asLong()).as("cycle time").isPositive();
            JsonNode sla = get("/api/reports/sla" + range, "manager");
            assertThat(rows(sla.path("services")).stream().mapToLong(r -> r.path("statutory").path("cases").asLong())
                    .sum()).as("statutory limits kept").isPositive();
            JsonNode throughput = get("/api/reports/throughput" + range + "&period=day", "manager");
            assertThat(rows(throughput.path("rows")).stream().mapToLong(r -> r.path("received").asLong()).sum())
                    .as("received per day").isPositive();
            assertThat(rows(throughput.path("rows")).stream().mapToLong(r -> r.path("decided").asLong()).sum())
                    .as("decided per day").isPositive();
            JsonNode backlog = get("/api/reports/backlog", "manager");
            assertThat(backlog.path("cases").path("total").asLong()).as("backlog").isPositive();
            assertThat(backlog.path("tasks").path("total").asLong()).as("open tasks").isPositive();
            JsonNode quality = get("/api/reports/quality" + range, "manager");
            assertThat(quality.path("total").path("received").asLong()).as("quality").isPositive();
            assertThat(quality.path("ratings").path("total").path("rated").asLong()).as("ratings").isPositive();
            for (String by : List.of("step", "clerk")) {
                JsonNode breakdown = get("/api/reports/cycle-time/breakdown" + range + "&by=" + by, "manager");
                assertThat(rows(breakdown.path("groups"))).as("time per " + by).isNotEmpty();
            }
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /**
     * Every BPMN, DMN and form under {@code processes/} and {@code forms/} is deployed from the packaged jar, as the
     * engine's REST API lists its deployments' resources (the engine names a resource by its file name, so file names
     * must be unique across the two folders), and every service's process is defined.
     */
    private void everyModelAndFormIsDeployedFromTheJar() throws IOException, InterruptedException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> names = java.util.stream.Stream.concat(modelFiles(root.resolve("processes")).stream(),
                modelFiles(root.resolve("forms")).stream()).toList();
        java.util.Set<String> expected = new java.util.TreeSet<>(names);
        assertThat(expected).isNotEmpty().hasSameSizeAs(names);
        java.util.Set<String> deployed = new java.util.TreeSet<>();
        for (JsonNode d : get("/engine-rest/deployment?firstResult=0&maxResults=1000", "admin")) {
            get("/engine-rest/deployment/" + d.path("id").asText() + "/resources", "admin")
                    .forEach(res -> deployed.add(res.path("name").asText()));
        }
        assertThat(deployed).containsAll(expected);
        assertThat(get("/engine-rest/process-definition?firstResult=0&maxResults=1000", "admin").findValuesAsText("key"))
                .contains("funeral-fee-waiver", "funeral-fee-reimbursement", "marriage-registration",
                        "divorce-registration", "socialorg-establishment", "socialorg-change", "socialorg-cancellation",
                        "placename-approval");
    }

    private static List<String> modelFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches(".*\\.(bpmn|dmn|form)$")).toList();
        }
    }

    private JsonNode get(String path, String account) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path, account).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(account + " GET " + path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpRequest.Builder request(String path, String account) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (account != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((account + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private static List<JsonNode> rows(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>();
        StreamSupport.stream(array.spliterator(), false).forEach(rows::add);
        return rows;
    }
}
