package cn.zs.civil.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The bookings of a slot, written in batches by the node's writers while nobody waits on a thread for them. */
class SlotBookingsTest {

    private static final class P extends SlotBookings.Pending {
        final int n;

        P(int n) {
            this.n = n;
        }
    }

    @Test
    void aBookingIsQueuedAtOnceAndAnsweredWhenItsBatchIsWrittenInBatchesOfAtMostTheBatch() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        Consumer<List<P>> write = batch -> {
            await(held);
            batchSizes.add(batch.size());
            batch.forEach(p -> p.outcome.complete("booked " + p.n));
        };
        try (SlotBookings<P> bookings = new SlotBookings<>(3, Duration.ofSeconds(30), 2)) {
            List<CompletableFuture<Object>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                outcomes.add(bookings.book(7, new P(i), write)); // returns at once: the writer is held
            }
            assertThat(outcomes).noneMatch(CompletableFuture::isDone);
            held.countDown();
            for (int i = 0; i < 10; i++) {
                assertThat(outcomes.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("booked " + i);
            }
            // the first booking's batch was taken alone (the writer went at once), the rest in batches of at most 3
            assertThat(batchSizes).allMatch(n -> n >= 1 && n <= 3);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        }
    }

    @Test
    void aBookingWithoutATurnWithinTheWaitIsAnsweredNoTurnAndNothingOfItIsWritten() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        Consumer<List<P>> write = batch -> {
            await(held);
            batch.forEach(p -> {
                written.add(p.n);
                p.outcome.complete("booked");
            });
        };
        try (SlotBookings<P> bookings = new SlotBookings<>(1, Duration.ofMillis(200), 1)) {
            CompletableFuture<Object> first = bookings.book(1, new P(1), write); // taken by the writer, held
            CompletableFuture<Object> second = bookings.book(1, new P(2), write); // queued behind it
            assertThat(catchCause(second)).isInstanceOf(TimeoutException.class);
            held.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("booked");
            assertThat(written).containsExactly(1);
        }
    }

    @Test
    void aBatchThatFailsAnswersEachOfItsBookingsWithTheFailureAndTheNextBatchGoesOn() throws Exception {
        Consumer<List<P>> write = batch -> {
            if (batch.get(0).n == 0) {
                throw new IllegalStateException("the database said no");
            }
            batch.forEach(p -> p.outcome.complete("booked"));
        };
        try (SlotBookings<P> bookings = new SlotBookings<>(1, Duration.ofSeconds(30), 1)) {
            CompletableFuture<Object> failed = bookings.book(3, new P(0), write);
            CompletableFuture<Object> next = bookings.book(3, new P(1), write);
            assertThat(catchCause(failed)).hasMessage("the database said no");
            assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("booked");
        }
    }

    private static Throwable catchCause(CompletableFuture<Object> outcome) throws Exception {
        try {
            outcome.get(10, TimeUnit.SECONDS);
            throw new AssertionError("answered without a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
