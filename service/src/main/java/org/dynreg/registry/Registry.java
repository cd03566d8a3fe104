package org.dynreg.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.dynreg.api.NotFoundException;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.database.AfterCommit;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.security.Caller;
import org.dynreg.security.Disclosure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registering households: a submitted survey is validated, stored with the household's roster and
 * scored, all in one transaction, so a refused or failed survey leaves nothing behind.
 */
@Service
public class Registry {
    /** The block of a survey made from a roster change, naming its case and request; stored, never accepted from a client. */
    public static final String ROSTER_CHANGE = "rosterChange";

    private static final Logger log = LoggerFactory.getLogger(Registry.class);
    private static final JsonMapper PAYLOAD = JsonMapper.builder().build();

    private final Households households;
    private final Surveys surveys;
    private final Eligibility eligibility;
    private final Clock clock;
    private final SurveyValidator validator;
    private final ObjectProvider<SurveyExpectations> expectations;
    private final Caller caller;
    private final PersonalDataReads reads;

    Registry(Households households, Surveys surveys, Eligibility eligibility, Clock clock, ObjectProvider<SurveyExpectations> expectations,
             Caller caller, PersonalDataReads reads) {
        this.caller = caller;
        this.reads = reads;
        this.households = households;
        this.surveys = surveys;
        this.eligibility = eligibility;
        this.clock = clock;
        this.validator = new SurveyValidator(clock);
        this.expectations = expectations;
    }

    @Transactional
    public Registration submit(JsonNode raw, String actor) {
        return store(raw, null, actor);
    }

    /**
     * Stores a survey the registry made itself from a roster change, with the {@value #ROSTER_CHANGE} block that
     * names the case and the request beside the answers. The block is not part of the survey format: a client
     * cannot send one, and the answers are checked without it.
     */
    @Transactional
    public Registration submitRosterEdit(JsonNode raw, ObjectNode rosterChange, String actor) {
        return store(raw, rosterChange, actor);
    }

    private Registration store(JsonNode raw, ObjectNode rosterChange, String actor) {
        List<FieldProblem> problems = validator.validate(raw);
        if (!problems.isEmpty()) {
            throw new InvalidSurveyException(problems);
        }
        Survey survey = validator.bind(raw);
        Instant now = clock.instant();
        Household household;
        if (survey.updateType() == UpdateType.MISSED_OUT) {
            household = new Household(now);
        } else {
            household = households.findById(survey.householdId()).orElseThrow(() -> new InvalidSurveyException(List.of(
                    new FieldProblem("householdId", "no household is registered with id " + survey.householdId()))));
        }
        List<FieldProblem> unexpected = unexpected(survey);
        if (!unexpected.isEmpty()) {
            throw new InvalidSurveyException(unexpected);
        }
        refuseIdsHeldElsewhere(survey, household.id());
        household.applySurvey(survey);
        households.saveAndFlush(household);
        String payload = rosterChange == null ? raw.toString() : ((ObjectNode) raw.deepCopy()).set(ROSTER_CHANGE, rosterChange).toString();
        SurveyRecord stored = surveys.save(new SurveyRecord(household.id(), survey, payload, now, actor));
        household.surveyed(stored.id());
        DecisionView decision = eligibility.decide(household.id(), stored.id(), survey, actor);
        AfterCommit.run(() -> log.info("survey {} ({}) stored for household {} by {}", stored.id(), survey.updateType(), household.id(), actor));
        return new Registration(household.id(), stored.id(), decision);
    }

    /**
     * Every problem for which {@link #submit} would refuse the survey, found without storing anything; empty
     * when it would be stored. A workflow checks first because a refusal inside its transaction would undo
     * the whole step, the case's history of the refusal included.
     */
    @Transactional(readOnly = true)
    public List<FieldProblem> check(JsonNode raw) {
        List<FieldProblem> problems = validator.validate(raw);
        if (!problems.isEmpty()) {
            return problems;
        }
        Survey survey = validator.bind(raw);
        if (survey.updateType() != UpdateType.MISSED_OUT && !households.existsById(survey.householdId())) {
            return List.of(new FieldProblem("householdId", "no household is registered with id " + survey.householdId()));
        }
        List<FieldProblem> unexpected = unexpected(survey);
        if (!unexpected.isEmpty()) {
            return unexpected;
        }
        return idsHeldElsewhere(survey, survey.updateType() == UpdateType.MISSED_OUT ? null : survey.householdId());
    }

