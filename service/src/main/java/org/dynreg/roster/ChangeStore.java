package org.dynreg.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.policy.Hashes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The requested changes (table roster_change): stored once, then only their case is named. */
@Component
class ChangeStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ChangeStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored change: what was asked, why, on what evidence, by whom, and the hash the case history keeps. */
    record Stored(long id, Long caseId, long householdId, RequestedChange change, String sha256, String reason, String evidence,
                  String requestedBy, Instant requestedAt) {}

    Stored insert(long householdId, RequestedChange change, String reason, String evidence, String actor, Instant at) {
        String text = write(change);
        String sha256 = sha256(text, reason, evidence);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into roster_change (household_id, kind, member_line, member_national_id, "
                    + "change_json, change_sha256, reason, evidence, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, householdId);
            ps.setString(2, change.kind().name());
            ps.setObject(3, change.memberLine());
            ps.setString(4, change.memberNationalId());
            ps.setString(5, text);
            ps.setString(6, sha256);
            ps.setString(7, reason);
            ps.setString(8, evidence);
            ps.setString(9, actor);
            ps.setTimestamp(10, Timestamp.from(at));
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        return new Stored(id, null, householdId, change, sha256, reason, evidence, actor, at);
    }

    void nameCase(long changeId, long caseId) {
        jdbc.update("update roster_change set case_id = ? where id = ?", caseId, changeId);
    }

    Optional<Stored> byId(long id) {
        return jdbc.query("select * from roster_change where id = ?", this::row, id).stream().findFirst();
    }

    Optional<Stored> byCase(long caseId) {
        return jdbc.query("select * from roster_change where case_id = ?", this::row, caseId).stream().findFirst();
    }

    /** The hash over exactly what is stored, so the row can be held against the case history. */
    static String sha256(String changeJson, String reason, String evidence) {
        return Hashes.sha256((changeJson + "\n" + reason + "\n" + evidence).getBytes(StandardCharsets.UTF_8));
    }

    private Stored row(ResultSet rs, int i) throws SQLException {
        RequestedChange change;
        try {
            change = RequestedChange.fromJson(json.readTree(rs.getString("change_json")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("roster change " + rs.getLong("id") + " is not readable JSON", e);
        }
        return new Stored(rs.getLong("id"), (Long) rs.getObject("case_id", Long.class), rs.getLong("household_id"), change,
                rs.getString("change_sha256"), rs.getString("reason"), rs.getString("evidence"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant());
    }

    private String write(RequestedChange change) {
        try {
            return json.writeValueAsString(change.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a roster change could not be written as JSON", e);
        }
    }
}
