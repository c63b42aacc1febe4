package cn.zs.civil.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.support.Api;
import cn.zs.civil.support.ApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The outbox on the platform's database (H2, or MariaDB with -Dit.profiles=test,mysql): a message exists only if
 * the transaction that wrote it commits, leaves right after the commit, is written once per dedupe key, is retried
 * with back-off and failed for good after the last attempt (visible to an administrator, who can retry it), and is
 * delivered once when several nodes' dispatchers compete for the same messages.
 */
class OutboxIT extends ApiTestBase {

    @Autowired
    private Outbox outbox;

    @Autowired
    private RecordingOutboxHandler handler;

    @Autowired
    private TransactionTemplate tx;

    @Autowired
    private OutboxMapper mapper;

    @Autowired
    private OutboxProperties properties;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private MeterRegistry registry;

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    private long idOf(String dedupeKey) {
        Long id = jdbc.queryForObject("select id from outbox_message where dedupe_key = ?", Long.class, dedupeKey);
        return id == null ? -1 : id;
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("select status from outbox_message where id = ?", String.class, id);
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aMessageOfARolledBackTransactionIsNeverWrittenNorSent() throws InterruptedException {
        String key = key();
        tx.executeWithoutResult(status -> {
            assertThat(outbox.enqueue(RecordingOutboxHandler.KIND, key, "T-1", Map.of("a", "1"))).isTrue();
            status.setRollbackOnly();
        });
        Thread.sleep(700);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where dedupe_key = ?", Integer.class, key))
                .isZero();
    }

    @Test
    void aCommittedMessageLeavesRightAfterTheCommitOnceAndIsMarkedSent() throws InterruptedException {
        String key = key();
        long started = System.nanoTime();
        tx.executeWithoutResult(status -> {
            assertThat(outbox.enqueue(RecordingOutboxHandler.KIND, key, "T-2", Map.of("template", "RECEIPT")))
                    .isTrue();
            // Inside the transaction a second enqueue of the same message writes nothing.
            assertThat(outbox.enqueue(RecordingOutboxHandler.KIND, key, "T-2", Map.of("template", "RECEIPT")))
                    .isFalse();
        });
        long id = idOf(key);
        await(() -> handler.delivered(id) == 1, Duration.ofSeconds(5));
        await(() -> "SENT".equals(statusOf(id)), Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        OutboxMessage seen = handler.seen.stream().filter(m -> m.id() == id).findFirst().orElseThrow();
        assertThat(seen.kind()).isEqualTo(RecordingOutboxHandler.KIND);
        assertThat(seen.dedupeKey()).isEqualTo(key);
        assertThat(seen.applicationNo()).isEqualTo("T-2");
        assertThat(seen.payload()).containsExactly(Map.entry("template", "RECEIPT"));
        assertThat(seen.attempt()).isEqualTo(1);
        // After it was sent, the same key is still refused: a message is written once in its life.
        assertThat(outbox.enqueue(RecordingOutboxHandler.KIND, key, "T-2", Map.of())).isFalse();
        Thread.sleep(700);
        assertThat(handler.delivered(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sent_at from outbox_message where id = ?", java.sql.Timestamp.class, id))
                .isNotNull();
    }

    @Test
    void aFailingDeliveryIsRetriedWithBackOffAndThenSucceeds() throws InterruptedException {
        String key = key();
        outbox.enqueue(RecordingOutboxHandler.KIND, key, "T-3", Map.of("failTimes", "2"));
        long id = idOf(key);
        await(() -> handler.delivered(id) == 1, Duration.ofSeconds(10));
        List<OutboxMessage> attempts = handler.seen.stream().filter(m -> m.id() == id).toList();
        assertThat(attempts).extracting(OutboxMessage::attempt).containsExactly(1, 2, 3);
        await(() -> "SENT".equals(statusOf(id)), Duration.ofSeconds(5));
        assertThat(jdbc.queryForObject("select attempts from outbox_message where id = ?", Integer.class, id))
                .isEqualTo(3);
    }

    @Test
    void afterTheLastAttemptAMessageIsFailedForGoodShownToTheAdministratorAndCanBeRetried() throws Exception {
        String key = key();
        outbox.enqueue(RecordingOutboxHandler.KIND, key, "T-4", Map.of("failTimes", "always"));
        long id = idOf(key);
        await(() -> "FAILED".equals(statusOf(id)), Duration.ofSeconds(10));
        assertThat(handler.seen.stream().filter(m -> m.id() == id)).hasSize(properties.maxAttempts());
        String error = jdbc.queryForObject("select last_error from outbox_message where id = ?", String.class, id);
        assertThat(error).startsWith("IOException: 451 mailbox of ***@*** busy").doesNotContain("someone");

        Api admin = api().as("admin");
        JsonNode summary = admin.get("/api/admin/outbox").body();
        assertThat(summary.path("counts").path("FAILED").asLong()).isPositive();
        JsonNode failure = null;
        for (JsonNode f : summary.path("failed")) {
            if (f.path("id").asLong() == id) {
                failure = f;
            }
        }
        assertThat(failure).isNotNull();
        assertThat(failure.path("applicationNo").asText()).isEqualTo("T-4");
        assertThat(failure.path("attempts").asInt()).isEqualTo(properties.maxAttempts());
        assertThat(api().as("zhangsan").get("/api/admin/outbox").status()).isEqualTo(403);
        assertThat(registry.get("civil.outbox.given.up").counter().count()).isPositive();

        // The administrator's retry: due again, its attempts afresh (and failed again, the handler always fails).
        assertThat(admin.post("/api/admin/outbox/" + id + "/retry", Map.of()).status()).isEqualTo(204);
        int before = (int) handler.seen.stream().filter(m -> m.id() == id).count();
        await(() -> handler.seen.stream().filter(m -> m.id() == id).count() > before, Duration.ofSeconds(5));
        await(() -> "FAILED".equals(statusOf(id)), Duration.ofSeconds(10));
        Api.Response again = admin.post("/api/admin/outbox/999999999/retry", Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void twoNodesCompetingForTheSameMessagesDeliverEachOnce() throws Exception {
        List<String> keys = new ArrayList<>();
        // Written in one transaction, so neither node sees any before all are there.
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 120; i++) {
                String key = key();
                keys.add(key);
                outbox.enqueue(RecordingOutboxHandler.KIND, key, "T-5", Map.of("pauseMillis", "2"));
            }
        });
        OutboxDispatcher second = new OutboxDispatcher(mapper, new OutboxProperties(true, null, 7,
                Duration.ofMinutes(2), 3, null, null, "second-node"), context.getBeanProvider(OutboxHandler.class),
                json, new SimpleMeterRegistry());
        OutboxDispatcher third = new OutboxDispatcher(mapper, new OutboxProperties(true, null, 5,
                Duration.ofMinutes(2), 3, null, null, "third-node"), context.getBeanProvider(OutboxHandler.class),
                json, new SimpleMeterRegistry());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> rounds = List.of(second::deliverDue, third::deliverDue);
            List<Future<Integer>> done = pool.invokeAll(rounds);
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Long> ids = keys.stream().map(this::idOf).toList();
        await(() -> ids.stream().allMatch(id -> "SENT".equals(statusOf(id))), Duration.ofSeconds(20));
        for (long id : ids) {
            assertThat(handler.delivered(id)).as("deliveries of %s", id).isEqualTo(1);
        }
        List<String> nodes = jdbc.queryForList("select distinct claimed_by from outbox_message where application_no = ?",
                String.class, "T-5");
        assertThat(nodes).isNotEmpty();
    }

    @Test
    void aMessageWhoseNodeDiedIsDeliveredAgainWhenItsLeaseRunsOut() throws InterruptedException {
        String key = key();
        // Written and claimed in one transaction by a node that then "dies" (never marks it sent).
        tx.executeWithoutResult(status -> {
            mapper.insert(RecordingOutboxHandler.KIND, key, "T-6", "{}", OutboxTime.now());
            var now = OutboxTime.now();
            assertThat(mapper.claim(idOf(key), "dead-node", now, now.plusSeconds(1))).isEqualTo(1);
        });
        long id = idOf(key);
        var now = OutboxTime.now();
        // Nobody else may take it while the lease runs.
        assertThat(mapper.claim(id, "other-node", now, now.plusSeconds(1))).isZero();
        await(() -> handler.delivered(id) == 1, Duration.ofSeconds(10));
        await(() -> "SENT".equals(statusOf(id)), Duration.ofSeconds(5));
        assertThat(jdbc.queryForObject("select attempts from outbox_message where id = ?", Integer.class, id))
                .isEqualTo(2);
    }
}