    /** A survey of an update type that answers a case (an appeal's or a cyclic update's re-survey...) without that case open. */
    private List<FieldProblem> unexpected(Survey survey) {
        if (survey.updateType() == UpdateType.MISSED_OUT) {
            return List.of();
        }
        SurveyExpectations e = expectations.getIfAvailable();
        return e == null ? List.of() : e.missingCase(survey.updateType(), survey.householdId()).stream()
                .map(why -> new FieldProblem("updateType", why)).toList();
    }

    /**
     * Refuses a survey naming a national id another household holds. The refusal answers the submitter, a
     * data-entry operator or supervisor (roles that may see personal data), so it names that household: they
     * need it to ask for a roster update of both. {@link #check} answers workflow steps, whose findings go into
     * a case's history that auditors read too, so it does not (docs/personal-data.md).
     */
    private void refuseIdsHeldElsewhere(Survey survey, Long householdId) {
        List<String> ids = survey.members().stream().map(Survey.Member::nationalId).toList();
        java.util.Map<String, Long> holders = new java.util.HashMap<>();
        for (Object[] r : households.householdsHoldingElsewhere(ids, householdId == null ? -1 : householdId)) {
            holders.put((String) r[0], ((Number) r[1]).longValue());
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long holder = holders.get(ids.get(i));
            if (holder != null) {
                problems.add(new FieldProblem("members[" + i + "].nationalId", "this national id is already registered in household "
                        + holder + "; a move between households is a roster update of both"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSurveyException(problems);
        }
    }

    private List<FieldProblem> idsHeldElsewhere(Survey survey, Long householdId) {
        List<String> ids = survey.members().stream().map(Survey.Member::nationalId).toList();
        List<String> taken = households.nationalIdsHeldElsewhere(ids, householdId == null ? -1 : householdId);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (taken.contains(ids.get(i))) {
                problems.add(new FieldProblem("members[" + i + "].nationalId",
                        "this national id is already registered in another household; a move between households is a roster update of both"));
            }
        }
        return problems;
    }

    /** A stored survey's payload exactly as it was received. */
    @Transactional(readOnly = true)
    public Optional<JsonNode> payloadOf(long surveyId) {
        return surveys.findById(surveyId).map(s -> {
            try {
                return PAYLOAD.readTree(s.payload());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored survey " + surveyId + " is not readable JSON", e);
            }
        });
    }

    /** A household as {@code disclosure} allows its caller to see it (docs/personal-data.md). */
    @Transactional(readOnly = true)
    public Optional<HouseholdView> household(long id, Disclosure disclosure) {
        return households.findById(id).map(h -> HouseholdView.of(h, disclosure));
    }

    /**
     * A household as the caller's role may see it, the read recorded as a read of the household with the personal
     * data shown or redacted (docs/personal-data.md); the API and the console read a household through this.
     */
    @Transactional(readOnly = true)
    public HouseholdView read(long id, Authentication auth) {
        HouseholdView h = household(id, caller.disclosure(auth)).orElseThrow(() -> new NotFoundException("household", id));
        reads.record(auth, PersonalDataReads.Kind.HOUSEHOLD, id, id, h.personalDataShown());
        return h;
    }

    /** A household for the service's own steps: with every personal field, or with none (nor coordinates). */
    public Optional<HouseholdView> household(long id, boolean personalData) {
        return household(id, personalData ? Disclosure.FULL : Disclosure.NONE);
    }

    @Transactional(readOnly = true)
    public List<SurveySummary> surveysOf(long householdId) {
        return surveys.findByHouseholdIdOrderBySubmittedAtAscIdAsc(householdId).stream().map(SurveySummary::of).toList();
    }

    public boolean exists(long householdId) {
        return households.existsById(householdId);
    }
}
