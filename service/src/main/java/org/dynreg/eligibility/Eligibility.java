package org.dynreg.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.dynreg.registry.Survey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scores households under the active policy and keeps every decision as evidence. */
@Service
public class Eligibility {
    /** The program whose outcome is kept in its own column for queries (the registry's headline program). */
    public static final String CASH_TRANSFER = "UCT";

    private static final Logger log = LoggerFactory.getLogger(Eligibility.class);

    private final Policies policies;
    private final EligibilityDecisions decisions;
    private final ObjectMapper json;
    private final Clock clock;

    Eligibility(Policies policies, EligibilityDecisions decisions, ObjectMapper json, Clock clock) {
        this.policies = policies;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
    }

    /** Decides for a stored survey, within the caller's transaction, so survey and decision land together. */
    @Transactional(propagation = Propagation.MANDATORY)
    public DecisionView decide(long householdId, long surveyId, Survey survey, String actor) {
        CompiledPolicy policy = policies.active();
        HouseholdFactsBuilder.Facts facts = HouseholdFactsBuilder.build(survey);
        Evaluation e = EligibilityEvaluator.evaluate(policy, facts);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("household", facts.household());
        inputs.put("members", facts.members());
        EligibilityDecision saved = decisions.save(new EligibilityDecision(householdId, surveyId, e, clock.instant(), actor,
                write(inputs), write(e.breakdown()), write(e.likelihoods()), write(e.programs()),
                write(e.firedRules()), write(e.reasons())));
        log.info("decision {} household {} survey {} policy v{} score {} cash-transfer {}", saved.id(), householdId,
                surveyId, e.policyVersion(), e.score(), saved.cashTransferEligible() ? "eligible" : "not eligible");
        return view(saved);
    }

    @Transactional(readOnly = true)
    public Optional<DecisionView> decision(long id) {
        return decisions.findById(id).map(this::view);
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
