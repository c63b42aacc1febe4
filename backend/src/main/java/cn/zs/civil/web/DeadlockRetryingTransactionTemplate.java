package cn.zs.civil.web;

import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's {@link TransactionTemplate}: a transaction it starts (none was active) that MySQL/MariaDB picks
 * as a deadlock victim or whose lock wait times out is rolled back whole and run again, a few times, before the
 * failure reaches the caller (as 409). Such a victim did nothing wrong: the same work succeeds a moment later, so a
 * caller should not have to send it again. A callback that joined an outer transaction is never rerun here (the
 * outer one is already marked for rollback; whoever started it decides), and optimistic-locking failures (someone
 * else changed the same task or case first) are not retried: those are real conflicts. Callbacks given to this
 * template must therefore not have effects outside the transaction they cannot repeat; the engine's commands, the
 * platform's tables and the gap-free counters all roll back with it.
 */
public class DeadlockRetryingTransactionTemplate extends TransactionTemplate {

    private static final Logger log = LoggerFactory.getLogger(DeadlockRetryingTransactionTemplate.class);

    private final int attempts;

    public DeadlockRetryingTransactionTemplate(PlatformTransactionManager transactions, int attempts) {
        super(transactions);
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return super.execute(action);
        }
        for (int attempt = 1;; attempt++) {
            try {
                return super.execute(action);
            } catch (RuntimeException e) {
                if (attempt >= attempts || !DatabaseFailures.deadlocked(e)) {
                    throw e;
                }
                log.info("Transaction was a deadlock victim (attempt {} of {}), running it again: {}", attempt,
                        attempts, e.toString());
                pause(attempt);
            }
        }
    }

    /** A short, growing, randomised pause, so the transactions that met do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt + 10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
