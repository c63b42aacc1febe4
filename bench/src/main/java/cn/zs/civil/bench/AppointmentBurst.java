package cn.zs.civil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The 5-20 problem (issue 19): a burst of booking requests for one day's band over the real HTTP API of the packaged
 * platform on MariaDB, every applicant its own account (HTTP Basic), all requests released at once. Afterwards the
 * database must hold exactly the band's places as bookings, every other request must have been told "full"
 * (409), and none may have failed otherwise (no 5xx, no connection error).
 */
final class AppointmentBurst {

    static final String SERVICE = "marriage-registration";
    static final String OFFICE = "city";
    static final String BAND = "am";

    record Outcome(int status, String detail, long nanos) {
    }

    /** The extra configuration of the run: the applicants' accounts and the band's places. */
    static List<String> config(int applicants, int places) {
        List<String> lines = new ArrayList<>();
        lines.add("  appointments:");
        lines.add("    services:");
        lines.add("      " + SERVICE + ":");
        lines.add("        bands:");
        lines.add("          - {code: am, start: \"09:00\", end: \"12:00\", capacity: " + places + "}");
        lines.add("          - {code: pm, start: \"14:00\", end: \"17:00\", capacity: " + places + "}");
        // Buckets of the time a request spends in the node (from a worker thread taking it to the answer), so that
        // the node's own answer time is told apart from the wait before it (the machine's capacity).
        lines.add("management:");
        lines.add("  metrics:");
        lines.add("    distribution:");
        lines.add("      slo:");
        lines.add("        http.server.requests: " + String.join(",", SERVER_BUCKETS));
        return lines;
    }

    static final List<String> SERVER_BUCKETS = List.of("1ms", "2ms", "5ms", "10ms", "20ms", "50ms", "100ms", "200ms",
            "500ms", "1s", "2s", "5s", "10s");

    static String applicant(int i) {
        return String.format("bench-applicant-%05d", i);
    }

