package org.dynreg.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.identity.IdentityAuthority;
import org.dynreg.identity.Verification;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.dynreg.registry.Survey;
import org.dynreg.registry.SurveyValidator;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.DecisionWords;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.TypedStep;
import org.dynreg.workflow.TypedStep.CaseOnly;
import org.dynreg.workflow.TypedStep.None;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The automated steps of processes/missedOutRegistration.bpmn. */
final class RegistrationSteps {
    static final String SYSTEM = "system";
    static final String SURVEY_CHECK = "registration.survey-check";
    /** A notification's message column holds this much. */
    static final int MAX_MESSAGE = 2000;

    private static final Logger log = LoggerFactory.getLogger(RegistrationSteps.class);

    /** The survey a check step is given (the operator's JSON text). */
    record SurveyGiven(long caseId, String survey) {}

    /** Whether the survey passed; the survey variable is emptied once kept with the case. */
    record Checked(boolean valid, String survey) {}

    record IdentityChecked(boolean identityOk) {}

    record IdentityRejected(long caseId, String identityComment) {}

    /** Who surveyed the household: the survey is stored in their name. */
    record Surveyed(long caseId, String surveyedBy) {}

    record Registered(boolean registered, Long householdId) {}

    record Enrolment(long caseId, long householdId) {}

    private RegistrationSteps() {
    }


