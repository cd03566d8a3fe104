package org.dynreg.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.dynreg.api.NotFoundException;
import org.dynreg.api.Scopes;
import org.dynreg.eligibility.DecisionFilter;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.OutcomeComparison;
import org.dynreg.policy.OutcomeDifference;
import org.dynreg.eligibility.PolicyFaultException;
import org.dynreg.eligibility.RecordedDecision;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Replay: a stored decision's facts run again under the policy version it names (or another one), and
 * every output field compared with what was stored. Runs over many decisions go on in the background,
 * with their progress and mismatches stored so that any instance can report them.
 */
@Service
public class Replays {
    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final Eligibility eligibility;
    private final Policies policies;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;
    private final int progressEvery;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate ownWrite;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "replay-runner");
        t.setDaemon(true);
        return t;
    });

    Replays(Eligibility eligibility, Policies policies, JdbcTemplate jdbc, ObjectMapper json, Clock clock, AuditTrail audit,
            PlatformTransactionManager transactions, @Value("${dynreg.replay.progress-every:200}") int progressEvery) {
        this.eligibility = eligibility;
        this.policies = policies;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.progressEvery = progressEvery;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.ownWrite = new TransactionTemplate(transactions);
        this.ownWrite.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** Replays one decision under its own version, or under {@code against} when given. */
    public ReplayOutcome replay(long decisionId, Integer against, String actor) {
        RecordedDecision d = eligibility.recorded(decisionId).orElseThrow(() -> new NotFoundException("decision", decisionId));
        ReplayOutcome outcome = compare(d, against, new HashMap<>());
        audit.record(actor, "decision.replay", "decision:" + decisionId, Map.of(
                "recordedVersion", d.policyVersion(), "replayedVersion", outcome.replayedVersion(),
                "identical", outcome.identical(), "mismatchedFields", outcome.mismatches().stream().map(ReplayOutcome.FieldMismatch::field).toList()));
        return outcome;
    }

    /**
     * Runs the recorded decision again and compares each output field. Under its own version, the
     * hash of the version's files as stored now must also equal the recorded one ({@code storedHashes}
     * keeps that hash per version for the length of a run).
     */
    ReplayOutcome compare(RecordedDecision d, Integer against, Map<Integer, String> storedHashes) {
        boolean own = against == null || against == d.policyVersion();
        CompiledPolicy policy = policies.version(own ? d.policyVersion() : against);
        List<ReplayOutcome.FieldMismatch> mismatches = new ArrayList<>();
        if (own) {
            String stored = storedHashes.computeIfAbsent(d.policyVersion(), policies::storedSha256);
            if (!stored.equals(d.policySha256())) {
                mismatches.add(new ReplayOutcome.FieldMismatch("policySha256", json.getNodeFactory().textNode(d.policySha256()),
                        json.getNodeFactory().textNode(stored)));
            }
        }
        List<OutcomeDifference> differences = List.of();
        try {
            Evaluation evaluation = EligibilityEvaluator.evaluate(policy, d.facts());
            Map<String, Object> replayed = Eligibility.outputsOf(evaluation);
            for (Map.Entry<String, JsonNode> recorded : d.outputs().entrySet()) {
                JsonNode now = json.valueToTree(replayed.get(recorded.getKey()));
                if (!Objects.equals(recorded.getValue(), now)) {
                    mismatches.add(new ReplayOutcome.FieldMismatch(recorded.getKey(), recorded.getValue(), now));
                }
            }
            if (!mismatches.isEmpty()) {
                // against another version, the decision under its own version (which replay verifies gives the
                // recorded outputs) is compared whole, exclusions included; under its own, the stored outputs are
                Evaluation before = own ? OutcomeComparison.recorded(d.policyVersion(), d.policySha256(), d.outputs())
                        : EligibilityEvaluator.evaluate(policies.version(d.policyVersion()), d.facts());
                differences = OutcomeComparison.between(before, evaluation);
            }
        } catch (PolicyFaultException e) {
            mismatches.add(new ReplayOutcome.FieldMismatch("evaluation", null, json.getNodeFactory().textNode(e.getMessage())));
        }
        return new ReplayOutcome(d.id(), d.householdId(), d.policyVersion(), d.policySha256(), policy.version(),
                policy.sha256(), mismatches.isEmpty(), List.copyOf(mismatches), differences);
    }

    /**
     * Starts replaying every decision the request selects, decided before the request when it names no earlier end;
     * returns the run at once, to be followed with {@link #run}. The run may wait behind another one: it counts its
     * decisions again when it begins, in the same snapshot of the database that it then goes through, so that its
     * total is exactly what it replays.
     */
    public ReplayRun start(ReplayRequest request, String actor) {
        Scopes.check(request.scope(), "from, to, province, district or program", request.from(), request.to(),
                request.province(), request.district(), request.program());
        if (request.against() != null) {
            policies.version(request.against());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant to = request.to() == null || request.to().isAfter(now) ? now : request.to();
        DecisionFilter filter = new DecisionFilter(request.from(), to, request.province(), request.district(), request.program());
        long total = eligibility.countRecorded(filter);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into replay_run (requested_by, requested_at, filter, against_version, "
                    + "state, total) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, actor);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, write(request));
            ps.setObject(4, request.against());
            ps.setString(5, ReplayRun.RUNNING);
            ps.setLong(6, total);
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        audit.record(actor, "replay.start", "replay:" + id, Map.of("filter", request, "decisions", total));
        log.info("replay run {} started by {} over {} decisions", id, actor, total);
        runner.submit(() -> execute(id, filter, request.against(), actor));
        return run(id, false);
    }

    private void execute(long id, DecisionFilter filter, Integer against, String actor) {
        long[] counts = new long[3];
        Map<Integer, String> storedHashes = new HashMap<>();
        try {
            snapshot.executeWithoutResult(s -> {
                long total = eligibility.countRecorded(filter);
                ownWrite.executeWithoutResult(w -> jdbc.update("update replay_run set total = ? where id = ?", total, id));
                eligibility.forEachRecorded(filter, d -> {
                    ReplayOutcome o = compare(d, against, storedHashes);
                    counts[0]++;
                    if (o.identical()) {
                        counts[1]++;
                    } else {
                        counts[2]++;
                        ownWrite.executeWithoutResult(w -> jdbc.update("insert into replay_mismatch (run_id, decision_id, fields) "
                                + "values (?, ?, ?)", id, d.id(), write(o)));
                    }
                    if (counts[0] % progressEvery == 0) {
                        ownWrite.executeWithoutResult(w -> progress(id, counts, null, null));
                    }
                });
            });
            progress(id, counts, ReplayRun.DONE, null);
            audit.record(actor, "replay.finish", "replay:" + id, Map.of("decisions", counts[0], "identical", counts[1],
                    "mismatched", counts[2]));
            log.info("replay run {} finished: {} decisions, {} identical, {} mismatched", id, counts[0], counts[1], counts[2]);
        } catch (RuntimeException e) {
            log.error("replay run {} failed after {} decisions", id, counts[0], e);
            progress(id, counts, ReplayRun.FAILED, String.valueOf(e.getMessage()));
            audit.record(actor, "replay.fail", "replay:" + id, Map.of("decisions", counts[0], "failure", String.valueOf(e.getMessage())));
        }
    }

    private void progress(long id, long[] counts, String state, String failure) {
        jdbc.update("update replay_run set done = ?, identical = ?, mismatched = ?, state = coalesce(?, state), "
                        + "finished_at = case when ? is null then finished_at else ? end, failure = ? where id = ?",
                counts[0], counts[1], counts[2], state, state, state == null ? null : Timestamp.from(clock.instant()), failure, id);
    }

    /** A run's progress; with {@code withMismatches}, every decision that did not replay identically. */
    public ReplayRun run(long id, boolean withMismatches) {
        List<ReplayRun> runs = jdbc.query("select * from replay_run where id = ?", (rs, i) -> new ReplayRun(rs.getLong("id"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), read(rs.getString("filter"), ReplayRequest.class),
                (Integer) rs.getObject("against_version"), rs.getString("state"), rs.getLong("total"), rs.getLong("done"),
                rs.getLong("identical"), rs.getLong("mismatched"),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), rs.getString("failure"),
                null, null), id);
        if (runs.isEmpty()) {
            throw new NotFoundException("replay run", id);
        }
        ReplayRun r = runs.get(0);
        List<ReplayOutcome> mismatches = withMismatches
                ? jdbc.query("select fields from replay_mismatch where run_id = ? order by decision_id",
                (rs, i) -> read(rs.getString(1), ReplayOutcome.class), id)
                : List.of();
        return new ReplayRun(r.id(), r.requestedBy(), r.requestedAt(), r.filter(), r.againstVersion(), r.state(), r.total(),
                r.done(), r.identical(), r.mismatched(), r.finishedAt(), r.failure(), mismatches, ReplayOutcome.byKind(mismatches));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not be written as JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored replay JSON is not readable", e);
        }
    }
}
