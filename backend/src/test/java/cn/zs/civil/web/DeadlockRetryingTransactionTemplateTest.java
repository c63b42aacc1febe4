package cn.zs.civil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** A deadlock victim runs again (it did nothing wrong); a real conflict, or a joined transaction, does not. */
class DeadlockRetryingTransactionTemplateTest {

    private final CountingTransactions transactions = new CountingTransactions();
    private final DeadlockRetryingTransactionTemplate tx = new DeadlockRetryingTransactionTemplate(transactions, 4);

    /** As the engine hands it over: ProcessEngineException around MyBatis around the driver's exception. */
    private static RuntimeException deadlock() {
        return new ProcessEngineException("flush failed", new PersistenceException(
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));
    }

    @Test
    void aDeadlockVictimRunsAgainInAFreshTransactionUntilItSucceeds() {
        AtomicInteger runs = new AtomicInteger();
        String result = tx.execute(status -> {
            if (runs.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(3);
        assertThat(transactions.rolledBack).hasValue(2);
        assertThat(transactions.committed).hasValue(1);
    }

    @Test
    void aLockWaitTimeoutRunsAgainToo() {
        AtomicInteger runs = new AtomicInteger();
        tx.executeWithoutResult(status -> {
            if (runs.incrementAndGet() == 1) {
                throw new RuntimeException(new SQLException("Lock wait timeout exceeded", "HY000", 1205));
            }
        });
        assertThat(runs).hasValue(2);
    }

    @Test
    void afterTheLastAttemptTheDeadlockReachesTheCaller() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            runs.incrementAndGet();
            throw deadlock();
        })).isInstanceOf(ProcessEngineException.class);
        assertThat(runs).hasValue(4);
        assertThat(DatabaseFailures.conflicting(deadlock())).as("then answered 409").isTrue();
    }

    @Test
    void aRealConflictOrAnyOtherFailureIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            runs.incrementAndGet();
            throw new OptimisticLockingException("task changed meanwhile");
        })).isInstanceOf(OptimisticLockingException.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            runs.incrementAndGet();
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(2);
    }

    @Test
    void aCallbackThatJoinedAnOuterTransactionIsLeftToWhoeverStartedIt() {
        AtomicInteger inner = new AtomicInteger();
        AtomicInteger outer = new AtomicInteger();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            outer.incrementAndGet();
            tx.executeWithoutResult(joined -> {
                inner.incrementAndGet();
                throw deadlock();
            });
        })).isInstanceOf(ProcessEngineException.class);
        // The outer transaction is the one that runs again; the inner callback once per outer run.
        assertThat(outer).hasValue(4);
        assertThat(inner).hasValue(4);
    }

    @Test
    void deadlocksAreRecognisedAnywhereInTheCauseChain() {
        assertThat(DatabaseFailures.deadlocked(deadlock())).isTrue();
        assertThat(DatabaseFailures.deadlocked(new org.springframework.dao.CannotAcquireLockException("lock"))).isTrue();
        assertThat(DatabaseFailures.deadlocked(new OptimisticLockingException("changed"))).isFalse();
        assertThat(DatabaseFailures.deadlocked(new RuntimeException(new SQLException("gone", "08S01")))).isFalse();
    }

    /** A transaction manager without a resource that counts commits and rollbacks. */
    private static final class CountingTransactions extends AbstractPlatformTransactionManager {
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack.incrementAndGet();
        }
    }
}
