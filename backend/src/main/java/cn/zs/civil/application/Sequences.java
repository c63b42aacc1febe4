package cn.zs.civil.application;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named gap-free counters (application numbers per service and day, certificate numbers per registry and year).
 * Must be called inside the caller's transaction: the counter's row lock orders concurrent callers, and a rollback
 * gives the number back.
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

    private void createCounter(String name) {
        try {
            ownTransaction.executeWithoutResult(status -> mapper.insertSequence(name, 0));
        } catch (DuplicateKeyException raced) {
            // another caller created it first: fine, it starts at 0 either way
        }
    }
}
