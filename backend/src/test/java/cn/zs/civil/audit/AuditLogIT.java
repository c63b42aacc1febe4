package cn.zs.civil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import cn.zs.civil.support.Fixtures;

/**
 * The audit log records decisions, sign-ins, refusals and administrative actions; its hash chain shows where it was
 * tampered with; parallel writers never fork it.
 */
class AuditLogIT extends ApiTestBase {

    @Autowired
    private AuditLog audit;

    @Autowired
    private PlatformTransactionManager transactions;

    /** The chain's last number, after sealing what has committed. */
    private long head() {
        audit.seal();
        return jdbc.queryForObject("select last_seq from audit_chain_head where id = 1", Long.class);
    }

    private List<Map<String, Object>> since(long seq) {
        audit.seal();
        return jdbc.queryForList("select * from audit_log where seq > ? order by seq", seq);
    }

    private static boolean has(List<Map<String, Object>> rows, String actor, String action, String targetPart) {
        return rows.stream().anyMatch(r -> actor.equals(r.get("ACTOR_ID")) && action.equals(r.get("ACTION"))
                && (targetPart == null || String.valueOf(r.get("TARGET")).contains(targetPart)));
    }

    @Test
    void recordsDecisionsSignInsRefusalsAndAdministrativeActions() throws Exception {
        long start = head();
        // A decision: the clerk accepts a case; the case's state after it is recorded, its form values are not.
        Api applicant = api().as("lisi");
        String file = applicant.upload("c.pdf", Fixtures.pdf()).body().path("id").asText();
        String invoice = applicant.upload("i.pdf", Fixtures.pdf()).body().path("id").asText();
        String no = applicant.post("/api/applications", Map.of("serviceCode", "funeral-fee-reimbursement", "data",
                Fixtures.reimbursement("nanqu", "何丽珍", Fixtures.HE_ID, "SW4420002026099", "HZ442000202600099", file,
                        invoice))).body().path("applicationNo").asText();
        runJobs(no);
        Api clerk = api().as("clerk-funeral");
        String task = taskOf(clerk, no);
        assertThat(clerk.post("/api/tasks/" + task + "/complete", Map.of("data", Map.of("decision", "accept"))).status())
                .isEqualTo(204);
        // Refusals: a role rule (403), an object-level refusal (another applicant's case, answered as 404).
        assertThat(api().as("zhangsan").get("/api/reports/annual?year=2026").status()).isEqualTo(403);
        assertThat(api().as("zhangsan").get("/api/applications/" + no).status()).isEqualTo(404);
        // Sign-ins: a wrong password, then the sign-in form.
        assertThat(api().as("no-such-user").get("/api/me").status()).isEqualTo(401);
        formLogin("clerk-funeral");
        // Administrative actions: the calendar, and a change through the engine's REST API.
        assertThat(api().as("admin").put("/api/calendar/years/2035", Map.of("holidays", List.of(Map.of("name", "元旦",
                "en", "New Year", "from", "2035-01-01", "to", "2035-01-01")), "adjustedWorkdays", List.of()))
                .status()).isEqualTo(200);
        Api.Response engine = api().as("admin").post("/engine-rest/process-instance/count", Map.of());
        assertThat(engine.status()).isEqualTo(200);

        List<Map<String, Object>> rows = since(start);
        assertThat(has(rows, "lisi", "CASE_SUBMITTED", no)).isTrue();
        assertThat(has(rows, "clerk-funeral", "CASE_TASK_COMPLETED", no)).isTrue();
        assertThat(has(rows, "system", "CASE_ACCEPTED", no)).isTrue();
        assertThat(has(rows, "zhangsan", "ACCESS_DENIED", "/api/reports/annual")).isTrue();
        assertThat(has(rows, "zhangsan", "ACCESS_DENIED", no)).isTrue();
        assertThat(has(rows, "no-such-user", "LOGIN_FAILED", null)).isTrue();
        assertThat(has(rows, "clerk-funeral", "LOGIN_SUCCEEDED", null)).isTrue();
        assertThat(has(rows, "admin", "CALENDAR_YEAR_SET", "2035")).isTrue();
        assertThat(has(rows, "admin", "ENGINE_ADMIN", "/engine-rest/process-instance/count")).isTrue();
        Map<String, Object> completed = rows.stream().filter(r -> "CASE_TASK_COMPLETED".equals(r.get("ACTION")))
                .filter(r -> no.equals(r.get("TARGET"))).findFirst().orElseThrow();
        assertThat(completed.get("OUTCOME")).isEqualTo("accept");
        assertThat(String.valueOf(completed.get("AFTER_STATE"))).contains("\"task\"");
        // No personal data in the audit log.
        assertThat(rows.toString()).doesNotContain(Fixtures.HE_ID, "何丽珍", "6222020000123456789");
        System.out.printf("[audit] %d entries from one journey; actions %s%n", rows.size(),
                rows.stream().map(r -> r.get("ACTION")).distinct().sorted().toList());

        JsonNode verified = api().as("admin").get("/api/admin/audit/verify").body();
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(api().as("admin").get("/api/admin/audit?afterSeq=" + start + "&limit=1000").body().path("items")
                .size()).isBetween(1, AuditController.MAX_PAGE);
    }

