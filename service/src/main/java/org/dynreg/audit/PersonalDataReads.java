package org.dynreg.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The record of who read which household's personal data (docs/auditor-guide.md, "Reads of personal data";
 * docs/decisions/0021). Each read is one insert into the append-only {@code personal_data_read} table, made before
 * the answer leaves: a read that cannot be recorded is not answered.
 */
@Service
public class PersonalDataReads {
    /** The kinds of record whose reads are recorded. */
    public enum Kind { HOUSEHOLD, ROSTER_CHANGE, REGISTRATION_TOKEN }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PersonalDataReads(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that {@code reader} was answered {@code kind} {@code recordId} (of {@code householdId}, when known) by the
     * endpoint of the current request, with the personal data shown or redacted.
     */
    public void record(Authentication reader, Kind kind, long recordId, Long householdId, boolean shown) {
        String roles = reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).sorted().collect(Collectors.joining(","));
        jdbc.update("insert into personal_data_read (read_at, username, roles, record_kind, record_id, household_id, endpoint, personal_data)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), reader.getName(), roles, kind.name(), recordId, householdId, endpoint(),
                shown ? "SHOWN" : "REDACTED");
    }

    /** Recorded reads, oldest first. */
    public List<PersonalDataRead> reads(ReadQuery q) {
        StringBuilder sql = new StringBuilder("select * from personal_data_read where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.username() != null) {
            sql.append(" and username = ?");
            args.add(q.username());
        }
        if (q.householdId() != null) {
            sql.append(" and household_id = ?");
            args.add(q.householdId());
        }
        if (q.from() != null) {
            sql.append(" and read_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and read_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.afterId() != null) {
            sql.append(" and id > ?");
            args.add(q.afterId());
        }
        sql.append(" order by id limit ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), (rs, i) -> read(rs), args.toArray());
    }

    private static PersonalDataRead read(ResultSet rs) throws SQLException {
        return new PersonalDataRead(rs.getLong("id"), rs.getTimestamp("read_at").toInstant(), rs.getString("username"),
                rs.getString("roles"), rs.getString("record_kind"), rs.getLong("record_id"), rs.getObject("household_id", Long.class),
                rs.getString("endpoint"), rs.getString("personal_data"));
    }

    /** The current request's method and path pattern, e.g. {@code GET /api/households/{id}}. */
    private static String endpoint() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a)) {
            return "(not a web request)";
        }
        HttpServletRequest r = a.getRequest();
        Object pattern = r.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return r.getMethod() + " " + (pattern == null ? r.getRequestURI() : pattern);
    }
}
