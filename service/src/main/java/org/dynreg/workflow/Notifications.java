package org.dynreg.workflow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What households are told: one stored notification per message, never changed (the SMS or letter gateway reads them). */
@Service
public class Notifications {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Notification(long id, long householdId, Long caseId, String kind, String message, Instant createdAt) {}

    public void notify(long householdId, Long caseId, String kind, String message) {
        jdbc.update("insert into notification (household_id, case_id, kind, message, created_at) values (?, ?, ?, ?, ?)",
                householdId, caseId, kind, message, Timestamp.from(clock.instant()));
    }

    public List<Notification> of(long householdId) {
        return jdbc.query("select * from notification where household_id = ? order by created_at, id", (rs, i) -> new Notification(
                rs.getLong("id"), rs.getLong("household_id"), (Long) rs.getObject("case_id", Long.class), rs.getString("kind"),
                rs.getString("message"), rs.getTimestamp("created_at").toInstant()), householdId);
    }
}
