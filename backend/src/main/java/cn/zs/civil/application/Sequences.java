package cn.zs.civil.application;

import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named counters. {@link #next} is gap-free (certificate numbers per registry and year, which are controlled
 * stock): it must be called inside the caller's transaction, the counter's row lock orders concurrent callers until
 * that transaction ends, and a rollback gives the number back. {@link #draw} is for numbers that only need to be
 * unique and increasing (application numbers per service and day): the counter is moved in a transaction of its
 * own, so concurrent callers wait for each other only for that moment, not for the whole of each other's work; a
 * caller that later fails leaves a gap. {@link #atCommit} runs gap-free numbering at the very end of the caller's
 * transaction, so that the counter's row is locked only for the commit itself.
 */
@Component
public class Sequences {

    private final ApplicationMapper mapper;
    private final TransactionTemplate ownTransaction;

    Sequences(ApplicationMapper mapper, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public long next(String name) {
        if (mapper.incrementSequence(name) == 0) {
            // A new counter (the first number of a day or a year) is created in a short transaction of its own and
            // only then locked in the caller's: creating it inside the callers' transactions let two first callers
            // wait on each other's insert and deadlock (seen on MariaDB under load).
            createCounter(name);
            mapper.incrementSequence(name);
        }
        return mapper.currentSequence(name);
    }

    /**
     * The next number of the counter, committed at once (not gap-free; see the class comment). Submissions of one
     * service on one day used to hold the day's counter for their whole transaction (the case, the files, the
     * process start); under the benchmark's 20 submissions a second they queued behind each other for seconds.
     */
    public long draw(String name) {
        return ownTransaction.execute(status -> next(name));
    }

    /**
     * Runs {@code numbering} (which calls {@link #next} and writes the number) in the caller's transaction, but as its
     * last work: after the engine has flushed the case's history and tasks, just before the commit. A registration's
     * certificate number used to be drawn in the middle of the engine's command, so the counter's row stayed locked
     * across the whole flush, and every registrar's decision queued behind the one before it (issue 18: 235 of 420
     * busy-thread samples waited there). The number stays gap-free and unique: it is drawn and written in the same
     * transaction as the decision, and rolls back with it. Without a transaction (a test's bare engine) it runs at once.
     */
    public void atCommit(Runnable numbering) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            numbering.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                // before MyBatis's own synchronization ends the transaction's session
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                numbering.run();
            }
        });
    }

    private void createCounter(String name) {
        try {
            ownTransaction.executeWithoutResult(status -> mapper.insertSequence(name, 0));
        } catch (DuplicateKeyException raced) {
            // another caller created it first: fine, it starts at 0 either way
        }
    }
}
