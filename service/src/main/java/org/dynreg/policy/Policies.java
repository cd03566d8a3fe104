package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy lifecycle. A bundle version (decision tables, rules and the processes of the case types) is uploaded
 * (stored only if its tables and rules compile and its processes pass the {@link ProcessCheck}), checked against the
 * reference households, approved by a second policy officer and activated from an effective time;
 * roll-back activates an earlier version under the same rule. Which version is in force at any instant
 * follows from the activations stored in the database, so every instance on one database agrees, and
 * each evaluation takes one compiled version and runs wholly under it. On a fresh installation the
 * repository's default bundle becomes version 1 at start-up, before the service accepts requests.
 */
@Service
public class Policies implements SmartInitializingSingleton {
    static final List<String> DEFAULT_BUNDLE = List.of("classpath*:policy-bundle/**/*.drl*", "classpath*:policy-bundle/processes/*.bpmn");
    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(Policies.class);

    private final PolicyStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RegressionGate gate;
    private final ApplicationEventPublisher events;
    private final Duration lookAhead;
    private final boolean cancelBySecondOfficer;
    private final TransactionTemplate refusals;
    private final PolicyCompiler compiler = new PolicyCompiler();
    private final ProcessCheck processCheck;
    private final ProcessWalks walks;
    private final Map<Integer, CompiledPolicy> compiled = new ConcurrentHashMap<>();
    private volatile int lastSeenInForce;

