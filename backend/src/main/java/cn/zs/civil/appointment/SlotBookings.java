package cn.zs.civil.appointment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The bookings of one slot written in batches: each place is taken on the slot's one row, so one transaction per
 * booking means one commit after another while that row is locked, and a burst for one band books no faster than the
 * disk syncs. Here the bookings for the same slot on this node queue up, and one of a few writer threads writes the
 * queue's next bookings (up to {@code batch}) in one transaction and hands each its outcome; a node's bookings for
 * other slots are written by the other writers meanwhile.
 * <p>
 * A booking waits for its outcome without a thread: the request that queued it is answered when the outcome comes
 * ({@link AppointmentController}, an asynchronous answer), so on 5-20 the node's request threads are not held by
 * bookings waiting for their batch, and stay free to tell everyone else at once that the band is full.
 *
 * @param <P> what one request hands in (its booking, ready to insert) and gets back (the outcome)
 */
final class SlotBookings<P extends SlotBookings.Pending> implements AutoCloseable {

    /** One request's booking in the queue; {@code outcome} is completed by the batch that wrote it (or failed). */
    abstract static class Pending {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
    }

    private static final class Line<P> {
        final ConcurrentLinkedQueue<P> queue = new ConcurrentLinkedQueue<>();
        /** A writer has this line's queue in hand (or is about to): no other is sent to it. */
        final AtomicBoolean writing = new AtomicBoolean();
    }

    private final ConcurrentHashMap<Long, Line<P>> lines = new ConcurrentHashMap<>();
    private final int batch;
    private final Duration wait;
    private final ThreadPoolExecutor writers;
    private final ScheduledThreadPoolExecutor timeouts;

    /**
     * @param writers how many slots' batches are written at once on this node (each holds a connection while it
     *     writes)
     */
    SlotBookings(int batch, Duration wait, int writers) {
        this.batch = Math.max(1, batch);
        this.wait = wait;
        int n = Math.max(1, writers);
        this.writers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons("slot-bookings-"));
        this.writers.allowCoreThreadTimeOut(true);
        this.timeouts = new ScheduledThreadPoolExecutor(1, daemons("slot-bookings-wait-"));
        this.timeouts.setRemoveOnCancelPolicy(true);
    }

    private static CustomizableThreadFactory daemons(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }

    /**
     * Queues {@code pending} for the slot; its outcome is completed once a batch wrote it, or with a
     * {@link TimeoutException} when its turn did not come within the wait (it is then out of the queue: nothing of it
     * was written). {@code write} must complete the outcome of every request of the batch it is given.
     */
    CompletableFuture<Object> book(long slotId, P pending, Consumer<List<P>> write) {
        Line<P> line = line(slotId);
        line.queue.add(pending);
        ScheduledFuture<?> noTurn = timeouts.schedule(() -> {
            if (line.queue.remove(pending)) {
                pending.outcome.completeExceptionally(new TimeoutException("no turn for the slot within " + wait));
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
        pending.outcome.whenComplete((outcome, failure) -> noTurn.cancel(false));
        send(line, write);
        return pending.outcome;
    }

    /** A writer for the line, unless one has it in hand: that one sees the booking just queued. */
    private void send(Line<P> line, Consumer<List<P>> write) {
        if (line.writing.compareAndSet(false, true)) {
            writers.execute(() -> writeLine(line, write));
        }
    }

    private void writeLine(Line<P> line, Consumer<List<P>> write) {
        while (true) {
            for (List<P> next = drain(line.queue); !next.isEmpty(); next = drain(line.queue)) {
                writeAll(next, write);
            }
            line.writing.set(false);
            // A booking queued after the last drain and before the let-go found the line in hand and sent no
            // writer: look once more, and keep the line if nobody else took it meanwhile.
            if (line.queue.isEmpty() || !line.writing.compareAndSet(false, true)) {
                return;
            }
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
            lines.entrySet().removeIf(e -> e.getValue().queue.isEmpty() && !e.getValue().writing.get());
        }
        return lines.computeIfAbsent(slotId, id -> new Line<>());
    }

    /** Bookings still queued when the node stops are answered "no turn" (nothing of them was written). */
    @Override
    public void close() {
        writers.shutdown();
        try {
            writers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timeouts.shutdownNow();
        lines.values().forEach(line -> {
            for (P p; (p = line.queue.poll()) != null;) {
                p.outcome.completeExceptionally(new TimeoutException("the node is stopping"));
            }
        });
    }
}
