package org.dynreg.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.database.AfterCommit;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.HouseholdView;
import org.dynreg.registry.Registry;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Deadlines;
import org.dynreg.workflow.PolicyAnswer;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.WorkflowRefusedException;
import org.dynreg.workflow.facts.RosterChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Roster updates of registered households: requested here, decided by the rosterUpdate process. */
@Service
public class RosterUpdates {
    static final String PROCESS = "rosterUpdate";
    static final String TYPE = "ROSTER_UPDATE";
    /** The actor of the process's automated steps in the case history. */
    static final String SYSTEM = "system";
    private static final String REDACTED = HouseholdView.REDACTED;

    private static final Logger log = LoggerFactory.getLogger(RosterUpdates.class);

    private final Registry registry;
    private final Cases cases;
    private final WorkflowPolicy policy;
    private final Deadlines deadlines;
    private final ChangeStore store;
    private final Clock clock;

    RosterUpdates(Registry registry, Cases cases, WorkflowPolicy policy, Deadlines deadlines, ChangeStore store, Clock clock) {
        this.registry = registry;
        this.cases = cases;
        this.policy = policy;
        this.deadlines = deadlines;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Requests a roster change and opens its case. The change is checked before anything is stored: field
     * by field, then as the survey it will become (so a change the registry would refuse is refused now,
     * naming the request's field). One roster change at a time per household: each is verified and
     * approved against the roster it changes. The process starts at once; a change that needs nobody's
     * decision is applied before this returns.
     */
    @Transactional
    public long request(RosterRequest r, String actor) {
        if (r.householdId() == null) {
            throw new InvalidRequestException("householdId", "is required: the household whose roster changes");
        }
        ChangeKind kind = ChangeKind.parse(r.kind());
        HouseholdView household = registry.household(r.householdId(), true)
                .orElseThrow(() -> new NotFoundException("household", r.householdId()));
        RequestedChange change = RequestedChange.of(r, kind, household);
        PolicyAnswer<RosterChange> rule = policy.ask(new RosterChange(kind.name()));
        boolean rescore = rescore(rule.answer());
        boolean approval = supervisorApproval(rule.answer());
        RosterEdit.Edited edited = RosterEdit.edit(latestSurvey(registry, household.id()), change, household.id(), clock.instant(),
                !rescore, actor, null);
        List<FieldProblem> problems = registry.check(edited.survey());
        if (!problems.isEmpty()) {
            throw refusal(problems.get(0), edited, change, household);
        }
        boolean open = cases.ofHousehold(household.id()).stream()
                .anyMatch(c -> TYPE.equals(c.get("caseType")) && Cases.OPEN.equals(c.get("state")));
        if (open) {
            throw WorkflowRefusedException.conflict("household " + household.id()
                    + " has a roster change in progress; its roster changes one change at a time");
        }
        ChangeStore.Stored stored = store.insert(household.id(), change, r.reason().strip(), r.evidence().strip(), actor, clock.instant());
        Map<String, Object> vars = new HashMap<>();
        vars.put("changeId", stored.id());
        vars.put("requestedBy", actor);
        vars.put("rescore", rescore);
        vars.put("supervisorApproval", approval);
        vars.put("verifyDue", deadlines.of("identity-review"));
        vars.put("approvalDue", deadlines.of("roster-approval"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changeId", stored.id());
        details.put("kind", kind.name());
        if (change.memberLine() != null) {
            details.put("memberLine", change.memberLine());
        }
        if (change.values().hasNonNull("cause")) {
            details.put("cause", change.values().get("cause").asText());
        }
        details.put("fields", kind == ChangeKind.ADD_MEMBER ? List.of("member") : fieldsOf(change.values()));
        details.put("changeSha256", stored.sha256());
        details.put("rescore", rescore);
        details.put("supervisorApproval", approval);
        details.put("policyRule", rule.answer().getRule() == null
                ? "none: the Roster changes table has no row for " + kind + "; rescoring and a supervisor's approval apply" : rule.answer().getRule());
        details.put("policyVersion", rule.policyVersion());
        long caseId = cases.open(TYPE, household.id(), PROCESS, vars, actor, details);
        store.nameCase(stored.id(), caseId);
        AfterCommit.run(() -> log.info("roster change {} ({}) requested by {} for household {}: case {}", stored.id(), kind, actor,
                household.id(), caseId));
        return caseId;
    }

    /** The change a roster-update case decides; personal data only when {@code personalData}. */
    @Transactional(readOnly = true)
    public RosterChangeView change(long caseId, boolean personalData) {
        ChangeStore.Stored s = store.byCase(caseId).orElseThrow(() -> new NotFoundException("roster change of case", caseId));
        RequestedChange c = s.change();
        JsonNode member = c.member() == null ? null : personalData ? c.member() : TextNode.valueOf(REDACTED);
        JsonNode values = c.values();
        if (!personalData && (c.kind() == ChangeKind.CONTACT || c.kind() == ChangeKind.ADDRESS || c.kind() == ChangeKind.DISABILITY)) {
            ObjectNode redacted = values.deepCopy();
            fieldsOf(values).forEach(f -> redacted.put(f, REDACTED));
            values = redacted;
        }
        return new RosterChangeView(caseId, s.householdId(), c.kind().name(), c.memberLine(), member, values,
                personalData ? s.reason() : REDACTED, personalData ? s.evidence() : REDACTED, s.requestedBy(), s.requestedAt(),
                s.sha256(), personalData);
    }

    /** The table's answer; a kind the table leaves unanswered is rescored and approved, the safe side. */
    static boolean rescore(RosterChange answer) {
        return !Boolean.FALSE.equals(answer.getRescore());
    }

    static boolean supervisorApproval(RosterChange answer) {
        return !Boolean.FALSE.equals(answer.getSupervisorApproval());
    }

    /** The payload of the household's latest survey, which a change is written into. */
    static JsonNode latestSurvey(Registry registry, long householdId) {
        HouseholdView h = registry.household(householdId, false).orElseThrow(() -> new NotFoundException("household", householdId));
        return registry.payloadOf(h.latestSurveyId())
                .orElseThrow(() -> new IllegalStateException("household " + householdId + " names a latest survey that is not stored"));
    }

    private static List<String> fieldsOf(JsonNode values) {
        List<String> names = new ArrayList<>();
        values.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static InvalidRequestException refusal(FieldProblem p, RosterEdit.Edited edited, RequestedChange c, HouseholdView household) {
        Map<String, Integer> lineOf = new HashMap<>();
        for (HouseholdView.MemberView m : household.members()) {
            lineOf.put(m.nationalId(), m.line());
        }
        String field = RosterEdit.requestField(p, edited, c, lineOf);
        if (field == null) {
            return new InvalidRequestException("householdId", "the household's latest survey (" + household.latestSurveyId()
                    + ") does not pass today's survey checks (" + p + "); the household needs a re-survey before its roster can change");
        }
        return new InvalidRequestException(field, p.message());
    }
}