    /**
     * The survey as JSON, or one problem at {@code $} when there is none or it is not JSON; the parser's
     * message is not repeated, as it quotes the text around the fault.
     */
    static JsonNode read(ObjectMapper json, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem("$", "no survey came with the task: complete it with data.survey, the "
                    + "household's survey as JSON text"));
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            // the engine turns a JSON object sent in data.survey into Java's text for a map, which lands here
            problems.add(new FieldProblem("$", "the survey is not valid JSON text" + where + "; data.survey holds the survey "
                    + "as one string of JSON text, not as an object"));
            return null;
        }
    }

    /**
     * Step registration.check-survey: the survey the operator sent waits with its token; the registry's
     * own validation (with the national ids already registered elsewhere) gives its field errors, the
     * token adds its own, and a survey without errors gets the data analysts' warnings. The process keeps
     * no copy of the survey: the variable is emptied.
     */
    @Component
    static class CheckSurvey extends TypedStep<SurveyGiven, Checked> {
        private final Registrations registrations;
        private final Registry registry;
        private final Cases cases;
        private final ObjectMapper json;
        private final SurveyValidator validator;

        CheckSurvey(Registrations registrations, Registry registry, Cases cases, ObjectMapper json, Clock clock) {
            super("registration.check-survey", SurveyGiven.class);
            this.registrations = registrations;
            this.registry = registry;
            this.cases = cases;
            this.json = json;
            this.validator = new SurveyValidator(clock);
        }

        @Override
        protected Checked apply(SurveyGiven in) {
            long caseId = in.caseId();
            String text = in.survey();
            Registrations.TokenRow token = registrations.row(caseId);
            List<FieldProblem> errors = new ArrayList<>();
            List<FieldProblem> warnings = List.of();
            JsonNode raw = read(json, text, errors);
            if (raw != null) {
                registrations.keepSurvey(caseId, text);
                errors.addAll(registry.check(raw));
                errors.addAll(tokenProblems(raw, token));
                if (errors.isEmpty()) {
                    warnings = DataQuality.warnings(validator.bind(raw));
                }
            }
            cases.record(caseId, SYSTEM, SURVEY_CHECK, Map.of("valid", errors.isEmpty(), "errors", errors, "warnings", warnings));
            log.info("case {}: survey checked, {} error(s), {} warning(s)", caseId, errors.size(), warnings.size());
            return new Checked(errors.isEmpty(), "");
        }

        /** A token registers a household for the first time, at the site that issued it. */
        static List<FieldProblem> tokenProblems(JsonNode raw, Registrations.TokenRow token) {
            List<FieldProblem> problems = new ArrayList<>();
            if (!raw.isObject()) {
                return problems;
            }
            String type = raw.path("updateType").asText("");
            if (!type.equals(UpdateType.MISSED_OUT.name()) && Arrays.stream(UpdateType.values()).anyMatch(t -> t.name().equals(type))) {
                problems.add(new FieldProblem("updateType", "must be MISSED_OUT: a token registers a household surveyed "
                        + "for the first time; an update of a registered household is submitted for that household"));
            }
            String site = raw.path("siteId").asText("");
            if (!site.isBlank() && !site.equals(token.siteId())) {
                problems.add(new FieldProblem("siteId", "is not the site that issued the token (" + token.siteId()
                        + "); a survey is entered at the site where the household took its token"));
            }
            return problems;
        }
    }

    /**
     * Step registration.verify-identities: every member is checked with the national identity authority.
     * The case's history names members by their line in the survey, never by name or national id.
     */
    @Component
    static class VerifyIdentities extends TypedStep<CaseOnly, IdentityChecked> {
        private final Registrations registrations;
        private final IdentityAuthority authority;
        private final Cases cases;
        private final ObjectMapper json;
        private final SurveyValidator validator;

        VerifyIdentities(Registrations registrations, IdentityAuthority authority, Cases cases, ObjectMapper json, Clock clock) {
            super("registration.verify-identities", CaseOnly.class);
            this.registrations = registrations;
            this.authority = authority;
            this.cases = cases;
            this.json = json;
            this.validator = new SurveyValidator(clock);
        }

        @Override
        protected IdentityChecked apply(CaseOnly in) {
            long caseId = in.caseId();
            List<FieldProblem> unreadable = new ArrayList<>();
            JsonNode raw = read(json, registrations.row(caseId).pendingSurvey(), unreadable);
            if (raw == null) {
                throw new IllegalStateException("case " + caseId + " reached the identity check without a checked survey");
            }
            Survey survey = validator.bind(raw);
            List<Map<String, Object>> results = new ArrayList<>();
            Map<Verification.Status, Integer> counts = new EnumMap<>(Verification.Status.class);
            for (Verification.Status s : Verification.Status.values()) {
                counts.put(s, 0);
            }
            for (int i = 0; i < survey.members().size(); i++) {
                Survey.Member m = survey.members().get(i);
                Verification v = authority.verify(m.nationalId(), m.name(), m.dateOfBirth());
                counts.merge(v.status(), 1, Integer::sum);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("member", "members[" + i + "]");
                result.put("status", v.status().name());
                result.put("reason", v.reason());
                results.add(result);
            }
            boolean allVerified = counts.get(Verification.Status.VERIFIED) == survey.members().size();
            cases.record(caseId, SYSTEM, "registration.identity-check", Map.of("members", results, "allVerified", allVerified,
                    "verified", counts.get(Verification.Status.VERIFIED), "rejected", counts.get(Verification.Status.REJECTED),
                    "unavailable", counts.get(Verification.Status.UNAVAILABLE)));
            log.info("case {}: identities checked, {}", caseId, counts);
            return new IdentityChecked(allVerified);
        }
    }

    /** Step registration.reject-identity: a caseworker did not accept the identities; nothing goes into the registry. */
    @Component
    static class RejectIdentity extends TypedStep<IdentityRejected, None> {
        private final Registrations registrations;
        private final Cases cases;

        RejectIdentity(Registrations registrations, Cases cases) {
            super("registration.reject-identity", IdentityRejected.class);
            this.registrations = registrations;
            this.cases = cases;
        }

        @Override
        protected None apply(IdentityRejected in) {
            long caseId = in.caseId();
            String comment = in.identityComment();
            registrations.forgetSurvey(caseId);
            cases.close(caseId, "REJECTED_IDENTITY", comment == null || comment.isBlank()
                    ? "a caseworker did not accept the members' identities" : comment, SYSTEM);
            return None.NONE;
        }
    }

    /** Step registration.withdraw: the household left the centre before its survey was complete. */
    @Component
    static class Withdraw extends TypedStep<CaseOnly, None> {
        private final Registrations registrations;
        private final Cases cases;

        Withdraw(Registrations registrations, Cases cases) {
            super("registration.withdraw", CaseOnly.class);
            this.registrations = registrations;
            this.cases = cases;
        }

        @Override
        protected None apply(CaseOnly in) {
            long caseId = in.caseId();
            registrations.forgetSurvey(caseId);
            cases.close(caseId, "LEFT_QUEUE", "the household left the registration centre before its survey was complete", SYSTEM);
            return None.NONE;
        }
    }

    /**
     * Step registration.register: the registry stores and scores the survey in this step's transaction. It is
     * checked again first, since a national id on it may have been registered elsewhere while the case
     * waited; then the survey goes back to an operator, with the field errors in the case's history.
     */
    @Component
    static class Register extends TypedStep<Surveyed, Registered> {
        private final Registrations registrations;
        private final Registry registry;
        private final Cases cases;
        private final ObjectMapper json;

        Register(Registrations registrations, Registry registry, Cases cases, ObjectMapper json) {
            super("registration.register", Surveyed.class);
            this.registrations = registrations;
            this.registry = registry;
            this.cases = cases;
            this.json = json;
        }

        @Override
        protected Registered apply(Surveyed in) {
            long caseId = in.caseId();
            List<FieldProblem> errors = new ArrayList<>();
            JsonNode raw = read(json, registrations.row(caseId).pendingSurvey(), errors);
            if (raw != null) {
                errors.addAll(registry.check(raw));
            }
            if (!errors.isEmpty()) {
                cases.record(caseId, SYSTEM, SURVEY_CHECK, Map.of("valid", false, "errors", errors, "warnings", List.of(),
                        "stage", "registration"));
                return new Registered(false, null);
            }
            Registration r = registry.submit(raw, in.surveyedBy());
            registrations.registered(caseId, r.householdId());
            cases.record(caseId, SYSTEM, "registration.registered", Map.of("householdId", r.householdId(), "surveyId", r.surveyId(),
                    "decision", r.decision().id(), "score", r.decision().score()));
            return new Registered(true, r.householdId());
        }
    }

    /**
     * Step registration.enrol: the household is enrolled in every program its decision finds it eligible
     * for, is told its household id and the decision's reasons, and the case closes.
     */
    @Component
    static class Enrol extends TypedStep<Enrolment, None> {
        private final Registrations registrations;
        private final Eligibility eligibility;
        private final Cases cases;
        private final Notifications notifications;

        Enrol(Registrations registrations, Eligibility eligibility, Cases cases, Notifications notifications) {
            super("registration.enrol", Enrolment.class);
            this.registrations = registrations;
            this.eligibility = eligibility;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected None apply(Enrolment in) {
            long caseId = in.caseId();
            long householdId = in.householdId();
            List<DecisionView> decisions = eligibility.decisionsOf(householdId);
            DecisionView d = decisions.get(decisions.size() - 1);
            List<String> programs = d.programs().stream().filter(Evaluation.ProgramResult::eligible)
                    .map(Evaluation.ProgramResult::program).toList();
            String outcome = programs.isEmpty() ? "REGISTERED_NOT_ELIGIBLE" : "ENROLLED";
            cases.record(caseId, SYSTEM, "registration.enrolment", Map.of("householdId", householdId, "decision", d.id(),
                    "score", d.score(), "programs", programs));
            String message = "Your household is registered with household id " + householdId + " (token "
                    + registrations.row(caseId).label() + "). " + DecisionWords.of(null, d);
            notifications.notify(householdId, caseId, "REGISTRATION_" + (programs.isEmpty() ? "NOT_ELIGIBLE" : "ENROLLED"),
                    message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…");
            cases.close(caseId, outcome, programs.isEmpty() ? "decision " + d.id() + ": score " + d.score() + ", eligible for no program"
                    : "decision " + d.id() + ": enrolled in " + String.join(", ", programs), SYSTEM);
            return None.NONE;
        }
    }
}
