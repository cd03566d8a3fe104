package org.dynreg.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.dynreg.audit.ChainVerification.BrokenLink;
import org.dynreg.audit.ChainVerification.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only, hash-chained audit trail: policy actions, replays and workflow steps, each as
 * one entry that carries the hash of the entry before it. The database refuses to change or remove
 * an entry; {@link #verify()} finds an entry changed behind its back.
 *
 * <p>Appenders serialise on the one row of {@code audit_chain_head} (SELECT ... FOR UPDATE), which
 * holds the last seq and hash; so concurrent appenders, also in other service instances on the same
 * database, form one chain without gaps, and the row stays locked until the caller's transaction ends.
 */
@Service
public class AuditTrail {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final String COLUMNS = "seq, recorded_at, actor, action, subject, details, prev_hash, hash";
    private static final int STREAM_FETCH_SIZE = 500;

    /** Sorted keys, no whitespace, only ASCII in the output: one text per content, whatever the column's charset. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate appending;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
        this.appending = new TransactionTemplate(transactions);
        this.appending.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Appends one entry. It joins the caller's transaction when there is one, so the action and its
     * entry are committed or rolled back together; otherwise it commits on its own. Call it as the
     * last write of the action: the chain head stays locked until the transaction ends.
     *
     * <p>The trail can never be corrected or purged, so callers must not put personal data (names,
     * national ids, dates of birth, phone numbers, addresses) in {@code details}, nor in
     * {@code subject}: refer to people and households by their registry ids.
     *
     * @param actor   the user name of whoever acted, or {@code system}
     * @param action  what was done, as {@code <capability>.<verb>}, e.g. {@code policy.activate}, {@code decision.replay}
     * @param subject what it was done to, as {@code <kind>:<id>}, e.g. {@code policy:7}, {@code decision:123}, {@code case:55}
     * @param details the outcome and whatever else an auditor needs (versions, hashes, counts); null for none
     */
    public AuditEntry record(String actor, String action, String subject, Map<String, ?> details) {
        required("actor", actor, 60);
        required("action", action, 60);
        required("subject", subject, 120);
        String json = canonicalJson(details);
        AuditEntry entry = appending.execute(status -> append(actor, action, subject, json));
        log.debug("audit entry {}: {} on {}", entry.seq(), entry.action(), entry.subject());
        return entry;
    }

    private AuditEntry append(String actor, String action, String subject, String details) {
        Head last = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1 for update", HEAD);
        // Read the clock only once the head is ours, so recorded_at follows seq within one instance.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry entry = AuditEntry.link(last.seq() + 1, now, actor, action, subject, details, last.hash());
        jdbc.update("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                entry.seq(), Timestamp.from(now), actor, action, subject, details, entry.prevHash(), entry.hash());
        jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", entry.seq(), entry.hash());
        return entry;
    }

    /** Entries that match every filter of the query, in seq order. */
    public List<AuditEntry> entries(AuditQuery q) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.subject() != null) {
            sql.append(" and subject = ?");
            args.add(q.subject());
        }
        if (q.subjectPrefix() != null) {
            sql.append(" and subject like ? escape '!'");
            args.add(q.subjectPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.action() != null) {
            sql.append(" and action = ?");
            args.add(q.action());
        }
        if (q.actor() != null) {
            sql.append(" and actor = ?");
            args.add(q.actor());
        }
        if (q.from() != null) {
            sql.append(" and recorded_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and recorded_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.afterSeq() != null) {
            sql.append(" and seq > ?");
            args.add(q.afterSeq());
        }
        sql.append(" order by seq limit ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), ENTRY, args.toArray());
    }

    /**
     * Walks the whole chain in seq order, reading it as a stream, within one consistent snapshot of
     * the entries and the head; stops at the first broken link.
     */
    public ChainVerification verify() {
        ChainVerification result = snapshot.execute(status -> walk());
        if (result.intact()) {
            log.info("audit trail intact: {} entries, head seq {}", result.entriesChecked(), result.headSeq());
        } else {
            log.warn("audit trail broken at entry {}: {}", result.firstBrokenLink().seq(), result.firstBrokenLink().problem());
        }
        return result;
    }

    private ChainVerification walk() {
        Instant verifiedAt = clock.instant();
        Head head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1", HEAD);
        ChainWalk walk = streaming.query("select " + COLUMNS + " from audit_entry order by seq", rs -> {
            ChainWalk w = new ChainWalk();
            while (w.broken == null && rs.next()) {
                w.check(ENTRY.mapRow(rs, 0));
            }
            return w;
        });
        BrokenLink broken = walk.broken != null ? walk.broken : walk.checkHead(head.seq(), head.hash());
        return new ChainVerification(walk.checked, broken == null, broken, head.seq(), head.hash(), verifiedAt);
    }

    /** The state of a walk along the chain: the last intact entry and the first broken link. */
    private static final class ChainWalk {
        long checked;
        long lastSeq;
        String lastHash = AuditEntry.GENESIS_HASH;
        BrokenLink broken;

        void check(AuditEntry e) {
            checked++;
            long expected = lastSeq + 1;
            if (e.seq() != expected) {
                broken = new BrokenLink(expected, Problem.SEQ_GAP, e.seq() == expected + 1
                        ? "entry " + expected + " is missing: entry " + e.seq() + " follows entry " + lastSeq
                        : "entries " + expected + " to " + (e.seq() - 1) + " are missing: entry " + e.seq() + " follows entry " + lastSeq);
            } else if (!e.prevHash().equals(lastHash)) {
                broken = new BrokenLink(e.seq(), Problem.PREV_HASH_MISMATCH, lastSeq == 0
                        ? "the first entry's prev_hash is " + e.prevHash() + ", not 64 zeros"
                        : "prev_hash is " + e.prevHash() + " but entry " + lastSeq + " has hash " + lastHash);
            } else if (!e.hash().equals(e.expectedHash())) {
                broken = new BrokenLink(e.seq(), Problem.HASH_MISMATCH,
                        "stored hash is " + e.hash() + " but the entry's content hashes to " + e.expectedHash()
                                + ": a field was changed after the entry was written");
            } else {
                lastSeq = e.seq();
                lastHash = e.hash();
            }
        }

        BrokenLink checkHead(long headSeq, String headHash) {
            if (headSeq > lastSeq) {
                return new BrokenLink(lastSeq + 1, Problem.HEAD_MISMATCH,
                        "the chain head names entry " + headSeq + " but the last entry is " + lastSeq + ": entries at the end are missing");
            }
            if (headSeq < lastSeq) {
                return new BrokenLink(headSeq + 1, Problem.HEAD_MISMATCH,
                        "the chain head names entry " + headSeq + " but entries run to " + lastSeq + ": entries were added past the head");
            }
            if (!headHash.equals(lastHash)) {
                return new BrokenLink(lastSeq, Problem.HEAD_MISMATCH,
                        "the chain head names hash " + headHash + " but entry " + lastSeq + " has hash " + lastHash);
            }
            return null;
        }
    }

    /** The end of the chain as the head row names it. */
    private record Head(long seq, String hash) {
    }

    private static final RowMapper<Head> HEAD = (rs, i) -> new Head(rs.getLong(1), rs.getString(2));

    private static final RowMapper<AuditEntry> ENTRY = (ResultSet rs, int i) -> entry(rs);

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    /** The details as canonical JSON: object keys sorted at every depth, so equal content gives equal text. */
    static String canonicalJson(Map<String, ?> details) {
        JsonNode tree = CANONICAL.valueToTree(details == null ? Map.of() : details);
        try {
            return CANONICAL.writeValueAsString(sorted(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), sorted(f.getValue())));
            ObjectNode out = CANONICAL.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = CANONICAL.createArrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }

    private static void required(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs a " + name);
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("an audit entry's " + name + " has at most " + maxLength + " characters");
        }
    }
}
