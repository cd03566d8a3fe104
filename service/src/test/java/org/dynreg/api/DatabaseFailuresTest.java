package org.dynreg.api;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.export.MaxAllowedPacketException;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.orm.jpa.JpaSystemException;

import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a database failure is answered follows from the failure itself, however deeply Hibernate and Spring wrap it. */
class DatabaseFailuresTest {

    static JpaSystemException atCommit(SQLException cause) {
        return new JpaSystemException(new GenericJDBCException("could not execute batch", new BatchUpdateException(cause)));
    }

    @Test
    void aDeadlockALockWaitTimeoutAndALostConnectionCanSucceedWhenRepeated() {
        assertThat(DatabaseFailures.kind(atCommit(new SQLException("Deadlock found when trying to get lock", "40001", 1213))))
                .isEqualTo(DatabaseFailures.Kind.RETRYABLE);
        assertThat(DatabaseFailures.kind(atCommit(new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
                .isEqualTo(DatabaseFailures.Kind.RETRYABLE);
        assertThat(DatabaseFailures.kind(atCommit(new SQLNonTransientConnectionException("Socket error", null, 0,
                new SocketException("Connection reset by peer"))))).isEqualTo(DatabaseFailures.Kind.RETRYABLE);
        assertThat(DatabaseFailures.kind(atCommit(new SQLException("Connection was killed", "70100", 1927))))
                .isEqualTo(DatabaseFailures.Kind.RETRYABLE);
        assertThat(DatabaseFailures.kind(new CannotAcquireLockException("lock"))).isEqualTo(DatabaseFailures.Kind.RETRYABLE);
        assertThat(DatabaseFailures.kind(new JpaSystemException(new org.hibernate.TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed")))))
                .isEqualTo(DatabaseFailures.Kind.RETRYABLE);
    }

    @Test
    void aRecordOverThePacketLimitIsTooLargeEvenWhenTheDriverDroppedTheConnection() {
        assertThat(DatabaseFailures.kind(atCommit(new SQLException("Packet too big for current server max_allowed_packet value",
                "HZ000", 0)))).isEqualTo(DatabaseFailures.Kind.TOO_LARGE);
        assertThat(DatabaseFailures.kind(atCommit(new SQLNonTransientConnectionException("Packet too big for current server "
                + "max_allowed_packet value", "08000", 0, new MaxAllowedPacketException("query size is >= max_allowed_packet", true)))))
                .isEqualTo(DatabaseFailures.Kind.TOO_LARGE);
        assertThat(DatabaseFailures.kind(atCommit(new SQLException("Got a packet bigger than 'max_allowed_packet' bytes", "08S01", 1153))))
                .isEqualTo(DatabaseFailures.Kind.TOO_LARGE);
    }

    @Test
    void anythingElseIsAFailureOfTheService() {
        assertThat(DatabaseFailures.kind(atCommit(new SQLException("Unknown column", "42S22", 1054)))).isEqualTo(DatabaseFailures.Kind.OTHER);
        assertThat(DatabaseFailures.kind(new InvalidDataAccessApiUsageException("no id"))).isEqualTo(DatabaseFailures.Kind.OTHER);
    }
}
