package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.audit.ChainVerification.Problem;
import org.dynreg.cli.ShellAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail on MariaDB. Tests that break the chain on purpose put every row and trigger back
 * in a finally block: other tests share the database and expect an intact chain.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailTest {
    /** The shell's documented exit code for a broken chain (README, docs/auditor-guide.md). */
    static final int SHELL_CHAIN_BROKEN = 6;
    static final int SHELL_NOT_ALLOWED = 3;

    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;
    /** The schema's owner: the application account may not drop triggers or change evidence at all. */
    JdbcTemplate owner;

    @Autowired
    void owner(@FlywayDataSource DataSource ownerDataSource) {
        owner = new JdbcTemplate(ownerDataSource);
    }
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate tx;
    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    static final AtomicInteger subjects = new AtomicInteger(9000);

    /** A subject no other test uses, so a test can find its own entries. */
    static String freshSubject(String kind) {
        return kind + ":" + subjects.incrementAndGet();
    }

    long headSeq() {
        return jdbc.queryForObject("select last_seq from audit_chain_head", Long.class);
    }

    String headHash() {
        return jdbc.queryForObject("select last_hash from audit_chain_head", String.class);
    }

    List<AuditEntry> bySubject(String subject) {
        return trail.entries(new AuditQuery(subject, null, null, null, null, null, null, null));
    }

    @Test
    void eachEntryCarriesTheHashOfTheOneBeforeAndStoresCanonicalDetails() {
        long seq = headSeq();
        String prev = headHash();
        String subject = freshSubject("policy");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", List.of(Map.of("y", 2, "b", true)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", 7);
        details.put("comment", "Punjab cut-off 16.17 → 18");
        details.put("files", nested);

        AuditEntry upload = trail.record("officer", "policy.upload", subject, details);
        AuditEntry activate = trail.record("officer2", "policy.activate", subject, null);

        assertThat(upload.seq()).isEqualTo(seq + 1);
        assertThat(upload.prevHash()).isEqualTo(prev).hasSize(64);
        assertThat(activate.seq()).isEqualTo(seq + 2);
        assertThat(activate.prevHash()).isEqualTo(upload.hash());
        assertThat(upload.details()).isEqualTo(
                "{\"comment\":\"Punjab cut-off 16.17 \\u2192 18\",\"files\":{\"alpha\":[{\"b\":true,\"y\":2}],\"zeta\":1},\"version\":7}");
        assertThat(activate.details()).isEqualTo("{}");
        assertThat(upload.recordedAt().getNano() % 1_000_000).as("milliseconds only").isZero();
        assertThat(bySubject(subject)).as("read back exactly as hashed").containsExactly(upload, activate);
        assertThat(headSeq()).isEqualTo(activate.seq());
        assertThat(headHash()).isEqualTo(activate.hash());

        ChainVerification v = trail.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.firstBrokenLink()).isNull();
        assertThat(v.entriesChecked()).isEqualTo(activate.seq());
        assertThat(v.headHash()).isEqualTo(activate.hash());
    }

    @Test
    void entriesAreFilteredBySubjectPrefixActionActorTimeAndSeq() {
        String prefix = "case:" + subjects.incrementAndGet() + "_";
        AuditEntry first = trail.record("caseworker", "workflow.assign", prefix + "1", Map.of("outcome", "assigned"));
        AuditEntry second = trail.record("supervisor", "workflow.approve", prefix + "2", Map.of("outcome", "approved"));
        AuditEntry lookalike = trail.record("supervisor", "workflow.approve", prefix.replace("_", "x") + "3", Map.of());

        assertThat(trail.entries(new AuditQuery(null, prefix, null, null, null, null, null, null)))
                .as("'_' in a prefix is a character, not a wildcard").containsExactly(first, second);
        assertThat(trail.entries(new AuditQuery(null, prefix, "workflow.approve", null, null, null, null, null))).containsExactly(second);
        assertThat(trail.entries(new AuditQuery(null, prefix, null, "caseworker", null, null, null, null))).containsExactly(first);
        assertThat(trail.entries(new AuditQuery(null, prefix, null, null, null, null, first.seq(), null))).containsExactly(second);
        assertThat(trail.entries(new AuditQuery(null, prefix, null, null, null, null, null, 1))).containsExactly(first);
        assertThat(trail.entries(new AuditQuery(lookalike.subject(), null, null, null,
                lookalike.recordedAt(), lookalike.recordedAt().plusMillis(1), null, null))).containsExactly(lookalike);
        assertThat(trail.entries(new AuditQuery(lookalike.subject(), null, null, null,
                null, lookalike.recordedAt(), null, null))).as("'to' is exclusive").isEmpty();
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, null, null, null, 1001))
                .isInstanceOf(InvalidAuditQueryException.class);
    }

    @Test
    void concurrentAppendersFromSeveralThreadsAndTwoServiceInstancesFormOneChainWithoutGaps() throws Exception {
        AuditTrail instanceA = new AuditTrail(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), Clock.systemUTC());
        AuditTrail instanceB = new AuditTrail(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource), Clock.systemUTC());
        List<AuditTrail> appenders = List.of(trail, trail, instanceA, instanceA, instanceB, instanceB);
        int perThread = 20;
        long before = headSeq();
        String subject = freshSubject("decision");
        ExecutorService pool = Executors.newFixedThreadPool(appenders.size());
        List<AuditEntry> recorded = new ArrayList<>();
        try {
            List<Future<List<AuditEntry>>> runs = new ArrayList<>();
            for (int t = 0; t < appenders.size(); t++) {
                AuditTrail appender = appenders.get(t);
                int thread = t;
                Callable<List<AuditEntry>> run = () -> {
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(appender.record("system", "decision.replay", subject, Map.of("thread", thread, "i", i)));
                    }
                    return mine;
                };
                runs.add(pool.submit(run));
            }
            for (Future<List<AuditEntry>> r : runs) {
                recorded.addAll(r.get());
            }
        } finally {
            pool.shutdown();
        }

        int total = appenders.size() * perThread;
        assertThat(recorded.stream().mapToLong(AuditEntry::seq).sorted().toArray())
                .as("every seq once, no gaps").containsExactly(LongStream.rangeClosed(before + 1, before + total).toArray());
        assertThat(headSeq()).isEqualTo(before + total);
        List<AuditEntry> stored = new ArrayList<>();
        for (long after = before; stored.size() < total; after = stored.get(stored.size() - 1).seq()) {
            List<AuditEntry> page = trail.entries(new AuditQuery(subject, null, null, null, null, null, after, 50));
            assertThat(page).isNotEmpty();
            stored.addAll(page);
        }
        for (int i = 1; i < stored.size(); i++) {
            assertThat(stored.get(i).prevHash()).isEqualTo(stored.get(i - 1).hash());
        }
        ChainVerification v = trail.verify();
        assertThat(v.intact()).as(String.valueOf(v.firstBrokenLink())).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(before + total);
    }

    @Test
    void anEntryRecordedInATransactionThatRollsBackLeavesNothing() {
        long before = headSeq();
        String hash = headHash();
        String subject = freshSubject("policy");

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            trail.record("officer", "policy.activate", subject, Map.of("version", 99));
            throw new IllegalStateException("the activation failed after its entry was written");
        })).hasMessageContaining("activation failed");

        assertThat(bySubject(subject)).isEmpty();
        assertThat(headSeq()).isEqualTo(before);
        assertThat(headHash()).isEqualTo(hash);
        AuditEntry next = trail.record("officer", "policy.activate", subject, Map.of("version", 99));
        assertThat(next.seq()).as("the rolled-back seq is used again: no gap").isEqualTo(before + 1);
        assertThat(next.prevHash()).isEqualTo(hash);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntriesOrToWindTheHeadBack() {
        AuditEntry e = trail.record("auditor", "decision.replay", freshSubject("decision"), Map.of("matches", true));

        assertThatThrownBy(() -> owner.update("update audit_entry set details = '{}' where seq = ?", e.seq()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from audit_entry where seq = ?", e.seq()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("update audit_chain_head set last_seq = last_seq - 1"))
                .hasMessageContaining("only moves forward");
        assertThatThrownBy(() -> owner.update("delete from audit_chain_head"))
                .hasMessageContaining("cannot be removed");
        assertThat(bySubject(e.subject())).containsExactly(e);
        assertThat(headSeq()).isEqualTo(e.seq());
    }

    @Test
    void verifyNamesTheEntryWhoseDetailsWereChanged() {
        AuditEntry before = trail.record("officer", "policy.upload", freshSubject("policy"), Map.of("version", 8));
        AuditEntry target = trail.record("officer", "policy.approve", before.subject(), Map.of("version", 8));
        trail.record("officer", "policy.activate", before.subject(), Map.of("version", 8));

        withoutTrigger("audit_entry_no_update", () -> {
            owner.update("update audit_entry set details = ? where seq = ?", "{\"version\":9}", target.seq());
            try {
                ChainVerification v = trail.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBrokenLink().seq()).isEqualTo(target.seq());
                assertThat(v.firstBrokenLink().problem()).isEqualTo(Problem.HASH_MISMATCH);
                assertThat(v.entriesChecked()).isEqualTo(target.seq());
            } finally {
                owner.update("update audit_entry set details = ? where seq = ?", target.details(), target.seq());
            }
        });

        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void verifyNamesTheEntryWhosePrevHashWasChanged() {
        trail.record("officer", "policy.upload", freshSubject("policy"), Map.of());
        AuditEntry target = trail.record("officer", "policy.validate", freshSubject("policy"), Map.of("problems", 0));
        trail.record("officer", "policy.approve", freshSubject("policy"), Map.of());

        withoutTrigger("audit_entry_no_update", () -> {
            owner.update("update audit_entry set prev_hash = ? where seq = ?", "f".repeat(64), target.seq());
            try {
                ChainVerification v = trail.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBrokenLink().seq()).isEqualTo(target.seq());
                assertThat(v.firstBrokenLink().problem()).isEqualTo(Problem.PREV_HASH_MISMATCH);
            } finally {
                owner.update("update audit_entry set prev_hash = ? where seq = ?", target.prevHash(), target.seq());
            }
        });

        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void verifyNamesARemovedEntryAndAHeadThatWasWoundBack() {
        AuditEntry removed = trail.record("officer", "policy.rollback", freshSubject("policy"), Map.of("to", 6));
        AuditEntry last = trail.record("officer", "policy.activate", removed.subject(), Map.of("version", 6));

        withoutTrigger("audit_entry_no_delete", () -> {
            owner.update("delete from audit_entry where seq = ?", removed.seq());
            try {
                ChainVerification v = trail.verify();
                assertThat(v.firstBrokenLink().seq()).isEqualTo(removed.seq());
                assertThat(v.firstBrokenLink().problem()).isEqualTo(Problem.SEQ_GAP);
            } finally {
                owner.update("insert into audit_entry (seq, recorded_at, actor, action, subject, details, prev_hash, hash) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?)", removed.seq(), java.sql.Timestamp.from(removed.recordedAt()),
                        removed.actor(), removed.action(), removed.subject(), removed.details(), removed.prevHash(), removed.hash());
            }
        });
        withoutTrigger("audit_chain_head_forward_only", () -> {
            owner.update("update audit_chain_head set last_seq = ?, last_hash = ?", removed.seq(), removed.hash());
            try {
                ChainVerification v = trail.verify();
                assertThat(v.firstBrokenLink().seq()).isEqualTo(last.seq());
                assertThat(v.firstBrokenLink().problem()).isEqualTo(Problem.HEAD_MISMATCH);
            } finally {
                owner.update("update audit_chain_head set last_seq = ?, last_hash = ?", last.seq(), last.hash());
            }
        });

        assertThat(bySubject(removed.subject())).containsExactly(removed, last);
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void restRolesAndAnswers() {
        AuditEntry e = trail.record("officer", "policy.upload", freshSubject("policy"), Map.of("files", 4));
        String query = "/api/audit/trail?subject=" + e.subject();

        for (String allowed : List.of("auditor", "officer", "supervisor")) {
            assertThat(call(allowed, query).getStatusCode()).as(allowed).isEqualTo(HttpStatus.OK);
        }
        for (String refused : List.of("operator", "caseworker", "partner")) {
            assertThat(call(refused, query).getStatusCode()).as(refused).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(call("officer", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call("supervisor", "/api/audit/verify").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode entry = call("auditor", query).getBody().get(0);
        assertThat(entry.get("seq").asLong()).isEqualTo(e.seq());
        assertThat(entry.get("details").get("files").asInt()).as("details served as JSON").isEqualTo(4);
        assertThat(entry.get("hash").asText()).isEqualTo(e.hash());
        JsonNode verified = call("auditor", "/api/audit/verify").getBody();
        assertThat(verified.get("intact").asBoolean()).isTrue();
        assertThat(verified.get("headSeq").asLong()).isEqualTo(headSeq());

        ResponseEntity<JsonNode> badLimit = call("auditor", "/api/audit/trail?limit=0");
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getBody().get("detail").asText()).contains("limit");
        ResponseEntity<JsonNode> badTime = call("auditor", "/api/audit/trail?from=yesterday");
        assertThat(badTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTime.getBody().get("detail").asText()).contains("'from'");
    }

    @Test
    void shellAuditVerifyExitsNonZeroWhileTheChainIsBroken() {
        AuditEntry target = trail.record("officer", "policy.upload", freshSubject("policy"), Map.of("version", 10));

        assertThat(shell("auditor", "audit", "verify")).isZero();
        assertThat(shell("officer", "audit", "trail", "--subject", target.subject(), "--limit", "5")).isZero();
        assertThat(shell("supervisor", "audit", "trail", "--action", "policy.upload")).isZero();
        assertThat(shell("partner", "audit", "verify")).isEqualTo(SHELL_NOT_ALLOWED);
        withoutTrigger("audit_entry_no_update", () -> {
            owner.update("update audit_entry set actor = 'someone-else' where seq = ?", target.seq());
            try {
                assertThat(shell("auditor", "audit", "verify")).isEqualTo(SHELL_CHAIN_BROKEN);
            } finally {
                owner.update("update audit_entry set actor = ? where seq = ?", target.actor(), target.seq());
            }
        });
        assertThat(shell("auditor", "audit", "verify")).isZero();
    }

    /** Drops a trigger for the length of {@code tampering} and always creates it again as it was. */
    void withoutTrigger(String trigger, Runnable tampering) {
        // Without the definer, which a server without grant tables (the embedded one) reports empty and then refuses.
        String ddl = owner.queryForObject("show create trigger " + trigger, (rs, i) -> rs.getString("SQL Original Statement"))
                .replaceFirst("DEFINER=\\S+\\s+", "");
        owner.execute("drop trigger " + trigger);
        try {
            tampering.run();
        } finally {
            owner.execute(ddl);
        }
    }

    ResponseEntity<JsonNode> call(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), JsonNode.class);
    }

    int shell(String user, String... command) {
        return ShellAs.run(port, user, command);
    }

}
