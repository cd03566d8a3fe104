package org.dynreg.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.database.AfterCommit;
import org.dynreg.eligibility.facts.HouseholdFacts;
import org.dynreg.eligibility.facts.MemberFacts;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.dynreg.registry.Survey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Scores households under the active policy and keeps every decision as evidence. */
@Service
public class Eligibility {
    /** The program whose outcome is kept in its own column for queries (the registry's headline program). */
    public static final String CASH_TRANSFER = "UCT";

    public static final String SCORE = "score";
    public static final String BREAKDOWN = "scoreBreakdown";
    public static final String LIKELIHOODS = "likelihoods";
    public static final String PROGRAMS = "programs";
    public static final String FIRED_RULES = "firedRules";
    public static final String REASONS = "reasons";

    private static final int STREAM_FETCH = 500;

    private static final Logger log = LoggerFactory.getLogger(Eligibility.class);

    private final Policies policies;
    private final EligibilityDecisions decisions;
    private final ObjectMapper json;
    private final Clock clock;
    private final JdbcTemplate streaming;
    private final DecisionIds decisionIds;
    private final ApplicationEventPublisher events;

    Eligibility(Policies policies, EligibilityDecisions decisions, ObjectMapper json, Clock clock, DataSource dataSource,
                DecisionIds decisionIds, ApplicationEventPublisher events) {
        this.events = events;
        this.policies = policies;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH);
        this.decisionIds = decisionIds;
    }

    /** Decides for a stored survey, within the caller's transaction, so survey and decision land together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public DecisionView decide(long householdId, long surveyId, Survey survey, String actor) {
        CompiledPolicy policy = policies.active();
        HouseholdFactsBuilder.Facts facts = HouseholdFactsBuilder.build(survey);
        Evaluation e = EligibilityEvaluator.evaluate(policy, facts);
        EligibilityDecision saved = decisions.save(new EligibilityDecision(decided(householdId, surveyId, facts, e), clock.instant(), actor));
        AfterCommit.run(() -> log.info("decision {} household {} survey {} policy v{} score {} cash-transfer {} stored", saved.id(),
                householdId, surveyId, e.policyVersion(), e.score(), saved.cashTransferEligible() ? "eligible" : "not eligible"));
        return view(saved);
    }

    /**
     * A decision as it is stored, before it is stored: the facts as its inputs and each output as JSON. Every
     * path that decides (a survey, a rescoring run) renders its decisions here, so a replay reads them all alike.
     */
    public Decided decided(long householdId, long surveyId, HouseholdFactsBuilder.Facts facts, Evaluation e) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("household", facts.household());
        inputs.put("members", facts.members());
        Map<String, Object> out = outputsOf(e);
        Evaluation.ProgramResult uct = e.program(CASH_TRANSFER);
        return new Decided(householdId, surveyId, e.policyVersion(), e.policySha256(), e.score(), uct != null && uct.eligible(),
                write(inputs), write(out.get(BREAKDOWN)), write(out.get(LIKELIHOODS)), write(out.get(PROGRAMS)),
                write(out.get(FIRED_RULES)), write(out.get(REASONS)));
    }

    /** The columns of one decision, rendered by {@link #decided}. */
    public record Decided(long householdId, long surveyId, int policyVersion, String policySha256, int score,
                          boolean cashTransferEligible, String inputs, String scoreBreakdown, String likelihoods,
                          String programs, String firedRules, String reasons) {}

    /**
     * Stores the decisions of one chunk of a registry-wide run with one JDBC batch, in the caller's transaction
     * (the chunk's, which also holds the run's progress). The database refuses a second decision for a household
     * in the same run ({@code decision_once_per_run}), so a run cannot decide a household twice even by mistake.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeRun(List<Decided> chunk, Instant decidedAt, String decidedBy, long jobInstance) {
        Map<Long, Previous> previous = latestOf(chunk.stream().map(Decided::householdId).toList());
        long[] ids = decisionIds.next(chunk.size());
        Timestamp at = Timestamp.from(decidedAt);
        streaming.batchUpdate("insert into eligibility_decision (id, household_id, survey_id, policy_version, policy_sha256, decided_at, "
                + "decided_by, score, cash_transfer_eligible, inputs, score_breakdown, likelihoods, programs, fired_rules, reasons, "
                + "batch_job_instance) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Decided d = chunk.get(i);
                ps.setLong(1, ids[i]);
                ps.setLong(2, d.householdId());
                ps.setLong(3, d.surveyId());
                ps.setInt(4, d.policyVersion());
                ps.setString(5, d.policySha256());
                ps.setTimestamp(6, at);
                ps.setString(7, decidedBy);
                ps.setInt(8, d.score());
                ps.setBoolean(9, d.cashTransferEligible());
                ps.setString(10, d.inputs());
                ps.setString(11, d.scoreBreakdown());
                ps.setString(12, d.likelihoods());
                ps.setString(13, d.programs());
                ps.setString(14, d.firedRules());
                ps.setString(15, d.reasons());
                ps.setLong(16, jobInstance);
            }

            @Override
            public int getBatchSize() {
                return chunk.size();
            }
        });
        List<EligibilityChanged> changed = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            Decided d = chunk.get(i);
            Previous before = previous.get(d.householdId());
            List<Evaluation.ProgramResult> after = read(d.programs(), new TypeReference<>() { });
            List<Evaluation.ProgramResult> was = before == null ? List.of() : before.programs();
            if (before != null && changedEligibility(was, after)) {
                changed.add(new EligibilityChanged(d.householdId(), ids[i], before.score(), d.score(), was, after));
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new RunChangedEligibility(decidedBy, changed));
        }
    }

    /**
     * A household whose eligibility for at least one program a rescoring run changed: its new decision, and the
     * score and programs of the decision before it.
     */
    public record EligibilityChanged(long householdId, long decisionId, int previousScore, int score,
                                     List<Evaluation.ProgramResult> before, List<Evaluation.ProgramResult> after) {}

    /**
     * Published in the transaction of a rescoring run's chunk, after its decisions are written, for the households
     * whose eligibility changed, so that they are told in the same transaction.
     */
    public record RunChangedEligibility(String decidedBy, List<EligibilityChanged> households) {}

    private record Previous(int score, List<Evaluation.ProgramResult> programs) {}

    private static boolean changedEligibility(List<Evaluation.ProgramResult> before, List<Evaluation.ProgramResult> after) {
        Map<String, Boolean> was = before.stream().collect(Collectors.toMap(Evaluation.ProgramResult::program,
                Evaluation.ProgramResult::eligible, (a, b) -> a));
        Map<String, Boolean> now = after.stream().collect(Collectors.toMap(Evaluation.ProgramResult::program,
                Evaluation.ProgramResult::eligible, (a, b) -> a));
        for (String program : java.util.stream.Stream.concat(was.keySet().stream(), now.keySet().stream()).collect(Collectors.toSet())) {
            if (was.getOrDefault(program, false) != now.getOrDefault(program, false)) {
                return true;
            }
        }
        return false;
    }

    /** The latest decision's score and programs of each of the households, with one query. */
    private Map<Long, Previous> latestOf(List<Long> householdIds) {
        Map<Long, Previous> latest = new java.util.HashMap<>();
        if (householdIds.isEmpty()) {
            return latest;
        }
        String marks = householdIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        streaming.query("select h.id, d.score, d.programs from household h join eligibility_decision d on d.id = "
                + "(select x.id from eligibility_decision x where x.household_id = h.id order by x.decided_at desc, x.id desc limit 1) "
                + "where h.id in (" + marks + ")", (RowCallbackHandler) rs -> latest.put(rs.getLong(1),
                new Previous(rs.getInt(2), read(rs.getString(3), new TypeReference<>() { }))), householdIds.toArray());
        return latest;
    }

    /**
     * The output fields of an evaluation by name, as a decision stores them; a replay compares these
     * field by field with the stored ones.
     */
    public static Map<String, Object> outputsOf(Evaluation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(SCORE, e.score());
        out.put(BREAKDOWN, e.breakdown());
        out.put(LIKELIHOODS, e.likelihoods());
        out.put(PROGRAMS, e.programs());
        out.put(FIRED_RULES, e.firedRules());
        out.put(REASONS, e.reasons());
        return out;
    }

    /** A stored decision with its facts and stored outputs, for replay. */
    public Optional<RecordedDecision> recorded(long id) {
        List<RecordedDecision> found = new ArrayList<>();
        streaming.query(RECORDED + " where d.id = ?", (RowCallbackHandler) rs -> found.add(recorded(rs)), id);
        return found.stream().findFirst();
    }

    /** How many stored decisions the filter selects. */
    public long countRecorded(DecisionFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long n = streaming.queryForObject("select count(*) from eligibility_decision d join household h on h.id = d.household_id"
                + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Streams the stored decisions the filter selects, in id order, without holding them all in memory. */
    public void forEachRecorded(DecisionFilter filter, Consumer<RecordedDecision> each) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        streaming.query(RECORDED + where + " order by d.id", (RowCallbackHandler) rs -> each.accept(recorded(rs)), args.toArray());
    }

    /**
     * Streams every household of a province or district (both optional) with the facts of its latest
     * decision, which are those of its latest survey.
     */
    public void forEachCurrentHousehold(String province, String district, Consumer<CurrentHousehold> each) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select h.id, h.province, h.district, d.inputs from household h "
                + "join eligibility_decision d on d.id = (select x.id from eligibility_decision x where x.household_id = h.id "
                + "order by x.decided_at desc, x.id desc limit 1) where 1 = 1");
        if (province != null) {
            sql.append(" and h.province = ?");
            args.add(province);
        }
        if (district != null) {
            sql.append(" and h.district = ?");
            args.add(district);
        }
        sql.append(" order by h.id");
        streaming.query(sql.toString(), (RowCallbackHandler) rs -> each.accept(new CurrentHousehold(rs.getLong(1),
                rs.getString(2), rs.getString(3), facts(rs.getString(4)))), args.toArray());
    }

    private static final String RECORDED = "select d.id, d.household_id, h.province, h.district, d.decided_at, d.policy_version, "
            + "d.policy_sha256, d.score, d.inputs, d.score_breakdown, d.likelihoods, d.programs, d.fired_rules, d.reasons "
            + "from eligibility_decision d join household h on h.id = d.household_id";

    private static String where(DecisionFilter f, List<Object> args) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (f.from() != null) {
            w.append(" and d.decided_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            w.append(" and d.decided_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (f.province() != null) {
            w.append(" and h.province = ?");
            args.add(f.province());
        }
        if (f.district() != null) {
            w.append(" and h.district = ?");
            args.add(f.district());
        }
        if (f.program() != null) {
            w.append(" and JSON_CONTAINS(d.programs, JSON_OBJECT('program', ?, 'eligible', true))");
            args.add(f.program());
        }
        return w.toString();
    }

    private RecordedDecision recorded(ResultSet rs) throws SQLException {
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        outputs.put(SCORE, json.getNodeFactory().numberNode(rs.getInt("score")));
        outputs.put(BREAKDOWN, tree(rs.getString("score_breakdown")));
        outputs.put(LIKELIHOODS, tree(rs.getString("likelihoods")));
        outputs.put(PROGRAMS, tree(rs.getString("programs")));
        outputs.put(FIRED_RULES, tree(rs.getString("fired_rules")));
        outputs.put(REASONS, tree(rs.getString("reasons")));
        return new RecordedDecision(rs.getLong("id"), rs.getLong("household_id"), rs.getString("province"),
                rs.getString("district"), rs.getTimestamp("decided_at").toInstant(), rs.getInt("policy_version"),
                rs.getString("policy_sha256"), facts(rs.getString("inputs")), outputs);
    }

    /** The facts a decision stored as its inputs, read back into the objects the tables match. */
    HouseholdFactsBuilder.Facts facts(String inputs) {
        JsonNode node = tree(inputs);
        HouseholdFacts household;
        try {
            household = json.treeToValue(node.get("household"), HouseholdFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision inputs are not readable", e);
        }
        List<MemberFacts> members = new ArrayList<>();
        for (JsonNode m : node.get("members")) {
            members.add(new MemberFacts(m.get("line").asInt(), m.get("age").asInt(), m.get("relation").asText(),
                    m.get("gender").asText(), m.get("maritalStatus").asText(), m.get("disabled").asBoolean(),
                    m.get("inSchool").asBoolean()));
        }
        return new HouseholdFactsBuilder.Facts(household, members);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision is not readable JSON", e);
        }
    }

    @Transactional(readOnly = true)
    public Optional<DecisionView> decision(long id) {
        return decisions.findById(id).map(this::view);
    }

    /**
     * One indicator of a decision's score as a person reads it: the question, the household's answer, the points, and
     * the decision table row that gave them ({@code source}: file, sheet and row, or null when the decision did not
     * record the rule as fired).
     */
    public record ScoreLine(int indicator, String question, String answer, int points, String source) {}

    /**
     * The score breakdown of a decision with the table row of each indicator, read from what the decision recorded:
     * an indicator's answer is the name of the rule that gave its points, and the fired rules name their rows.
     * Nothing is evaluated again, so a decision reads the same whatever the policy is today.
     */
    public static List<ScoreLine> scoreLines(DecisionView d) {
        Map<String, String> rows = new java.util.HashMap<>();
        if (d.firedRules() != null) {
            for (Evaluation.FiredRule r : d.firedRules()) {
                rows.putIfAbsent(r.rule(), r.source());
            }
        }
        return d.scoreBreakdown() == null ? List.of() : d.scoreBreakdown().stream()
                .map(i -> new ScoreLine(i.indicator(), i.question(), i.answer(), i.points(), rows.get(i.answer())))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<DecisionView> decisionsOf(long householdId) {
        return decisions.findByHouseholdIdOrderByDecidedAtAscIdAsc(householdId).stream().map(this::view).toList();
    }

    private DecisionView view(EligibilityDecision d) {
        return new DecisionView(d.id(), d.householdId(), d.surveyId(), d.policyVersion(), d.policySha256(),
                d.decidedAt(), d.decidedBy(), d.score(),
                read(d.scoreBreakdown(), new TypeReference<>() { }),
                read(d.likelihoods(), new TypeReference<>() { }),
                read(d.programs(), new TypeReference<>() { }),
                read(d.firedRules(), new TypeReference<>() { }),
                read(d.reasons(), new TypeReference<>() { }));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision could not be written as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored decision is not readable JSON", e);
        }
    }
}
