package cn.zs.civil.appointment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The bookings of one slot written in batches: each place is taken on the slot's one row, so one transaction per
 * booking means one commit after another while that row is locked, and a burst for one band books no faster than the
 * disk syncs. Here the requests that wait for the same slot on this node queue up; whichever of them holds the
 * slot's turn writes the queue's next bookings (up to {@code batch}) in one transaction, for itself and the others,
 * and hands each its outcome. A node's requests for other slots do not wait for this one.
 *
 * @param <P> what one request hands in (its booking, ready to insert) and gets back (the outcome)
 */
final class SlotBookings<P extends SlotBookings.Pending> {

    /** One request's booking in the queue; {@code outcome} is completed by the batch that wrote it (or failed). */
    abstract static class Pending {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
    }

    /** How long a waiting request sleeps at most before it looks again; a safety net, not a poll. */
    private static final long SAFETY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final class Line<P> {
        final ConcurrentLinkedQueue<P> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock turn = new ReentrantLock();
    }

    private final ConcurrentHashMap<Long, Line<P>> lines = new ConcurrentHashMap<>();
    private final int batch;
    private final Duration wait;

    SlotBookings(int batch, Duration wait) {
        this.batch = Math.max(1, batch);
        this.wait = wait;
    }

    /**
     * Queues {@code pending} for the slot and returns its outcome once a batch wrote it. {@code write} must complete
     * the outcome of every request of the batch it is given.
     *
     * @throws TimeoutException when its turn did not come within the wait (it is then out of the queue: nothing of
     *             it was written)
     */
    Object book(long slotId, P pending, Consumer<List<P>> write) throws TimeoutException, InterruptedException {
        Line<P> line = line(slotId);
        line.queue.add(pending);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!pending.outcome.isDone()) {
            // Whoever holds the turn writes until the queue is empty, and looks again after letting go: a request
            // queued meanwhile is either seen by it or gets the turn itself. So a waiting request needs no polling.
            if (line.turn.tryLock()) {
                try {
                    for (List<P> next = drain(line.queue); !next.isEmpty(); next = drain(line.queue)) {
                        writeAll(next, write);
                    }
                } finally {
                    line.turn.unlock();
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 && line.queue.remove(pending)) {
                throw new TimeoutException("no turn for the slot within " + wait);
            }
            try {
                pending.outcome.get(Math.max(1, Math.min(SAFETY_NANOS, left)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException notYet) {
                // still queued or being written: look again (the turn may have just been let go)
            }
        }
        try {
            return pending.outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private List<P> drain(ConcurrentLinkedQueue<P> queue) {
        List<P> next = new ArrayList<>();
        for (P p; next.size() < batch && (p = queue.poll()) != null;) {
            next.add(p);
        }
        return next;
    }

    private void writeAll(List<P> next, Consumer<List<P>> write) {
        try {
            write.accept(next);
        } catch (RuntimeException | Error e) {
            next.forEach(p -> p.outcome.completeExceptionally(e));
            return;
        }
        IllegalStateException unanswered = new IllegalStateException("a batch left a booking without an outcome");
        next.forEach(p -> p.outcome.completeExceptionally(unanswered));
    }

    private Line<P> line(long slotId) {
        if (lines.size() > 10_000) {
            lines.entrySet().removeIf(e -> e.getValue().queue.isEmpty() && !e.getValue().turn.isLocked());
        }
        return lines.computeIfAbsent(slotId, id -> new Line<>());
    }
}