    Policies(JdbcTemplate jdbc, ObjectMapper json, TransactionTemplate tx, Clock clock, RegressionGate gate,
             ApplicationEventPublisher events, ProcessCheck processCheck, ProcessWalks walks,
             @Value("${dynreg.policy.compile-ahead:PT5M}") Duration lookAhead,
             @Value("${dynreg.policy.cancel-by-second-officer:false}") boolean cancelBySecondOfficer) {
        this.store = new PolicyStore(jdbc, json);
        this.processCheck = processCheck;
        this.walks = walks;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.gate = gate;
        this.lookAhead = lookAhead;
        this.cancelBySecondOfficer = cancelBySecondOfficer;
        this.refusals = new TransactionTemplate(tx.getTransactionManager());
        this.refusals.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Start-up, before the web server accepts requests: installs the default bundle on a fresh installation
     * and compiles the policy in force, so that no request installs or waits for a policy.
     */
    @Override
    public void afterSingletonsInstantiated() {
        installDefaultIfNone();
        active();
    }

    /**
     * Compiles versions due to come into force soon, so the switch at their effective time costs no
     * request a compilation; on every instance, since each keeps its own compiled rules.
     */
    @Scheduled(fixedDelayString = "${dynreg.policy.poll:PT15S}", initialDelayString = "${dynreg.policy.poll:PT15S}")
    void compileScheduled() {
        Instant now = clock.instant();
        for (Activation a : store.activationsBetween(now.minus(lookAhead), now.plus(lookAhead))) {
            version(a.version());
        }
        active();
    }

    // ---- the rules in force ----

    /** The policy in force now. */
    public CompiledPolicy active() {
        return at(clock.instant());
    }

    /** The policy in force at an instant (the version of the latest activation not after it). */
    public CompiledPolicy at(Instant instant) {
        int version = store.versionInForce(instant).orElseThrow(() -> new IllegalStateException("no policy version is in "
                + "force at " + instant + "; version 1 comes into force when the service first starts"));
        CompiledPolicy policy = version(version);
        if (version != lastSeenInForce && !instant.isBefore(clock.instant().minusSeconds(1))) {
            lastSeenInForce = version;
            log.info("policy version {} in force (sha256 {})", version, policy.sha256());
        }
        return policy;
    }

    /** A stored version, compiled (and kept) on first use; refused if its stored files no longer match their hash. */
    public CompiledPolicy version(int version) {
        CompiledPolicy policy = compiled.get(version);
        if (policy != null) {
            return policy;
        }
        return compiled.computeIfAbsent(version, v -> {
            PolicyStore.Bundle bundle = bundle(v);
            CompiledPolicy c = compiler.compile(v, store.files(v), false);
            if (!c.sha256().equals(bundle.sha256())) {
                throw new IllegalStateException("the stored files of policy version " + v + " no longer match the hash "
                        + "recorded when it was uploaded (" + bundle.sha256() + " recorded, " + c.sha256() + " now)");
            }
            return c;
        });
    }

    /**
     * Installs the repository's default bundle as version 1 when no version is in force, in a transaction of its
     * own. Several instances may start at once on one database: the one whose insert loses the race reads the
     * winner's version in a new transaction, which sees it, and carries on.
     */
    private void installDefaultIfNone() {
        TransactionTemplate own = new TransactionTemplate(tx.getTransactionManager());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (own.execute(s -> store.versionInForce(clock.instant())).isPresent()) {
            return;
        }
        List<PolicyFile> files = defaultBundle();
        CompiledPolicy policy = compileCandidate(1, files);
        Instant now = now();
        try {
            own.executeWithoutResult(s -> {
                store.insertBundle(1, files, null, PolicyState.VALIDATED, "Default policy from the repository's decision-tables/, rules/ and processes/", SYSTEM, now);
                store.approve(1, SYSTEM, "installed with the service", now);
                store.insertActivation(1, Activation.INSTALL, now, SYSTEM, now, "installed with the service");
                events.publishEvent(new PolicyAction(SYSTEM, PolicyAction.INSTALL, 1, Map.of("sha256", policy.sha256(),
                        "files", files.stream().map(f -> f.path() + " " + f.sha256()).toList())));
            });
            compiled.put(1, policy);
            log.info("installed the default policy bundle as version 1 ({} files, sha256 {})", files.size(), policy.sha256());
        } catch (DuplicateKeyException e) {
            int winner = own.execute(s -> store.versionInForce(clock.instant())).orElseThrow(() -> new IllegalStateException(
                    "another instance stored policy version 1 but no version is in force", e));
            log.info("another instance installed the default policy bundle first; version {} is in force", winner);
        }
    }

    // ---- upload and review ----

    /**
     * Checks files without storing anything: compile problems, the reference households under the base version's
     * expectations, and what the files change against the base version (the one they would replace). With
     * {@code whole}, the files are the complete bundle; otherwise they are checked together with the rest of the base
     * version's files (the version in force when null), as an upload of changed tables would be.
     */
    public ValidationReport check(List<PolicyFile> files, boolean whole, Integer base, String actor) {
        return check(files, whole, base, false, actor);
    }

    /**
     * As {@link #check(List, boolean, Integer, String)}; a CONDITION or ACTION column of the base version removed or
     * renamed is a problem unless {@code columnChangesIntended} (see {@link ColumnChanges}).
     */
    public ValidationReport check(List<PolicyFile> files, boolean whole, Integer base, boolean columnChangesIntended, String actor) {
        if (files.isEmpty()) {
            throw new PolicyRejectedException(List.of(PolicyProblem.inFile("(bundle)", "no files were chosen to check")));
        }
        int basedOn = base != null ? bundle(base).version() : active().version();
        List<PolicyFile> bundle = whole ? files : carryOver(store.files(basedOn), files);
        List<ColumnChanges.Changed> columns = ColumnChanges.between(basedOn, store.files(basedOn), bundle);
        ValidationReport report;
        try {
            CompiledPolicy candidate = compileCandidate(0, bundle, columns, columnChangesIntended);
            report = new ValidationReport(List.of(), gate.check(candidate, store.expectations(basedOn)), walk(bundle));
        } catch (PolicyRejectedException e) {
            report = new ValidationReport(e.problems(), List.of());
        }
        ValidationReport r = report.against(PolicyDiff.between(basedOn, store.files(basedOn), BundleDiff.CHECKED, bundle));
        tx.executeWithoutResult(st -> events.publishEvent(new PolicyAction(actor, PolicyAction.CHECK, null, Map.of(
                "files", files.stream().map(f -> f.path() + " " + f.sha256()).toList(), "passed", r.passed(),
                "problems", r.problems().size(), "differing", r.mismatches().stream().map(ReferenceCheck::household).toList(),
                "failedWalks", r.failedWalks().stream().map(WalkCheck::walk).toList(),
                "columnChanges", columnChanges(columns, columnChangesIntended)))));
        return r;
    }


    /**
     * Stores a complete bundle as a new DRAFT version, or, with {@code base}, the given files on top of
     * that version's (same path replaced, new path added). A bundle that does not compile is refused
     * whole and nothing is stored. The new version is then checked against the reference households
     * and becomes VALIDATED when all agree.
     */
    public UploadResult upload(List<PolicyFile> files, Integer base, String comment, String actor) {
        return upload(files, base, comment, false, actor);
    }

    /**
     * As {@link #upload(List, Integer, String, String)}; a CONDITION or ACTION column of the base version removed or
     * renamed is refused unless {@code columnChangesIntended}, which the upload's audit entry records with the columns.
     */
    public UploadResult upload(List<PolicyFile> files, Integer base, String comment, boolean columnChangesIntended, String actor) {
        requireText(comment, "comment", "a comment saying why is required");
        if (files.isEmpty()) {
            throw new PolicyRejectedException(List.of(PolicyProblem.inFile("(bundle)", "no files were uploaded")));
        }
        int basedOn = base != null ? base : active().version();
        List<PolicyFile> bundle = base == null ? files : carryOver(store.files(bundle(base).version()), files);
        String sha = Hashes.bundleSha256(bundle);
        store.versionWithSha(sha).ifPresent(v -> {
            throw new PolicyConflictException("the uploaded bundle is identical to version " + v
                    + " (sha256 " + sha + "); activate that version instead of uploading it again");
        });
        List<ColumnChanges.Changed> columns = ColumnChanges.between(basedOn, store.files(basedOn), bundle);
        CompiledPolicy candidate = compileCandidate(0, bundle, columns, columnChangesIntended);
        Instant now = now();
        int version = storeNewVersion(bundle, basedOn, comment, actor, now, columnChanges(columns, columnChangesIntended));
        compiled.put(version, new CompiledPolicy(version, candidate.sha256(), candidate.kieBase(), candidate.ruleSources(),
                candidate.generatedDrl()));
        log.info("policy version {} uploaded by {} ({} files, based on version {}, sha256 {})", version, actor,
                bundle.size(), basedOn, sha);
        ValidationReport report = validate(version, actor).against(diff(basedOn, version));
        return new UploadResult(summary(version), report);
    }

    /**
     * Changed files on top of {@code base}, or of the version in force when none is given (the rest is carried
     * over from it), as {@link #upload} with a base.
     */
    public UploadResult uploadChanges(List<PolicyFile> files, Integer base, String comment, String actor) {
        return uploadChanges(files, base, comment, false, actor);
    }

    /** As {@link #uploadChanges(List, Integer, String, String)}, with the column changes declared intended or not. */
    public UploadResult uploadChanges(List<PolicyFile> files, Integer base, String comment, boolean columnChangesIntended, String actor) {
        return upload(files, base == null ? active().version() : base, comment, columnChangesIntended, actor);
    }

    /** What the audit entry of a check or upload says of its column changes: whether declared intended, and which. */
    private static Map<String, Object> columnChanges(List<ColumnChanges.Changed> columns, boolean intended) {
        return Map.of("declaredIntended", intended, "columns", columns.stream().map(ColumnChanges.Changed::summary).toList());
    }

    private int storeNewVersion(List<PolicyFile> bundle, int basedOn, String comment, String actor, Instant now,
                                Map<String, Object> columnChanges) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(s -> {
                    int version = store.nextVersion();
                    store.insertBundle(version, bundle, basedOn, PolicyState.DRAFT, comment.strip(), actor, now);
                    events.publishEvent(new PolicyAction(actor, PolicyAction.UPLOAD, version, Map.of("basedOn", basedOn,
                            "sha256", Hashes.bundleSha256(bundle), "comment", comment.strip(),
                            "files", bundle.stream().map(f -> f.path() + " " + f.sha256()).toList(),
                            "columnChanges", columnChanges)));
                    return version;
                });
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw new PolicyConflictException("other uploads kept taking the next version number; upload again");
                }
            }
        }
    }

    /**
     * A candidate bundle compiled, its process files checked as well: every problem of both, or the compiled rules.
     * Stored versions are not checked again when they are compiled later: they were when they were uploaded.
     */
    private CompiledPolicy compileCandidate(int version, List<PolicyFile> bundle) {
        return compileCandidate(version, bundle, List.of(), true);
    }

    /** As {@link #compileCandidate(int, List)}, the removed or renamed columns refused with the rest unless intended. */
    private CompiledPolicy compileCandidate(int version, List<PolicyFile> bundle, List<ColumnChanges.Changed> columns,
                                           boolean columnChangesIntended) {
        List<PolicyProblem> problems = new ArrayList<>();
        if (!columnChangesIntended) {
            columns.forEach(c -> problems.add(c.problem()));
        }
        CompiledPolicy compiledRules = null;
        try {
            compiledRules = compiler.compile(version, bundle);
        } catch (PolicyRejectedException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(processCheck.check(bundle.stream().filter(f -> f.kind() == PolicyFile.Kind.PROCESS).toList()));
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        return compiledRules;
    }

    /**
     * The base version's files with the changed ones put in (same path replaced, new path added). A base stored
     * before processes joined the bundle holds none: it carries the processes the service was built with (the
     * repository's processes/, which ran its cases until then), so that a changed table alone can still be uploaded.
     */
    private static List<PolicyFile> carryOver(List<PolicyFile> base, List<PolicyFile> changed) {
        Map<String, PolicyFile> byPath = new LinkedHashMap<>();
        if (base.stream().noneMatch(f -> f.kind() == PolicyFile.Kind.PROCESS)) {
            defaultBundle().stream().filter(f -> f.kind() == PolicyFile.Kind.PROCESS).forEach(f -> byPath.put(f.path(), f));
        }
        base.forEach(f -> byPath.put(f.path(), f));
        changed.forEach(f -> byPath.put(f.path(), f));
        List<PolicyFile> merged = new ArrayList<>(byPath.values());
        merged.sort(Comparator.comparing(PolicyFile::path));
        return merged;
    }

    /** Re-checks a stored version against the reference households; DRAFT and VALIDATED follow the result. */
    public ValidationReport validate(int version, String actor) {
        bundle(version);
        ValidationReport report = new ValidationReport(List.of(), gate.check(version(version), store.expectations(version)),
                walk(store.files(version)));
        tx.executeWithoutResult(st -> {
            store.recordValidation(version, report.passed(), report, actor, now());
            events.publishEvent(new PolicyAction(actor, PolicyAction.VALIDATE, version, Map.of("passed", report.passed(),
                    "referenceHouseholds", report.references().size(),
                    "differing", report.mismatches().stream().map(ReferenceCheck::household).toList(),
                    "referenceWalks", report.walks().size(),
                    "failedWalks", report.failedWalks().stream().map(WalkCheck::walk).toList())));
        });
        log.info("policy version {} checked by {}: {} of {} reference households as expected, {} of {} reference walks as scripted",
                version, actor, report.references().size() - report.mismatches().size(), report.references().size(),
                report.walks().size() - report.failedWalks().size(), report.walks().size());
        return report;
    }

    /**
     * Records a new expected outcome for a reference household under a version still in review, with
     * the reason; without {@code expected}, the outcome the version gives becomes the expectation. The
     * expectation it replaces is kept beside it. Returns the version's check afterwards.
     */
    public ValidationReport recordExpectation(int version, String household, JsonNode expected, String reason, String actor) {
        requireText(reason, "reason", "a reason for the new expected outcome is required");
        PolicyStore.Bundle b = bundle(version);
        if (b.reviewState() == PolicyState.APPROVED) {
            throw new PolicyConflictException("version " + version + " is already approved; its expectations can no longer change");
        }
        CompiledPolicy policy = version(version);
        ReferenceCheck current = gate.check(policy, store.expectations(version)).stream()
                .filter(c -> c.household().equals(household)).findFirst()
                .orElseThrow(() -> new NotFoundException("reference household", household));
        JsonNode newExpected = expected == null || expected.isNull() ? gate.outcome(policy, household) : gate.expectation(expected);
        tx.executeWithoutResult(st -> {
            store.insertExpectation(version, household, newExpected, current.expected(), reason.strip(), actor, now());
            events.publishEvent(new PolicyAction(actor, PolicyAction.EXPECTATION, version, Map.of("household", household,
                    "reason", reason.strip(), "expected", newExpected, "replaces", current.expected())));
        });
        log.info("policy version {}: new expected outcome of reference household {} recorded by {}", version, household, actor);
        return validate(version, actor);
    }

    /**
     * Accepts one kind of difference (e.g. {@code CUTOFF:UCT}, {@code WORDING}; a kind per program without the program
     * means every program's) for every reference household that shows it under a version still in review, with one
     * reason: each such household's expectation takes that part of the outcome the version gives, recorded as a new
     * expectation with the reason (the one it replaces is kept beside it), and the acceptance is kept for the approver
     * with each household's change. Other kinds of difference stay open. Returns the version's check afterwards.
     */
    public ValidationReport acceptDifferences(int version, String kindKey, String reason, String actor) {
        requireText(kindKey, "kind", "the kind of difference to accept is required, e.g. CUTOFF:UCT or WORDING");
        requireText(reason, "reason", "a reason for accepting this kind of difference is required");
        OutcomeDifference.Kind kind;
        try {
            kind = OutcomeDifference.kindOf(kindKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind", e.getMessage());
        }
        String program = OutcomeDifference.programOf(kindKey.strip());
        PolicyStore.Bundle b = bundle(version);
        if (b.reviewState() == PolicyState.APPROVED) {
            throw new PolicyConflictException("version " + version + " is already approved; its expectations can no longer change");
        }
        CompiledPolicy policy = version(version);
        String label = OutcomeDifference.label(kind, program);
        List<AcceptedDifference.Household> changes = new ArrayList<>();
        Map<String, JsonNode[]> newExpectations = new LinkedHashMap<>();
        for (ReferenceCheck c : gate.check(policy, store.expectations(version))) {
            List<OutcomeDifference> ofKind = c.found().stream()
                    .filter(d -> d.kind() == kind && (program == null || program.equals(d.program()))).toList();
            if (ofKind.isEmpty() || c.actual() == null) {
                continue;
            }
            JsonNode accepted;
            try {
                accepted = c.expected();
                for (String p : ofKind.stream().map(OutcomeDifference::program).distinct().toList()) {
                    accepted = gate.accepting(accepted, c.actual(), kind, p);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("kind", e.getMessage());
            }
            newExpectations.put(c.household(), new JsonNode[] {accepted, c.expected()});
            ofKind.forEach(d -> changes.add(new AcceptedDifference.Household(c.household(), d.field(), d.expected(), d.actual())));
        }
        if (newExpectations.isEmpty()) {
            throw new PolicyConflictException("no reference household differs in " + label + " under version " + version
                    + "; nothing to accept");
        }
        String why = reason.strip();
        String key = OutcomeDifference.key(kind, program);
        Instant now = now();
        tx.executeWithoutResult(st -> {
            newExpectations.forEach((household, e) -> store.insertExpectation(version, household, e[0], e[1],
                    "accepted " + label + ": " + why, actor, now));
            store.insertAcceptedDifference(version, key, label, why, changes, actor, now);
            events.publishEvent(new PolicyAction(actor, PolicyAction.ACCEPT, version, Map.of("kind", key, "reason", why,
                    "households", List.copyOf(newExpectations.keySet()))));
        });
        log.info("policy version {}: {} accepted by {} for {} reference households", version, label, actor, newExpectations.size());
        return validate(version, actor);
    }

    /** The kinds of difference accepted under a version, with their reasons and each household's change. */
    public List<AcceptedDifference> acceptedDifferences(int version) {
        bundle(version);
        return store.acceptedDifferences(version);
    }

    /**
     * Approves a validated version. The approver must not be its uploader, and every reference
     * household must give its expected outcome at the moment of approval. A refusal is recorded in the audit trail.
     */
    public BundleSummary approve(int version, String comment, String actor) {
        return recordingRefusal(actor, PolicyAction.APPROVE, version, Map.of(), () -> approving(version, comment, actor));
    }

    private BundleSummary approving(int version, String comment, String actor) {
        requireText(comment, "comment", "a comment is required to approve");
        PolicyStore.Bundle b = bundle(version);
        secondOfficer(b, actor, "approve");
        if (b.reviewState() == PolicyState.APPROVED) {
            throw new PolicyConflictException("version " + version + " is already approved");
        }
        ValidationReport report = validate(version, actor);
        if (!report.passed()) {
            List<String> why = new ArrayList<>();
            if (!report.mismatches().isEmpty()) {
                why.add(report.mismatches().size() + " reference household(s) give a different outcome ("
                        + String.join(", ", report.differencesByKind().stream().map(g -> g.label() + " in " + g.householdCount()).toList())
                        + "); accept each intended kind of difference with a reason, or correct the tables");
            }
            for (WalkCheck w : report.failedWalks()) {
                why.add("the reference walk " + w.walk() + " fails: " + w.reason());
            }
            throw new PolicyConflictException("version " + version + " cannot be approved: " + String.join("; ", why), report);
        }
        tx.executeWithoutResult(st -> {
            if (!store.approve(version, actor, comment.strip(), now())) {
                throw new PolicyConflictException("version " + version + " changed state while it was being approved; look at it again");
            }
            events.publishEvent(new PolicyAction(actor, PolicyAction.APPROVE, version, Map.of("comment", comment.strip(),
                    "uploadedBy", b.uploadedBy())));
        });
        log.info("policy version {} approved by {}", version, actor);
        return summary(version);
    }

    /**
     * Puts an approved version in force from {@code effectiveFrom} (now when null; a future time
     * schedules it). The version is compiled before the activation is stored, so the switch never
     * waits for or fails on a compilation. Not by the version's uploader, and not while an activation of the version
     * is pending (cancel that one first). A refusal is recorded in the audit trail.
     */
    public Activation activate(int version, Instant effectiveFrom, String comment, String actor) {
        Map<String, Object> asked = effectiveFrom == null ? Map.of() : Map.of("effectiveFrom", effectiveFrom.toString());
        return recordingRefusal(actor, PolicyAction.ACTIVATE, version, asked,
                () -> activation(version, effectiveFrom, comment, actor, Activation.ACTIVATE));
    }

    /**
     * Puts an earlier version, one that was in force before, back in force now, under the same rule as activation.
     * Activations still pending stay pending (a roll-back is not a cancellation): the answer lists them with a warning,
     * so that whoever rolls back can cancel those that should not happen. A refusal is recorded in the audit trail.
     */
    public RollBack rollBack(int version, String comment, String actor) {
        bundle(version);
        Activation done = recordingRefusal(actor, PolicyAction.ROLLBACK, version, Map.of(), () -> {
            if (store.lastInForceFrom(version, now()).isEmpty()) {
                throw new PolicyConflictException("version " + version + " has never been in force, so there is nothing to roll back to; "
                        + "activate it instead");
            }
            return activation(version, null, comment, actor, Activation.ROLLBACK);
        });
        List<Activation> pending = store.pending(done.effectiveFrom());
        String warning = pending.isEmpty() ? null : pendingWarning(version, pending);
        if (warning != null) {
            log.warn("policy roll-back to version {} by {}: {}", version, actor, warning);
        }
        return new RollBack(done, pending, warning);
    }

    /** The sentence that tells whoever rolled back which activations remain pending. */
    static String pendingWarning(int version, List<Activation> pending) {
        StringBuilder s = new StringBuilder("version " + version + " is back in force, but " + pending.size()
                + (pending.size() == 1 ? " scheduled activation is" : " scheduled activations are")
                + " still pending and will put " + (pending.size() == 1 ? "its version" : "their versions")
                + " in force at the time given unless cancelled: ");
        for (int i = 0; i < pending.size(); i++) {
            Activation a = pending.get(i);
            s.append(i == 0 ? "" : ", ").append("activation ").append(a.id()).append(" (version ").append(a.version())
                    .append(" from ").append(a.effectiveFrom()).append(')');
        }
        return s.toString();
    }

    /**
     * Cancels a scheduled activation before its effective time, with the reason. The activation stays listed, marked
     * cancelled (who, when, why), and no longer counts for the version in force, the scheduled time or the compilation
     * ahead. Refused once its effective time has passed or when it is cancelled already. Whether the version's
     * uploader may cancel follows the setting dynreg.policy.cancel-by-second-officer (decision 0039: by default any
     * policy officer may, as cancelling keeps the version in force that was reviewed). A refusal is recorded in the
     * audit trail.
     */
    public Activation cancelActivation(long id, String comment, String actor) {
        Activation found = store.activation(id).orElseThrow(() -> new NotFoundException("policy activation", id));
        return recordingRefusal(actor, PolicyAction.CANCEL, found.version(), Map.of("activation", id), () -> {
            requireText(comment, "comment", "a comment saying why the activation is cancelled is required");
            if (cancelBySecondOfficer) {
                secondOfficer(bundle(found.version()), actor, "cancel an activation of");
            }
            Instant now = now();
            tx.executeWithoutResult(st -> {
                Activation a = store.lockedActivation(id).orElseThrow();
                if (a.cancelled()) {
                    throw new PolicyConflictException("activation " + id + " (version " + a.version() + " from " + a.effectiveFrom()
                            + ") was already cancelled by " + a.cancelledBy() + " at " + a.cancelledAt());
                }
                if (!a.effectiveFrom().isAfter(now)) {
                    throw new PolicyConflictException("activation " + id + " (version " + a.version() + ") took effect at "
                            + a.effectiveFrom() + "; an activation can only be cancelled before its effective time. "
                            + "Roll back to the version wanted instead");
                }
                store.insertCancellation(id, actor, now, comment.strip());
                events.publishEvent(new PolicyAction(actor, PolicyAction.CANCEL, a.version(), Map.of("activation", id,
                        "kind", a.kind(), "effectiveFrom", a.effectiveFrom().toString(), "requestedBy", a.requestedBy(),
                        "comment", comment.strip())));
            });
            log.info("policy activation {} (version {} from {}) cancelled by {}", id, found.version(), found.effectiveFrom(), actor);
            return store.activation(id).orElseThrow();
        });
    }

    /**
     * Runs a lifecycle step; when the step is refused (its state or the maker-checker rule does not allow it), the
     * refusal is recorded in the audit trail in a transaction of its own, which stays committed although the step
     * changed nothing, and then passed on to the caller. Call it outside any transaction that has written to the trail.
     */
    private <T> T recordingRefusal(String actor, String attempted, int version, Map<String, Object> asked,
                                   java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (PolicyConflictException | SecondOfficerRequiredException e) {
            Map<String, Object> details = new LinkedHashMap<>(asked);
            details.put("attempted", attempted);
            details.put("reason", e.getMessage());
            if (e instanceof PolicyConflictException c && c.report() != null) {
                details.put("differing", c.report().mismatches().stream().map(ReferenceCheck::household).toList());
                details.put("failedWalks", c.report().failedWalks().stream().map(WalkCheck::walk).toList());
            }
            refusals.executeWithoutResult(st -> events.publishEvent(new PolicyAction(actor, PolicyAction.REFUSED, version, details)));
            log.info("policy version {}: {} by {} refused: {}", version, attempted, actor, e.getMessage());
            throw e;
        }
    }

    private Activation activation(int version, Instant effectiveFrom, String comment, String actor, String kind) {
        requireText(comment, "comment", "a comment saying why is required");
        PolicyStore.Bundle b = bundle(version);
        secondOfficer(b, actor, kind.equals(Activation.ROLLBACK) ? "roll back to" : "activate");
        if (b.reviewState() != PolicyState.APPROVED) {
            throw new PolicyConflictException("version " + version + " is " + b.reviewState()
                    + "; only an approved version can be put in force");
        }
        Instant now = now();
        Instant from = effectiveFrom == null ? now : effectiveFrom.truncatedTo(ChronoUnit.MILLIS);
        if (from.isBefore(now.minusSeconds(60))) {
            throw new PolicyConflictException("the effective time " + from + " is in the past; the policy in force "
                    + "at a past moment cannot be changed");
        }
        if (!from.isAfter(now) && store.versionInForce(now).orElse(-1) == version) {
            throw new PolicyConflictException("version " + version + " is already in force");
        }
        version(version);
        tx.executeWithoutResult(st -> {
            store.lockBundle(version);
            if (kind.equals(Activation.ACTIVATE)) {
                store.pending(now).stream().filter(p -> p.version() == version).findFirst().ifPresent(p -> {
                    throw new PolicyConflictException("version " + version + " is already scheduled: activation " + p.id()
                            + " puts it in force from " + p.effectiveFrom() + " (requested by " + p.requestedBy()
                            + "); cancel that activation first to schedule it at another time");
                });
            }
            store.insertActivation(version, kind, from, actor, now, comment.strip());
            events.publishEvent(new PolicyAction(actor, kind.equals(Activation.ROLLBACK) ? PolicyAction.ROLLBACK : PolicyAction.ACTIVATE,
                    version, Map.of("effectiveFrom", from.toString(), "comment", comment.strip(), "sha256", b.sha256())));
        });
        Activation a = store.activations().stream().filter(x -> x.version() == version && x.effectiveFrom().equals(from))
                .max(Comparator.comparingLong(Activation::id)).orElseThrow();
        log.info("policy version {} {} by {}, in force from {}", version, kind.equals(Activation.ROLLBACK) ? "rolled back to" : "activated",
                actor, from);
        return a;
    }

    private static void secondOfficer(PolicyStore.Bundle b, String actor, String what) {
        if (b.uploadedBy().equals(actor)) {
            throw new SecondOfficerRequiredException("version " + b.version() + " was uploaded by " + actor
                    + "; another policy officer must " + what + " it");
        }
    }

    // ---- reading ----

    public List<BundleSummary> versions() {
        return store.versions().stream().map(this::summary).toList();
    }

    public BundleSummary summary(int version) {
        PolicyStore.Bundle b = bundle(version);
        Instant now = clock.instant();
        Optional<Integer> inForce = store.versionInForce(now);
        Optional<Instant> since = store.lastInForceFrom(version, now);
        PolicyState state = inForce.isPresent() && inForce.get() == version ? PolicyState.ACTIVE
                : since.isPresent() ? PolicyState.RETIRED : b.reviewState();
        return new BundleSummary(b.version(), b.sha256(), b.basedOn(), state, b.comment(), b.uploadedBy(), b.uploadedAt(),
                b.validatedBy(), b.validatedAt(), b.approvedBy(), b.approvedAt(), b.approvalComment(),
                since.orElse(null), store.scheduledFrom(version, now).orElse(null), store.fileSummaries(version));
    }

    /** The number of the version in force at an instant, without compiling it; empty before the first version is installed. */
    public Optional<Integer> versionInForce(Instant at) {
        return store.versionInForce(at);
    }

    /** Every activation and roll-back, the scheduled and the cancelled ones included, in order of effective time. */
    public List<Activation> activations() {
        return store.activations();
    }

    /** One activation, cancelled or not. */
    public Activation activation(long id) {
        return store.activation(id).orElseThrow(() -> new NotFoundException("policy activation", id));
    }

    /** The activations not cancelled that have not yet taken effect, in order of effective time. */
    public List<Activation> pendingActivations() {
        return store.pending(clock.instant());
    }

    /**
     * The SHA-256 of a version's files as they are stored now, computed from their bytes; a replay
     * compares it with the hash the decision recorded, whatever the compiled copy in memory says.
     */
    public String storedSha256(int version) {
        return Hashes.bundleSha256(files(version));
    }

    /** Row-by-row, cell-by-cell differences between two stored versions. */
    public BundleDiff diff(int from, int to) {
        return PolicyDiff.between(from, files(from), to, files(to));
    }

    /**
     * One file of a stored version by its name (the part after the last "/") or its whole path, to download it;
     * not found when the version holds no such file.
     */
    public PolicyFile file(int version, String name) {
        return files(version).stream().filter(x -> x.path().endsWith("/" + name) || x.path().equals(name))
                .findFirst().orElseThrow(() -> new NotFoundException("file in policy version " + version + " named", name));
    }

    /**
     * Uploaded files as policy files: a name ending in .drl.xlsx goes under decision-tables/, one ending in .bpmn
     * under processes/, any other under rules/ (folders in the name are dropped). A name that is neither a decision
     * table, a rules file nor a process is refused with the others, file by file, before anything is checked.
     */
    public static List<PolicyFile> uploadedFiles(List<org.springframework.web.multipart.MultipartFile> files) throws IOException {
        List<PolicyFile> out = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (org.springframework.web.multipart.MultipartFile f : files) {
            String name = f.getOriginalFilename() == null ? f.getName() : f.getOriginalFilename();
            String path = folderFor(name) + name.substring(name.lastIndexOf('/') + 1);
            try {
                out.add(new PolicyFile(path, f.getBytes()));
            } catch (IllegalArgumentException e) {
                problems.add(PolicyProblem.inFile(name, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        return out;
    }

    /**
     * One file of a stored version to download: a decision table as {@link EditableWorkbook} hands it out (rule-table
     * definition rows locked, drop-downs and number checks on the rule rows; same values, so it compiles to the same
     * rules), or with {@code stored} its exact stored bytes (whose SHA-256 is the one recorded). Rules and process files
     * are always their stored bytes.
     */
    public PolicyFile download(int version, String name, boolean stored) {
        PolicyFile f = file(version, name);
        return stored || f.kind() != PolicyFile.Kind.DECISION_TABLE ? f : new PolicyFile(f.path(), EditableWorkbook.of(f.content()));
    }

    /** The folder of the bundle a file of this name goes in. */
    static String folderFor(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".drl.xlsx") ? "decision-tables/" : lower.endsWith(".bpmn") ? "processes/" : "rules/";
    }

    /** The picture of a process file of a stored version, as SVG (see {@link #file}). */
    public String picture(int version, String name) {
        PolicyFile f = file(version, name);
        if (f.kind() != PolicyFile.Kind.PROCESS) {
            throw new InvalidRequestException("name", f.path() + " is not a process; only a process has a picture");
        }
        return processCheck.picture(f);
    }

    /** The files of a stored version. */
    public List<PolicyFile> files(int version) {
        bundle(version);
        return store.files(version);
    }

    /** The expectations recorded for a version's line of versions, by reference household. */
    public Map<String, RecordedExpectation> expectations(int version) {
        bundle(version);
        return store.expectations(version);
    }

    private PolicyStore.Bundle bundle(int version) {
        return store.bundle(version).orElseThrow(() -> new NotFoundException("policy bundle version", version));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireText(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(field, message);
        }
    }

    /**
     * The reference walks through a bundle's processes. A bundle stored before processes joined the bundle holds
     * none: its cases run on the processes the service was built with, so those are walked.
     */
    private List<WalkCheck> walk(List<PolicyFile> bundle) {
        List<PolicyFile> processes = bundle.stream().filter(f -> f.kind() == PolicyFile.Kind.PROCESS).toList();
        if (processes.isEmpty()) {
            processes = defaultBundle().stream().filter(f -> f.kind() == PolicyFile.Kind.PROCESS).toList();
        }
        return walks.walk(processes);
    }

    static List<PolicyFile> defaultBundle() {
        try {
            List<PolicyFile> files = new ArrayList<>();
            for (String pattern : DEFAULT_BUNDLE) {
                for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                    String url = r.getURL().toString();
                    String path = url.substring(url.lastIndexOf("policy-bundle/") + "policy-bundle/".length());
                    try (var in = r.getInputStream()) {
                        files.add(new PolicyFile(path, in.readAllBytes()));
                    }
                }
            }
            files.sort(Comparator.comparing(PolicyFile::path));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("the default policy bundle could not be read from the classpath", e);
        }
    }
}
