package cn.zs.civil.outbox;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox as its readers see it: the delivery record of a case's messages (the one record of what was sent and
 * when), the messages failed for good for an operator, and the cluster-wide figures {@code civil_outbox_pending}
 * and {@code civil_outbox_failed} (read on the metrics timer, like the other operations figures).
 */
@Component
public class OutboxMessages {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxMessages.class);
    public static final int MAX_PAGE = 200;

    /** A message's delivery as its module reads it: its payload (keys and codes), but no error text, no node. */
    public record Delivery(long id, String kind, String dedupeKey, Map<String, String> payload, String status,
            int attempts, LocalDateTime createdAt, LocalDateTime sentAt, LocalDateTime nextAttemptAt) {
    }

    /** A message failed for good, for an operator: its kind, case, attempts and its last error (kept short). */
    public record Failure(long id, String kind, String applicationNo, int attempts, LocalDateTime createdAt,
            String lastError) {
    }

    private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {
    };

    private final OutboxMapper mapper;
    private final ObjectMapper json;
    private volatile Map<String, Long> counts = Map.of();

    OutboxMessages(OutboxMapper mapper, ObjectMapper json, MeterRegistry registry) {
        this.mapper = mapper;
        this.json = json;
        Gauge.builder("civil.outbox.pending", this, m -> m.counts.getOrDefault(OutboxRow.PENDING, 0L))
                .description("Outbox messages waiting for delivery (all nodes)").register(registry);
        Gauge.builder("civil.outbox.failed", this, m -> m.counts.getOrDefault(OutboxRow.FAILED, 0L))
                .description("Outbox messages failed for good, waiting for an operator (all nodes)").register(registry);
    }

    /** The messages of a case whose kind starts with {@code kindPrefix}, oldest first. */
    public List<Delivery> ofCase(String applicationNo, String kindPrefix) {
        return mapper.byApplication(applicationNo, kindPrefix).stream().map(r -> new Delivery(r.id(), r.kind(),
                r.dedupeKey(), payload(r.payload()), r.status(), r.attempts(), r.createdAt(), r.sentAt(), r.nextAttemptAt())).toList();
    }

    private Map<String, String> payload(String raw) {
        try {
            return json.readValue(raw, PAYLOAD);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }

    public List<Failure> failed(int limit) {
        return mapper.byStatus(OutboxRow.FAILED, Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                .map(r -> new Failure(r.id(), r.kind(), r.applicationNo(), r.attempts(), r.createdAt(), r.lastError()))
                .toList();
    }

    /** An operator's retry of a message failed for good; false if it is not (or no longer) failed. */
    public boolean retry(long id) {
        return mapper.requeue(id, OutboxTime.now()) == 1;
    }

    /** Messages per status (PENDING, SENT, FAILED), read now. */
    public Map<String, Long> counts() {
        Map<String, Long> read = new TreeMap<>();
        mapper.countByStatus().forEach(c -> read.put(c.status(), c.messages() == null ? 0 : c.messages()));
        counts = Map.copyOf(read);
        return read;
    }

    @Scheduled(fixedDelayString = "${platform.metrics.refresh-interval:PT30S}",
            initialDelayString = "${platform.metrics.initial-delay:PT15S}")
    void refresh() {
        try {
            counts();
        } catch (RuntimeException e) {
            LOG.warn("Outbox figures not refreshed: {}", e.getMessage());
        }
    }
}
