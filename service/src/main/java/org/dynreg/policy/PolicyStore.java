package org.dynreg.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tables of the policy lifecycle: bundles, their files, activations and recorded expectations. */
class PolicyStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PolicyStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A bundle row as uploaded, with its review so far (policy_review): its state is the review state only.
     */
    record Bundle(int version, String sha256, Integer basedOn, PolicyState reviewState, String comment,
                  String uploadedBy, Instant uploadedAt, String validatedBy, Instant validatedAt,
                  String approvedBy, Instant approvedAt, String approvalComment) {}

    /** One review step: the outcome of a check (DRAFT or VALIDATED) or an approval. */
    private record Review(PolicyState state, String by, Instant at, String comment) {}

    private static final RowMapper<Review> REVIEW = (rs, i) -> new Review(PolicyState.valueOf(rs.getString("state")),
            rs.getString("reviewed_by"), instant(rs.getTimestamp("reviewed_at")), rs.getString("comment"));

    private static final RowMapper<Activation> ACTIVATION = (rs, i) -> new Activation(rs.getLong("id"), rs.getInt("version"),
            rs.getString("kind"), instant(rs.getTimestamp("effective_from")), rs.getString("requested_by"),
            instant(rs.getTimestamp("requested_at")), rs.getString("comment"), rs.getString("cancelled_by"),
            instant(rs.getTimestamp("cancelled_at")), rs.getString("cancel_comment"));

    /** Activations with their cancellation, if any. */
    private static final String ACTIVATIONS = "select a.*, c.cancelled_by, c.cancelled_at, c.comment as cancel_comment "
            + "from policy_activation a left join policy_activation_cancellation c on c.activation_id = a.id ";

    /** Only the activations that count: those not cancelled. */
    private static final String NOT_CANCELLED = " and not exists (select 1 from policy_activation_cancellation c "
            + "where c.activation_id = policy_activation.id)";

    /**
     * The bundle and its review: approved once approved, else the outcome of its latest check, else the
     * state it was uploaded in.
     */
    Optional<Bundle> bundle(int version) {
        List<Review> reviews = jdbc.query("select state, reviewed_by, reviewed_at, comment from policy_review "
                + "where version = ? order by id", REVIEW, version);
        Review check = reviews.stream().filter(r -> r.state() != PolicyState.APPROVED).reduce((a, b) -> b).orElse(null);
        Review approval = reviews.stream().filter(r -> r.state() == PolicyState.APPROVED).findFirst().orElse(null);
        Review validated = check != null && check.state() == PolicyState.VALIDATED ? check : null;
        return jdbc.query("select * from policy_bundle where version = ?", (rs, i) -> new Bundle(rs.getInt("version"),
                rs.getString("sha256"), (Integer) rs.getObject("based_on"),
                approval != null ? PolicyState.APPROVED
                        : check != null ? check.state() : PolicyState.valueOf(rs.getString("uploaded_state")),
                rs.getString("comment"), rs.getString("uploaded_by"), instant(rs.getTimestamp("uploaded_at")),
                validated == null ? null : validated.by(), validated == null ? null : validated.at(),
                approval == null ? null : approval.by(), approval == null ? null : approval.at(),
                approval == null ? null : approval.comment()), version).stream().findFirst();
    }

    List<Integer> versions() {
        return jdbc.queryForList("select version from policy_bundle order by version", Integer.class);
    }

    Optional<Integer> versionWithSha(String sha256) {
        return jdbc.queryForList("select version from policy_bundle where sha256 = ? order by version", Integer.class, sha256)
                .stream().findFirst();
    }

    int nextVersion() {
        Integer last = jdbc.queryForObject("select max(version) from policy_bundle", Integer.class);
        return last == null ? 1 : last + 1;
    }

    void insertBundle(int version, List<PolicyFile> files, Integer basedOn, PolicyState state, String comment,
                      String actor, Instant at) {
        jdbc.update("insert into policy_bundle (version, sha256, based_on, uploaded_state, comment, uploaded_by, uploaded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", version, Hashes.bundleSha256(files), basedOn, state.name(), comment, actor,
                Timestamp.from(at));
        for (PolicyFile f : files) {
            jdbc.update("insert into policy_file (bundle_version, path, kind, sha256, content) values (?, ?, ?, ?, ?)",
                    version, f.path(), f.kind().name(), f.sha256(), f.content());
        }
    }

    List<PolicyFile> files(int version) {
        return jdbc.query("select path, content from policy_file where bundle_version = ? order by path",
                (rs, i) -> new PolicyFile(rs.getString(1), rs.getBytes(2)), version);
    }

    List<BundleSummary.FileSummary> fileSummaries(int version) {
        return jdbc.query("select path, kind, sha256 from policy_file where bundle_version = ? order by path",
                (rs, i) -> new BundleSummary.FileSummary(rs.getString(1), rs.getString(2), rs.getString(3)), version);
    }

    /**
     * Records the outcome of a check, DRAFT or VALIDATED, unless the version is approved already. Call
     * inside a transaction: the bundle row stays locked until it ends, so that checks and approvals of one
     * version follow one another.
     */
    void recordValidation(int version, boolean passed, ValidationReport report, String actor, Instant at) {
        if (lockedReviewState(version) != PolicyState.APPROVED) {
            insertReview(version, passed ? PolicyState.VALIDATED : PolicyState.DRAFT, actor, at, write(report), null);
        }
    }

    /** Approves a validated version; false when another request changed its state first. Call inside a transaction. */
    boolean approve(int version, String actor, String comment, Instant at) {
        if (lockedReviewState(version) != PolicyState.VALIDATED) {
            return false;
        }
        insertReview(version, PolicyState.APPROVED, actor, at, null, comment);
        return true;
    }

    private PolicyState lockedReviewState(int version) {
        lockBundle(version);
        return bundle(version).map(Bundle::reviewState).orElse(null);
    }

    private void insertReview(int version, PolicyState state, String actor, Instant at, String report, String comment) {
        jdbc.update("insert into policy_review (version, state, reviewed_by, reviewed_at, validation_report, comment) "
                + "values (?, ?, ?, ?, ?, ?)", version, state.name(), actor, Timestamp.from(at), report, comment);
    }

    void insertActivation(int version, String kind, Instant effectiveFrom, String actor, Instant at, String comment) {
        jdbc.update("insert into policy_activation (version, kind, effective_from, requested_by, requested_at, comment) "
                + "values (?, ?, ?, ?, ?, ?)", version, kind, Timestamp.from(effectiveFrom), actor, Timestamp.from(at), comment);
    }

    /** The version in force at {@code at}: the latest activation not after it that was not cancelled. */
    Optional<Integer> versionInForce(Instant at) {
        return jdbc.queryForList("select version from policy_activation where effective_from <= ?" + NOT_CANCELLED
                + " order by effective_from desc, id desc limit 1", Integer.class, Timestamp.from(at)).stream().findFirst();
    }

    /** Every activation, the cancelled ones included (with who cancelled them, when and why). */
    List<Activation> activations() {
        return jdbc.query(ACTIVATIONS + "order by a.effective_from, a.id", ACTIVATION);
    }

    Optional<Activation> activation(long id) {
        return jdbc.query(ACTIVATIONS + "where a.id = ?", ACTIVATION, id).stream().findFirst();
    }

    /** The activation, locked until the transaction ends, so that cancellations of one activation follow one another. */
    Optional<Activation> lockedActivation(long id) {
        jdbc.queryForList("select id from policy_activation where id = ? for update", Long.class, id);
        return activation(id);
    }

    /** The activations not cancelled whose effective time is after {@code now}, in order of effective time. */
    List<Activation> pending(Instant now) {
        return jdbc.query(ACTIVATIONS + "where a.effective_from > ? and c.activation_id is null order by a.effective_from, a.id",
                ACTIVATION, Timestamp.from(now));
    }

    List<Activation> activationsBetween(Instant from, Instant to) {
        return jdbc.query(ACTIVATIONS + "where a.effective_from > ? and a.effective_from <= ? and c.activation_id is null "
                + "order by a.effective_from, a.id", ACTIVATION, Timestamp.from(from), Timestamp.from(to));
    }

    void insertCancellation(long activationId, String actor, Instant at, String comment) {
        jdbc.update("insert into policy_activation_cancellation (activation_id, cancelled_by, cancelled_at, comment) "
                + "values (?, ?, ?, ?)", activationId, actor, Timestamp.from(at), comment);
    }

    /** Locks the bundle row until the transaction ends, so that activations of one version follow one another. */
    void lockBundle(int version) {
        jdbc.queryForList("select version from policy_bundle where version = ? for update", Integer.class, version);
    }

    /** When the version last came into force up to {@code now}, if it ever did. */
    Optional<Instant> lastInForceFrom(int version, Instant now) {
        return jdbc.queryForList("select max(effective_from) from policy_activation where version = ? and effective_from <= ?"
                        + NOT_CANCELLED, Timestamp.class, version, Timestamp.from(now)).stream().filter(t -> t != null)
                .map(Timestamp::toInstant).findFirst();
    }

    Optional<Instant> scheduledFrom(int version, Instant now) {
        return jdbc.queryForList("select min(effective_from) from policy_activation where version = ? and effective_from > ?"
                        + NOT_CANCELLED, Timestamp.class, version, Timestamp.from(now)).stream().filter(t -> t != null)
                .map(Timestamp::toInstant).findFirst();
    }

    void insertExpectation(int version, String household, JsonNode expected, JsonNode replaces, String reason,
                           String actor, Instant at) {
        jdbc.update("insert into reference_expectation (bundle_version, household, expected, replaces, reason, recorded_by, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", version, household, write(expected), write(replaces), reason, actor, Timestamp.from(at));
    }

    void insertAcceptedDifference(int version, String kind, String label, String reason, List<AcceptedDifference.Household> households,
                                  String actor, Instant at) {
        jdbc.update("insert into accepted_difference (bundle_version, kind, label, reason, households, accepted_by, accepted_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", version, kind, label, reason, write(households), actor, Timestamp.from(at));
    }

    /** The kinds of difference accepted under a version, in the order they were accepted. */
    List<AcceptedDifference> acceptedDifferences(int version) {
        return jdbc.query("select * from accepted_difference where bundle_version = ? order by id", (rs, i) -> {
            try {
                return new AcceptedDifference(rs.getLong("id"), rs.getInt("bundle_version"), rs.getString("kind"), rs.getString("label"),
                        rs.getString("reason"), List.of(json.readValue(rs.getString("households"), AcceptedDifference.Household[].class)),
                        rs.getString("accepted_by"), instant(rs.getTimestamp("accepted_at")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored JSON is not readable", e);
            }
        }, version);
    }

    /**
     * The expectations recorded for a version and the versions it is based on, the nearest first: a
     * household's expectation is the latest one recorded on the closest version of the line.
     */
    Map<String, RecordedExpectation> expectations(int version) {
        Map<String, RecordedExpectation> found = new LinkedHashMap<>();
        Integer v = version;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (v != null && seen.add(v)) {
            for (RecordedExpectation e : jdbc.query("select * from reference_expectation where bundle_version = ? order by id desc",
                    (rs, i) -> new RecordedExpectation(rs.getString("household"), rs.getInt("bundle_version"),
                            read(rs.getString("expected")), read(rs.getString("replaces")), rs.getString("reason"),
                            rs.getString("recorded_by"), instant(rs.getTimestamp("recorded_at"))), v)) {
                found.putIfAbsent(e.household(), e);
            }
            v = bundle(v).map(Bundle::basedOn).orElse(null);
        }
        return found;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not be written as JSON", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