    private void formLogin(String user) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
    }

    @Test
    void verificationFindsTheFirstTamperedRowAndADeletedTail() {
        for (int i = 0; i < 5; i++) {
            audit.bySystem("TEST_ENTRY", "tamper-" + i, "ok", null, Map.of("i", i));
        }
        long last = head();
        long victim = last - 2;
        assertThat(audit.verify().intact()).isTrue();
        String outcome = jdbc.queryForObject("select outcome from audit_log where seq = ?", String.class, victim);
        try {
            // Someone with database access rewrites one entry.
            jdbc.update("update audit_log set outcome = ? where seq = ?", "forged", victim);
            JsonNode report = api().as("admin").get("/api/admin/audit/verify").body();
            assertThat(report.path("intact").asBoolean()).isFalse();
            assertThat(report.path("firstBrokenSeq").asLong()).isEqualTo(victim);
            assertThat(report.path("problem").asText()).contains("content");
            // Re-hashing the forged row does not help: the next row no longer links to it.
            AuditRow forged = audit.page(victim - 1, 1).get(0);
            jdbc.update("update audit_log set row_hash = ? where seq = ?", audit.hash(forged), victim);
            AuditLog.Verification relinked = audit.verify();
            assertThat(relinked.intact()).isFalse();
            assertThat(relinked.firstBrokenSeq()).isEqualTo(victim + 1);
        } finally {
            jdbc.update("update audit_log set outcome = ? where seq = ?", outcome, victim);
            AuditRow restored = audit.page(victim - 1, 1).get(0);
            jdbc.update("update audit_log set row_hash = ? where seq = ?", audit.hash(restored), victim);
        }
        assertThat(audit.verify().intact()).isTrue();

        // A deleted last row: the chain is shorter than its head says.
        Map<String, Object> tail = jdbc.queryForMap("select * from audit_log where seq = ?", last);
        jdbc.update("delete from audit_log where seq = ?", last);
        try {
            AuditLog.Verification truncated = audit.verify();
            assertThat(truncated.intact()).isFalse();
            assertThat(truncated.firstBrokenSeq()).isEqualTo(last);
        } finally {
            reinsert(tail);
        }
        assertThat(audit.verify().intact()).isTrue();
        System.out.println("[audit] tampering: rewritten row found at " + victim + ", re-hashed row found at "
                + (victim + 1) + ", deleted tail found at " + last);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("insert into audit_log (seq, occurred_at, actor_id, actor_roles, action, target, outcome,"
                + " before_state, after_state, client_ip, prev_hash, row_hash, key_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                row.get("SEQ"), row.get("OCCURRED_AT"), row.get("ACTOR_ID"), row.get("ACTOR_ROLES"), row.get("ACTION"),
                row.get("TARGET"), row.get("OUTCOME"), row.get("BEFORE_STATE"), row.get("AFTER_STATE"),
                row.get("CLIENT_IP"), row.get("PREV_HASH"), row.get("ROW_HASH"), row.get("KEY_ID"));
    }

    private void restore(List<Map<String, Object>> rows, Map<String, Object> head) {
        for (Map<String, Object> row : rows) {
            jdbc.update("update audit_log set outcome = ?, prev_hash = ?, row_hash = ?, key_id = ? where seq = ?",
                    row.get("OUTCOME"), row.get("PREV_HASH"), row.get("ROW_HASH"), row.get("KEY_ID"), row.get("SEQ"));
        }
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", head.get("LAST_SEQ"),
                head.get("LAST_HASH"));
    }

    private static String hmac(byte[] key, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Someone with write access to the database but not the key edits an entry and recomputes the tail after it
     * (with plain SHA-256 as before the chain was keyed, or with a key of their own), moving the head along: the
     * first recomputed entry is named.
     */
    @Test
    void aTailRecomputedWithoutTheKeyIsFoundAtItsFirstEntry() throws Exception {
        for (int i = 0; i < 5; i++) {
            audit.bySystem("TEST_ENTRY", "recompute-" + i, "ok", null, Map.of("i", i));
        }
        long last = head();
        long from = last - 3;
        assertThat(audit.verify().intact()).isTrue();
        List<Map<String, Object>> saved = jdbc.queryForList("select * from audit_log where seq >= ? order by seq", from);
        Map<String, Object> savedHead = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        byte[] ownKey = new byte[32];
        new java.security.SecureRandom().nextBytes(ownKey);
        try {
            for (boolean unkeyed : List.of(true, false)) {
                jdbc.update("update audit_log set outcome = 'forged' where seq = ?", from);
                String previous = (String) saved.get(0).get("PREV_HASH");
                for (long seq = from; seq <= last; seq++) {
                    AuditRow r = audit.page(seq - 1, 1).get(0);
                    AuditRow relinked = new AuditRow(r.id(), r.seq(), r.occurredAt(), r.actorId(), r.actorRoles(),
                            r.action(), r.target(), r.outcome(), r.beforeState(), r.afterState(), r.clientIp(), previous,
                            null, unkeyed ? null : r.keyId());
                    // The chain's canonical form is no secret (it is in the source); the key is.
                    String hash = unkeyed ? audit.hash(relinked)
                            : hmac(ownKey, previous + "\n" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                                    java.util.Arrays.asList(r.seq(), r.occurredAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")), r.actorId(), r.actorRoles(), r.action(),
                                            r.target(), r.outcome(), r.beforeState(), r.afterState(), r.clientIp())));
                    jdbc.update("update audit_log set prev_hash = ?, row_hash = ?, key_id = ? where seq = ?", previous,
                            hash, relinked.keyId(), seq);
                    previous = hash;
                }
                jdbc.update("update audit_chain_head set last_hash = ? where id = 1", previous);
                AuditLog.Verification v = audit.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBrokenSeq()).as(v.toString()).isEqualTo(from);
                assertThat(v.problem()).contains(unkeyed ? "re-hashed without the key" : "does not match its MAC");
                System.out.printf("[audit] tail from %d re-hashed %s: found at %d (%s)%n", from,
                        unkeyed ? "with plain SHA-256" : "with a key of one's own", v.firstBrokenSeq(), v.problem());
                restore(saved, savedHead);
            }
        } finally {
            restore(saved, savedHead);
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    /**
     * The last entries deleted and the head moved back onto the new last entry: the chain in the database is
     * consistent, but the checkpoint outside it names a later entry, and the first one cut off is named.
     */
    @Test
    void aTruncatedTailWithItsHeadMovedBackIsFoundFromTheCheckpoint() {
        for (int i = 0; i < 5; i++) {
            audit.bySystem("TEST_ENTRY", "truncate-" + i, "ok", null, Map.of("i", i));
        }
        audit.checkpoint();
        long last = head();
        long keep = last - 3;
        AuditLog.Verification before = audit.verify();
        assertThat(before.intact()).as(before.toString()).isTrue();
        assertThat(before.checkpointsChecked()).isPositive();
        List<Map<String, Object>> cut = jdbc.queryForList("select * from audit_log where seq > ? order by seq", keep);
        Map<String, Object> savedHead = jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
        String keptHash = jdbc.queryForObject("select row_hash from audit_log where seq = ?", String.class, keep);
        try {
            jdbc.update("delete from audit_log where seq > ?", keep);
            jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", keep, keptHash);
            AuditLog.Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).as(v.toString()).isEqualTo(keep + 1);
            assertThat(v.problem()).contains("cut off");
            System.out.printf("[audit] tail after %d deleted, head moved back: found at %d (%s)%n", keep,
                    v.firstBrokenSeq(), v.problem());
        } finally {
            jdbc.update("delete from audit_log where seq > ?", keep);
            cut.forEach(this::reinsert);
            jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", savedHead.get("LAST_SEQ"),
                    savedHead.get("LAST_HASH"));
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void parallelWritersNeverForkTheChain() throws Exception {
        long start = head();
        int writers = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.bySystem("TEST_PARALLEL", "writer-" + writer, Integer.toString(i), null, null);
                    }
                }));
            }
            // Meanwhile, refusals recorded through HTTP.
            for (int i = 0; i < 10; i++) {
                assertThat(api().as("zhangsan").get("/api/reports/sla?from=2026-01-01&to=2026-12-31").status())
                        .isEqualTo(403);
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long end = head();
        assertThat(end - start).isEqualTo(writers * each + 10);
        assertThat(count("select count(*) from audit_log where seq > ? and seq <= ?", start, end))
                .isEqualTo(writers * each + 10);
        assertThat(count("select count(distinct prev_hash) from audit_log where seq > ?", start))
                .isEqualTo(writers * each + 10);
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        System.out.printf("[audit] %d writers × %d appends + 10 HTTP refusals: %d rows, one chain, %d rows verified%n",
                writers, each, end - start, v.rowsChecked());
    }

    @Test
    void anEntryIsSealedWhenItsTransactionCommitsAndNeverWhenItRollsBack() throws Exception {
        long start = head();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // a rolled-back decision leaves no entry
        tx.executeWithoutResult(status -> {
            audit.bySystem("TEST_ROLLED_BACK", "rollback", "ok", null, null);
            status.setRollbackOnly();
        });
        // a long transaction writes first and commits last: its entry is sealed after the later ones
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = pool.submit(() -> tx.executeWithoutResult(status -> {
                audit.bySystem("TEST_LATE", "late", "ok", null, null);
                written.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            audit.bySystem("TEST_EARLY", "early", "ok", null, null);
            assertThat(audit.seal()).isGreaterThanOrEqualTo(1);
            // the open transaction's entry is not visible to the sealer yet
            assertThat(count("select count(*) from audit_log where action = 'TEST_LATE' and seq is not null")).isZero();
            release.countDown();
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        List<Map<String, Object>> rows = since(start);
        assertThat(rows).noneMatch(r -> "TEST_ROLLED_BACK".equals(r.get("ACTION")));
        long early = rows.stream().filter(r -> "TEST_EARLY".equals(r.get("ACTION"))).mapToLong(r -> ((Number) r.get("SEQ")).longValue()).findFirst().orElseThrow();
        long late = rows.stream().filter(r -> "TEST_LATE".equals(r.get("ACTION"))).mapToLong(r -> ((Number) r.get("SEQ")).longValue()).findFirst().orElseThrow();
        assertThat(late).isGreaterThan(early);
        assertThat(count("select count(*) from audit_log where seq is null")).isZero();
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
    }
}
