package cn.zs.civil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The engine hands database failures over wrapped (ProcessEngineException around MyBatis' PersistenceException
 * around the driver's SQLException): seen under load on MariaDB, they were answered 500 before.
 */
class DatabaseFailuresTest {

    @Test
    void aPoolTimeoutInsideTheEngineIsUnavailability() {
        Exception e = new ProcessEngineException("query failed", new PersistenceException(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")));
        assertThat(DatabaseFailures.unavailable(e)).isTrue();
        assertThat(DatabaseFailures.conflicting(e)).isFalse();
    }

    @Test
    void aRefusedOrBrokenConnectionIsUnavailability() {
        assertThat(DatabaseFailures.unavailable(new RuntimeException(
                new SQLNonTransientConnectionException("Could not create connection", "08001")))).isTrue();
        assertThat(DatabaseFailures.unavailable(new RuntimeException(new SQLException("gone", "08S01")))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThatBrokeIsUnavailability() {
        assertThat(DatabaseFailures.unavailable(new org.springframework.transaction.TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aDeadlockVictimInsideTheEngineIsAConflict() {
        Exception e = new ProcessEngineException(new DeadlockLoserDataAccessException("Deadlock found",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001")));
        assertThat(DatabaseFailures.conflicting(e)).isTrue();
        assertThat(DatabaseFailures.unavailable(e)).isFalse();
    }

    @Test
    void otherFailuresAreNeither() {
        Exception e = new ProcessEngineException(new DuplicateKeyException("uk_application_no"));
        assertThat(DatabaseFailures.unavailable(e)).isFalse();
        assertThat(DatabaseFailures.conflicting(e)).isFalse();
        assertThat(DatabaseFailures.unavailable(new IllegalStateException(new SQLException("syntax", "42000")))).isFalse();
    }
}
