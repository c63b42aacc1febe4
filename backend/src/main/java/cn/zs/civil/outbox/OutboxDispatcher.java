package cn.zs.civil.outbox;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zs.civil.protection.LogMasking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers the outbox's due messages on one thread of its own: every {@code platform.outbox.poll-interval}, and at
 * once when a transaction that enqueued commits ({@link #nudge}). Each message is claimed first (a conditional
 * update that sets this node's name and a lease), so two nodes never deliver the same message at once; then its
 * handler runs outside any transaction; then it is marked sent, or given its next attempt after a back-off, or
 * failed for good after the last attempt. A node that dies while delivering leaves the lease, which runs out, and
 * the message is delivered again by whichever node comes first: at least once, so handlers make a repeat harmless
 * to the receiver (the mail handler gives every message a stable Message-ID).
 */
@Component
public class OutboxDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int MAX_ERROR = 300;
    private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {
    };

    private final OutboxMapper mapper;
    private final OutboxProperties properties;
    private final ObjectProvider<OutboxHandler> handlerBeans;
    private final ObjectMapper json;
    private final String node;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private volatile Map<String, OutboxHandler> handlers;
    private volatile ScheduledExecutorService executor;

    OutboxDispatcher(OutboxMapper mapper, OutboxProperties properties, ObjectProvider<OutboxHandler> handlerBeans,
            ObjectMapper json, MeterRegistry registry) {
        this.mapper = mapper;
        this.properties = properties;
        this.handlerBeans = handlerBeans;
        this.json = json;
        this.node = properties.nodeName().isEmpty() ? defaultNodeName() : properties.nodeName();
        this.delivered = Counter.builder("civil.outbox.delivered").description("Outbox messages delivered by this node")
                .register(registry);
        this.retried = Counter.builder("civil.outbox.retried")
                .description("Outbox deliveries that failed and will be tried again").register(registry);
        this.failed = Counter.builder("civil.outbox.given.up")
                .description("Outbox messages failed for good after their last attempt").register(registry);
    }

    /** This node's name in {@code claimed_by}. */
    public String node() {
        return node;
    }

    /** Asks for a delivery round soon (coalesced: many commits in a burst make one round). */
    void nudge() {
        ScheduledExecutorService running = executor;
        if (running != null && nudged.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    nudged.set(false);
                    deliverDueQuietly();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                nudged.set(false);
            }
        }
    }

    private void deliverDueQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The database may be away: the next poll tries again.
            LOG.warn("Outbox round stopped: {}", LogMasking.mask(String.valueOf(e.getMessage())));
        }
    }

    /**
     * One delivery round: claims and delivers due messages, batch after batch, until none is due (at most ten
     * batches, so a long backlog leaves room for the next poll). Public for tests that drive it.
     *
     * @return the messages this round claimed
     */
    public synchronized int deliverDue() {
        int claimed = 0;
        for (int batch = 0; batch < 10; batch++) {
            List<Long> due = mapper.findDue(OutboxTime.now(), properties.batchSize());
            for (Long id : due) {
                if (deliver(id)) {
                    claimed++;
                }
            }
            if (due.size() < properties.batchSize()) {
                break;
            }
        }
        return claimed;
    }

    private boolean deliver(long id) {
        var now = OutboxTime.now();
        if (mapper.claim(id, node, now, now.plus(properties.lease())) == 0) {
            return false;
        }
        OutboxRow row = mapper.find(id);
        try {
            OutboxHandler handler = handlers().get(row.kind());
            if (handler == null) {
                throw new IllegalStateException("No handler for kind " + row.kind() + " on this node");
            }
            handler.deliver(new OutboxMessage(row.id(), row.kind(), row.dedupeKey(), row.applicationNo(),
                    json.readValue(row.payload(), PAYLOAD), row.attempts()));
        } catch (Exception e) {
            String error = shortError(e);
            if (row.attempts() >= properties.maxAttempts()) {
                mapper.markFailed(id, node, error);
                failed.increment();
                LOG.error("Outbox message {} ({}) failed for good after {} attempts: {}", id, row.kind(),
                        row.attempts(), error);
            } else {
                mapper.markRetry(id, node, OutboxTime.now().plus(properties.backOff(row.attempts())), error);
                retried.increment();
                LOG.warn("Outbox message {} ({}) attempt {} failed, will retry: {}", id, row.kind(), row.attempts(),
                        error);
            }
            return true;
        }
        if (mapper.markSent(id, node, OutboxTime.now()) == 0) {
            LOG.warn("Outbox message {} delivered after its lease ran out: another node may deliver it again", id);
        }
        delivered.increment();
        return true;
    }

    /** The exception's type and first line, ID numbers and e-mail addresses masked, at most 300 characters. */
    static String shortError(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        String text = LogMasking.mask(e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message))
                .replaceAll("[^\\s<>@:;,\"']+@[^\\s<>@:;,\"']+", "***@***");
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }

    private Map<String, OutboxHandler> handlers() {
        Map<String, OutboxHandler> known = handlers;
        if (known == null) {
            known = handlerBeans.orderedStream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
            handlers = known;
        }
        return known;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            LOG.info("Outbox dispatcher off on this node (platform.outbox.enabled=false)");
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long interval = properties.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::deliverDueQuietly, interval, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        String name = host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
