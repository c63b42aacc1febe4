package cn.zs.civil.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zs.civil.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SequencesIT extends ApiTestBase {

    @Autowired
    Sequences sequences;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentFirstNumbersOfANewCounterAreOneToNWithoutDeadlock() throws Exception {
        int callers = 8;
        for (int round = 0; round < 5; round++) {
            String counter = "it-" + UUID.randomUUID();
            TransactionTemplate tx = new TransactionTemplate(transactions);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<Long>> numbers = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    numbers.add(pool.submit(() -> {
                        start.await();
                        // hold the number in a transaction for a moment, as a submission does
                        return tx.execute(status -> {
                            long n = sequences.next(counter);
                            sleep(20);
                            return n;
                        });
                    }));
                }
                start.countDown();
                List<Long> got = new ArrayList<>();
                for (Future<Long> n : numbers) {
                    got.add(n.get(60, TimeUnit.SECONDS));
                }
                assertThat(got).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aRolledBackNumberIsGivenBack() {
        String counter = "it-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            sequences.next(counter);
            status.setRollbackOnly();
        });
        Long next = tx.execute(status -> sequences.next(counter));
        assertThat(next).isEqualTo(1L);
    }

    @Test
    void aDrawnNumberDoesNotWaitForAnotherCallersTransactionAndStaysTakenOnRollback() throws Exception {
        String counter = "it-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch drawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // a submission draws its number and keeps its own transaction open for a while, then fails
            Future<Long> first = pool.submit(() -> tx.execute(status -> {
                long n = sequences.draw(counter);
                drawn.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status.setRollbackOnly();
                return n;
            }));
            assertThat(drawn.await(30, TimeUnit.SECONDS)).isTrue();
            // meanwhile a second submission gets the next number at once (the first holds no lock on the counter)
            Long second = pool.submit(() -> tx.execute(status -> sequences.draw(counter))).get(10, TimeUnit.SECONDS);
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1L);
            assertThat(second).isEqualTo(2L);
            // the first's rollback does not give 1 back: drawn numbers are unique, not gap-free
            Long third = tx.execute(status -> sequences.draw(counter));
            assertThat(third).isEqualTo(3L);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aNumberDrawnAtCommitLocksTheCounterOnlyForTheCommitNotForTheWorkBeforeIt() throws Exception {
        String counter = "it-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> sequences.next(counter)); // the counter exists: 1 taken
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // a registrar's decision: the number is asked for, then the engine flushes the case for a while
            Future<Long> decision = pool.submit(() -> {
                long[] drawn = new long[1];
                tx.executeWithoutResult(status -> {
                    sequences.atCommit(() -> {
                        order.add("numbered");
                        drawn[0] = sequences.next(counter);
                    });
                    working.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    order.add("flushed");
                });
                return drawn[0];
            });
            assertThat(working.await(30, TimeUnit.SECONDS)).isTrue();
            // meanwhile another decision on another desk numbers and commits at once: no lock is held yet
            Long other = pool.submit(() -> tx.execute(status -> sequences.next(counter))).get(10, TimeUnit.SECONDS);
            release.countDown();
            assertThat(other).isEqualTo(2L);
            assertThat(decision.get(30, TimeUnit.SECONDS)).isEqualTo(3L);
            assertThat(order).containsExactly("flushed", "numbered");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aDecisionThatRollsBackDrawsNoNumberAtCommitAndAFailedNumberingRollsTheDecisionBack() {
        String counter = "it-" + UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            sequences.atCommit(() -> sequences.next(counter));
            status.setRollbackOnly();
        });
        String other = "it-" + UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            sequences.next(other); // the decision's own writes
            sequences.atCommit(() -> {
                sequences.next(counter);
                throw new IllegalStateException("numbering failed");
            });
        })).hasMessageContaining("numbering failed");
        // neither counter moved: gap-free
        Long nextOfCounter = tx.execute(status -> sequences.next(counter));
        Long nextOfOther = tx.execute(status -> sequences.next(other));
        assertThat(nextOfCounter).isEqualTo(1L);
        assertThat(nextOfOther).isEqualTo(1L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
