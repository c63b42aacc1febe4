package cn.zs.civil.web;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises, anywhere in a cause chain, the two database failures a caller should simply retry: the database is
 * unreachable (503 with Retry-After), or the transaction lost a race (a deadlock victim, an optimistic lock: 409).
 * The engine wraps them in its own exceptions (ProcessEngineException, MyBatis' PersistenceException), so the type
 * of the outermost exception does not say it.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** No connection could be had or the one in use broke: nothing was applied, try again later. */
    public static boolean unavailable(Throwable e) {
        return anyCause(e, c -> c instanceof CannotGetJdbcConnectionException
                || c instanceof CannotCreateTransactionException || c instanceof DataAccessResourceFailureException
                || c instanceof SQLTransientConnectionException || c instanceof SQLRecoverableException
                // The connection broke under an open transaction, so its commit or rollback failed (the outage
                // suite met "JDBC rollback failed: Connection is closed" as a 500).
                || c instanceof org.springframework.transaction.TransactionSystemException
                // SQL state class 08: connection exception (refused, broken, closed by the server).
                || c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    /** The transaction was rolled back because another one touched the same rows first. */
    public static boolean conflicting(Throwable e) {
        return anyCause(e, c -> c instanceof OptimisticLockingException || c instanceof ConcurrencyFailureException
                || c instanceof SQLTransactionRollbackException);
    }

    /**
     * The database rolled the transaction back to break a deadlock (MySQL/MariaDB error 1213, SQL state 40001) or
     * it waited too long for a lock (1205): nobody else's change is lost, the same work can simply run again.
     */
    public static boolean deadlocked(Throwable e) {
        return anyCause(e, c -> c instanceof org.springframework.dao.PessimisticLockingFailureException
                || c instanceof SQLTransactionRollbackException
                || c instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                        || "40001".equals(sql.getSQLState())));
    }

    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable c = e; c != null && seen.put(c, true) == null; c = c.getCause()) {
            if (test.test(c)) {
                return true;
            }
        }
        return false;
    }
}