    /**
     * {@code warmup} requests first, the same way, for the same band of the next open day (they fill it too), so that
     * the burst meets a node that has been serving for a while, as at 08:30 on 5-20, not one whose JIT compiler is
     * still translating the request path (on two cores that alone took most of a cold burst's CPU).
     */
    static Map<String, Object> run(String baseUrl, DataSource db, int requests, int applicants, int inFlight,
            int warmup) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        // The first two open days of the window, as the booking page shows them.
        HttpResponse<byte[]> av = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/api/public/appointments/availability?service=" + SERVICE + "&office=" + OFFICE)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<String> days = new ArrayList<>();
        int places = 0;
        for (JsonNode d : Client.JSON.readTree(av.body()).path("days")) {
            if (d.path("open").asBoolean() && !d.hasNonNull("special")) {
                days.add(d.path("day").asText());
                places = days.size() == 1 ? d.path("bands").path(0).path("free").asInt() : places;
            }
        }
        if (days.size() < 2) {
            throw new IllegalStateException("fewer than two open days in the booking window: " + new String(av.body()));
        }
        String day = days.get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        if (warmup > 0) {
            long began = System.nanoTime();
            List<Outcome> w = fire(baseUrl, days.get(1), warmup, applicants, inFlight);
            Map<String, Integer> statuses = new TreeMap<>();
            w.forEach(o -> statuses.merge(o.status() == 0 ? "no answer" : Integer.toString(o.status()), 1, Integer::sum));
            out.put("warmup", Map.of("day", days.get(1), "requests", warmup, "statuses", statuses,
                    "seconds", Math.round((System.nanoTime() - began) / 1e7) / 100.0));
            Thread.sleep(5_000);
        }
        Map<String, Map<Double, Long>> before = serverBuckets(http, baseUrl);
        long began = System.nanoTime();
        List<Outcome> outcomes = fire(baseUrl, day, requests, applicants, inFlight);
        long wall = System.nanoTime() - began;
        Map<String, Map<Double, Long>> after = serverBuckets(http, baseUrl);
        out.put("inTheNodeMs", Map.of("toldFull", inTheNode(before, after, "409"),
                "booked", inTheNode(before, after, "201")));
        return summary(out, db, day, places, requests, applicants, inFlight, wall, outcomes);
    }

    /**
     * The node's {@code http.server.requests} buckets of the booking endpoint and the front door, by status: the
     * cumulative count of answers within each bound (seconds), from {@code /actuator/prometheus}.
     */
    static Map<String, Map<Double, Long>> serverBuckets(HttpClient http, String baseUrl) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .header("Authorization", Client.basic("admin")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Map<Double, Long>> out = new TreeMap<>();
        for (String line : r.body().split("\n")) {
            if (!line.startsWith("http_server_requests_seconds_bucket{") || !line.contains("method=\"POST\"")) {
                continue;
            }
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("status=\"(\\d+)\"").matcher(line);
            java.util.regex.Matcher le = java.util.regex.Pattern.compile("le=\"([^\"]+)\"").matcher(line);
            if (!status.find() || !le.find()) {
                continue;
            }
            long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            out.computeIfAbsent(status.group(1), k -> new TreeMap<>()).merge(
                    le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)), count,
                    Long::sum);
        }
        return out;
    }

    /**
     * Of the answers with {@code status} given between the two readings: how many, and within which bucket bound
     * (ms) half, 95 % and 99 % of them were answered once the node had taken them up.
     */
    static Map<String, Object> inTheNode(Map<String, Map<Double, Long>> before, Map<String, Map<Double, Long>> after,
            String status) {
        Map<Double, Long> b = before.getOrDefault(status, Map.of());
        Map<Double, Long> a = after.getOrDefault(status, Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        if (a.isEmpty()) {
            return out;
        }
        TreeMap<Double, Long> delta = new TreeMap<>();
        a.forEach((le, n) -> delta.put(le, n - b.getOrDefault(le, 0L)));
        long total = delta.lastEntry().getValue();
        out.put("answers", total);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            String bound = "over 10 s";
            for (Map.Entry<Double, Long> e : delta.entrySet()) {
                if (e.getValue() >= q * total) {
                    bound = e.getKey().isInfinite() ? bound : "<= " + Math.round(e.getKey() * 1000) + " ms";
                    break;
                }
            }
            out.put("p" + Math.round(q * 100), bound);
        }
        return out;
    }

    /** {@code requests} booking requests for the band of {@code day}, at most {@code inFlight} at once. */
    static List<Outcome> fire(String baseUrl, String day, int requests, int applicants,
            int inFlight) throws Exception {
        // One client's connections are served by one selector thread: with a thousand in flight that thread, not the
        // platform, set the pace (a core of its own at the burst's end). A client per 100 connections spreads it.
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < Math.max(1, inFlight / 100); c++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String a = Ids.id(2 * (long) (i % applicants), true);
            String b = Ids.id(2 * (long) (i % applicants) + 1, false);
            bodies.add(Client.JSON.writeValueAsBytes(Map.of("service", SERVICE, "office", OFFICE, "day", day,
                    "band", BAND, "partyA", Map.of("name", Ids.name(a), "idNumber", a),
                    "partyB", Map.of("name", Ids.name(b), "idNumber", b))));
        }
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            slots.acquire();
            long t0 = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/appointments"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .header("Accept-Language", "en").header("Authorization", Client.basic(applicant(i % applicants)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
            futures.add(clients.get(i % clients.size()).sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .handle((r, e) -> {
                        slots.release();
                        long took = System.nanoTime() - t0;
                        if (e != null) {
                            // What went wrong on the way: the cause, not the future's wrapper.
                            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                                    ? e.getCause() : e;
                            return new Outcome(0, cause.getClass().getSimpleName()
                                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), took);
                        }
                        String detail = "";
                        try {
                            detail = r.statusCode() >= 400 ? Client.JSON.readTree(r.body()).path("detail").asText("") : "";
                        } catch (java.io.IOException ignored) {
                            // not JSON
                        }
                        return new Outcome(r.statusCode(), detail, took);
                    }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Outcome> f : futures) {
            outcomes.add(f.get());
        }
        return outcomes;
    }

    private static Map<String, Object> summary(Map<String, Object> out, DataSource db, String day, int places,
            int requests, int applicants, int inFlight, long wall, List<Outcome> outcomes) throws Exception {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Long> all = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        List<Long> booked = new ArrayList<>();
        List<Long> atTheDoor = new ArrayList<>();
        List<Long> past = new ArrayList<>();
        for (Outcome o : outcomes) {
            byStatus.merge(o.status() == 0 ? "no answer" : Integer.toString(o.status()), 1, Integer::sum);
            all.add(o.nanos());
            if (o.status() == 201 || o.status() == 200) {
                booked.add(o.nanos());
            } else if (o.status() == 409 && o.detail().contains("is full")) {
                full.add(o.nanos());
                (o.detail().contains("already made") ? atTheDoor : past).add(o.nanos());
            } else {
                answers.merge(o.status() + " " + o.detail(), 1, Integer::sum);
            }
        }
        out.put("day", day);
        out.put("band", BAND);
        out.put("places", places);
        out.put("requests", requests);
        out.put("applicants", applicants);
        out.put("inFlight", inFlight);
        out.put("wallSeconds", Math.round(wall / 1e7) / 100.0);
        out.put("statuses", byStatus);
        out.put("booked", booked.size());
        out.put("toldFull", full.size());
        // Where "full" was said: at the front door, before the sign-in, or by the booking after it.
        out.put("toldFullAtTheDoor", atTheDoor.size());
        out.put("toldFullAtTheDoorLatencyMs", percentiles(atTheDoor));
        out.put("toldFullAfterSignInLatencyMs", percentiles(past));
        out.put("otherAnswers", answers);
        out.put("serverErrors", outcomes.stream().filter(o -> o.status() >= 500).count());
        out.put("noAnswer", outcomes.stream().filter(o -> o.status() == 0).count());
        out.put("latencyMs", percentiles(all));
        out.put("bookedLatencyMs", percentiles(booked));
        out.put("fullLatencyMs", percentiles(full));
        try (var c = db.getConnection(); var st = c.createStatement()) {
            var rs = st.executeQuery("select capacity, booked from appt_slot where service_code = '" + SERVICE
                    + "' and office = '" + OFFICE + "' and slot_day = '" + day + "' and band = '" + BAND + "'");
            rs.next();
            out.put("slotCapacity", rs.getInt(1));
            out.put("slotBooked", rs.getInt(2));
            rs = st.executeQuery("select count(*), count(distinct applicant_id) from appt_booking where slot_day = '"
                    + day + "' and band = '" + BAND + "' and office = '" + OFFICE + "' and status = 'BOOKED'");
            rs.next();
            out.put("bookingRows", rs.getInt(1));
            out.put("distinctApplicantsBooked", rs.getInt(2));
        }
        return out;
    }

    static Map<String, Object> percentiles(List<Long> nanos) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (nanos.isEmpty()) {
            return p;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        for (int q : new int[] {50, 95, 99}) {
            int rank = (int) Math.ceil(q / 100.0 * sorted.size());
            p.put("p" + q, Math.round(sorted.get(Math.max(0, rank - 1)) / 1e5) / 10.0);
        }
        p.put("max", Math.round(sorted.get(sorted.size() - 1) / 1e5) / 10.0);
        return p;
    }

    /** The results as the committed Markdown page. */
    static String markdown(Map<String, Object> r, String command, Map<String, Object> machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Appointment burst (the 5-20 problem)\n\n");
        md.append("`").append(command).append("`, ").append(r.get("startedAt")).append(", machine: ")
                .append(machine).append(".\n\n");
        md.append("The packaged platform on MariaDB (profile mysql), every applicant its own account (HTTP Basic); ")
                .append(r.get("requests")).append(" booking requests of ").append(r.get("applicants"))
                .append(" applicants for the ").append(r.get("places")).append(" places of one band (")
                .append(r.get("day")).append(", ").append(r.get("band")).append("), at most ")
                .append(r.get("inFlight")).append(" in flight at once, all released together.");
        if (r.get("warmup") != null) {
            md.append(" Before it, the same burst for the same band of the next open day, as a warm-up (not counted): ")
                    .append(r.get("warmup")).append(".");
        }
        md.append("\n\n");
        md.append("| what | result |\n|---|---|\n");
        md.append("| booked (201) | ").append(r.get("booked")).append(" |\n");
        md.append("| told \"full\" (409) | ").append(r.get("toldFull")).append(" |\n");
        md.append("| of which at the front door, before the sign-in | ").append(r.get("toldFullAtTheDoor")).append(" |\n");
        md.append("| other answers | ").append(r.get("otherAnswers")).append(" |\n");
        md.append("| 5xx | ").append(r.get("serverErrors")).append(" |\n");
        md.append("| no answer | ").append(r.get("noAnswer")).append(" |\n");
        md.append("| statuses | ").append(r.get("statuses")).append(" |\n");
        md.append("| slot in the database: capacity / booked | ").append(r.get("slotCapacity")).append(" / ")
                .append(r.get("slotBooked")).append(" |\n");
        md.append("| booking rows (distinct applicants) | ").append(r.get("bookingRows")).append(" (")
                .append(r.get("distinctApplicantsBooked")).append(") |\n");
        md.append("| wall time of the burst | ").append(r.get("wallSeconds")).append(" s |\n");
        md.append("| latency, all requests (ms) | ").append(r.get("latencyMs")).append(" |\n");
        md.append("| latency, booked (ms) | ").append(r.get("bookedLatencyMs")).append(" |\n");
        md.append("| latency, told full (ms) | ").append(r.get("fullLatencyMs")).append(" |\n");
        md.append("| latency, told full at the front door (ms) | ").append(r.get("toldFullAtTheDoorLatencyMs")).append(" |\n");
        md.append("| latency, told full after the sign-in (ms) | ").append(r.get("toldFullAfterSignInLatencyMs")).append(" |\n");
        md.append("| time in the node (a worker thread's taking it up to the answer; the rest is the wait before) | ")
                .append(r.get("inTheNodeMs")).append(" |\n");
        md.append("| told at once (\"full\" p95 within ").append(r.get("atOnceMs")).append(" ms) | ")
                .append(Boolean.TRUE.equals(r.get("toldAtOnce")) ? "yes" : "no").append(" |\n");
        md.append("\nVerdict: ").append(r.get("verdict")).append(".\n");
        return md.toString();
    }

    static void write(Path out, String markdown, Map<String, Object> result) throws Exception {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(Path.of(out + ".md"), markdown);
        Files.writeString(Path.of(out + ".json"), Client.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(result) + "\n");
    }
}
