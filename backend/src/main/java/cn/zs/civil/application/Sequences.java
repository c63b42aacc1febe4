package cn.zs.civil.application;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named counters. {@link #next} is gap-free (certificate numbers per registry and year, which are controlled
 * stock): it must be called inside the caller's transaction, the counter's row lock orders concurrent callers until
 * that transaction ends, and a rollback gives the number back. {@link #draw} is for numbers that only need to be
 * unique and increasing (application numbers per service and day): the counter is moved in a transaction of its
 * own, so concurrent callers wait for each other only for that moment, not for the whole of each other's work; a
 * caller that later fails leaves a gap.
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

    private void createCounter(String name) {
        try {
            ownTransaction.executeWithoutResult(status -> mapper.insertSequence(name, 0));
        } catch (DuplicateKeyException raced) {
            // another caller created it first: fine, it starts at 0 either way
        }
    }
}
