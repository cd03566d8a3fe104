package org.dynreg.api;

import org.mariadb.jdbc.export.MaxAllowedPacketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;

/**
 * What a failure of the database (while writing, reading or committing) means to the caller, so that it is never
 * answered as a success: 503 with Retry-After when the same request can succeed later (deadlock, lock wait timeout,
 * lost or refused connection), 413 when the record is larger than the database takes in one write, 500 otherwise.
 * Only the exception's class and the database's error code are logged: a database message can quote stored values.
 */
@Component
class DatabaseFailures {
    private static final Logger log = LoggerFactory.getLogger(DatabaseFailures.class);

    /** ER_NET_PACKET_TOO_LARGE: the server refused a packet over max_allowed_packet. */
    private static final int PACKET_TOO_LARGE = 1153;
    /** The driver's own refusal of a packet over max_allowed_packet, before sending it. */
    private static final String DRIVER_PACKET_TOO_LARGE = "HZ000";
    /**
     * Lock wait timeout, deadlock, query interrupted, connection killed, server gone away, connection lost during a query.
     */
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1205, 1213, 1317, 1927, 2006, 2013);

    enum Kind { RETRYABLE, TOO_LARGE, OTHER }

    private final Duration retryAfter;

    DatabaseFailures(@Value("${dynreg.api.database-retry-after:PT5S}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    static Kind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MaxAllowedPacketException
                    || t instanceof SQLException s && (s.getErrorCode() == PACKET_TOO_LARGE || DRIVER_PACKET_TOO_LARGE.equals(s.getSQLState()))) {
                return Kind.TOO_LARGE;
            }
        }
        if (failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException
                || failure instanceof DataAccessResourceFailureException || failure instanceof CannotCreateTransactionException) {
            return Kind.RETRYABLE;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SocketException) {
                return Kind.RETRYABLE;
            }
            // A rollback the database refused: its connection is gone, and the server has rolled the work back.
            // Spring answers with this failure instead of the one that made the transaction roll back.
            if ((t instanceof org.hibernate.TransactionException || t instanceof TransactionSystemException)
                    && t.getCause() instanceof SQLException) {
                return Kind.RETRYABLE;
            }
            if (t instanceof SQLException s && (RETRYABLE_CODES.contains(s.getErrorCode()) || state(s).startsWith("08")
                    || state(s).startsWith("40"))) {
                return Kind.RETRYABLE;
            }
        }
        return Kind.OTHER;
    }

    ResponseEntity<ProblemDetail> answer(RuntimeException failure) {
        Kind kind = kind(failure);
        String cause = describe(failure);
        return switch (kind) {
            case RETRYABLE -> {
                log.warn("database temporarily unable to complete a request, answered 503: {}", cause);
                ProblemDetail p = ApiErrors.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                        "The database could not complete the request",
                        "the database did not complete the request (a lock conflict, a timeout or a lost connection) and "
                                + "confirmed nothing stored; try again in " + retryAfter.toSeconds() + " seconds");
                yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds())).body(p);
            }
            case TOO_LARGE -> {
                log.warn("refused a record larger than the database takes in one write, answered 413: {}", cause);
                yield ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiErrors.problem(HttpStatus.PAYLOAD_TOO_LARGE,
                        "record-too-large", "The record is too large to store",
                        "the record is larger than the database accepts in one write (its max_allowed_packet); nothing was "
                                + "stored: the same request will fail again, send a smaller one"));
            }
            case OTHER -> {
                log.error("database failure, answered 500: {}", cause);
                yield ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiErrors.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                        "database-failure", "The database failed", "the database could not complete the request, so it was "
                                + "rolled back and nothing was stored; the operators have the details in the service log"));
            }
        };
    }

    /** The chain of exception classes with the database's SQL state and error code: no message, which can quote data. */
    private static String describe(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            b.append(b.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
            if (t instanceof SQLException s) {
                b.append(" (SQL state ").append(s.getSQLState()).append(", error ").append(s.getErrorCode()).append(')');
            }
        }
        return b.toString();
    }

    private static String state(SQLException s) {
        return s.getSQLState() == null ? "" : s.getSQLState();
    }
}
