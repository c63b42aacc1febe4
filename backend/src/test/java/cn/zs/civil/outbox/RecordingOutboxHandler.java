package cn.zs.civil.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * A handler of the test kind {@value #KIND} in the integration tests' context: records every delivery per message,
 * and fails a message as often as its payload's {@code failTimes} says (or always, with {@code "always"}).
 */
@Component
class RecordingOutboxHandler implements OutboxHandler {

    static final String KIND = "test.recording";

    final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    final List<OutboxMessage> seen = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        seen.add(message);
        String failTimes = message.payload().getOrDefault("failTimes", "0");
        if ("always".equals(failTimes) || message.attempt() <= Integer.parseInt(failTimes)) {
            throw new java.io.IOException("451 mailbox of someone@example.org busy, attempt " + message.attempt());
        }
        String pause = message.payload().get("pauseMillis");
        if (pause != null) {
            Thread.sleep(Long.parseLong(pause));
        }
        deliveries.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
    }

    int delivered(long id) {
        AtomicInteger n = deliveries.get(id);
        return n == null ? 0 : n.get();
    }
}
