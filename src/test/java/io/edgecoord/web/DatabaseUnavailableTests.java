package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTests {

    @Test
    void aPoolThatCannotHandOutAConnectionIsTheDatabaseBeingUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no EntityManager",
                new SQLTransientConnectionException("edgecoord - Connection is not available")))).isTrue();
    }

    @Test
    void aConnectionLostInsideAStatementIsTheDatabaseBeingUnavailable() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketTimeoutException("Read timed out"));
        assertThat(DatabaseUnavailable.causedBy(new JpaSystemException(new RuntimeException(io)))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("gone"))).isTrue();
    }

    @Test
    void aRollbackThatFailsOnABrokenConnectionIsTheDatabaseBeingUnavailable() {
        assertThat(DatabaseUnavailable.causedBy(new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("boom"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
    }
}
