package org.dynreg.eligibility;

import org.dynreg.eligibility.facts.Exclusion;
import org.dynreg.eligibility.facts.IndicatorPoints;
import org.dynreg.eligibility.facts.MemberFacts;
import org.dynreg.eligibility.facts.PaymentRecipient;
import org.dynreg.eligibility.facts.PovertyLikelihood;
import org.dynreg.eligibility.facts.PovertyScore;
import org.dynreg.eligibility.facts.ProgramCutoff;
import org.dynreg.eligibility.facts.ProgramOutcome;
import org.dynreg.eligibility.facts.StipendGrant;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.RuleSource;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a household's facts through one compiled policy version and reads back the score, its
 * breakdown, the likelihoods, each program's outcome and the rules that fired. Pure: no storage.
 */
public final class EligibilityEvaluator {

    /** The poverty line quoted in the household's score sentence. */
    static final String HEADLINE_LINE = "nl100";

    private EligibilityEvaluator() {
    }

    public static Evaluation evaluate(CompiledPolicy policy, HouseholdFactsBuilder.Facts facts) {
        List<Evaluation.FiredRule> fired = new ArrayList<>();
        List<IndicatorPoints> points = new ArrayList<>();
        Map<String, Double> likelihoods = new LinkedHashMap<>();
        List<ProgramOutcome> outcomes = new ArrayList<>();
        List<PaymentRecipient> recipients = new ArrayList<>();
        List<StipendGrant> stipends = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        Map<String, List<Integer>> cutoffs = new java.util.TreeMap<>();
        Integer score = null;

        KieSession session = policy.newSession();
        DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String name = event.getMatch().getRule().getName();
                RuleSource source = policy.sourceOf(name);
                fired.add(new Evaluation.FiredRule(name, source == null ? null : source.toString()));
            }
        };
        try {
            session.addEventListener(listener);
            session.insert(facts.household());
            for (MemberFacts m : facts.members()) {
                session.insert(m);
            }
            session.fireAllRules();
            for (Object o : session.getObjects()) {
                if (o instanceof IndicatorPoints p) {
                    points.add(p);
                } else if (o instanceof PovertyScore s) {
                    score = s.getValue();
                } else if (o instanceof PovertyLikelihood l) {
                    likelihoods.put(l.getLine(), l.getPercent());
                } else if (o instanceof ProgramOutcome p) {
                    outcomes.add(p);
                } else if (o instanceof PaymentRecipient r) {
                    recipients.add(r);
                } else if (o instanceof StipendGrant g) {
                    stipends.add(g);
                } else if (o instanceof Exclusion x) {
                    exclusions.add(x.getFilter());
                } else if (o instanceof ProgramCutoff c) {
                    cutoffs.computeIfAbsent(c.getProgram(), k -> new ArrayList<>()).add(c.getCutoff());
                }
            }
        } finally {
            session.removeEventListener(listener);
            session.dispose();
        }
        checkScorecard(policy, points, score);

        points.sort(Comparator.comparingInt(IndicatorPoints::getIndicator));
        List<Evaluation.IndicatorResult> breakdown = points.stream()
                .map(p -> new Evaluation.IndicatorResult(p.getIndicator(), p.getQuestion(), p.getAnswer(), p.getPoints()))
                .toList();
        outcomes.sort(Comparator.comparing(ProgramOutcome::getProgram).reversed());
        List<Evaluation.ProgramResult> programs = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Double headline = likelihoods.get(HEADLINE_LINE);
        reasons.add("The household's poverty score is " + score + " out of 100"
                + (headline == null ? "." : "; households with this score are below the national poverty line "
                + headline + "% of the time."));
        for (ProgramOutcome o : outcomes) {
            Evaluation.PaymentRecipient recipient = recipients.stream()
                    .filter(r -> r.getProgram().equals(o.getProgram()))
                    .map(r -> new Evaluation.PaymentRecipient(r.getMemberLine(), r.getBasis()))
                    .findFirst().orElse(null);
            List<Evaluation.Stipend> grants = stipends.stream()
                    .filter(g -> g.getProgram().equals(o.getProgram()))
                    .sorted(Comparator.comparingInt(StipendGrant::getMemberLine))
                    .map(g -> new Evaluation.Stipend(g.getMemberLine(), g.getAge(), g.getCondition()))
                    .toList();
            programs.add(new Evaluation.ProgramResult(o.getProgram(), o.isEligible(), o.getCutoff(), o.getReason(),
                    recipient, grants));
            reasons.add(programLabel(o.getProgram()) + ": " + o.getReason());
            if (recipient != null) {
                reasons.add(recipient.memberLine() == 0
                        ? "Payment: " + recipient.basis() + "."
                        : "Payment: to member " + recipient.memberLine() + ", " + recipient.basis() + ".");
            }
        }
        exclusions.sort(null);
        cutoffs.values().forEach(l -> l.sort(null));
        return new Evaluation(policy.version(), policy.sha256(), score, breakdown, likelihoods, programs,
                List.copyOf(fired), reasons, List.copyOf(exclusions), cutoffs);
    }

    /** A policy whose scorecard rows overlap or leave a household unscored is broken, not a household. */
    private static void checkScorecard(CompiledPolicy policy, List<IndicatorPoints> points, Integer score) {
        if (score == null) {
            throw new PolicyFaultException(policy.version(), "no scorecard row matched the household, so it has no score");
        }
        Set<Integer> seen = new HashSet<>();
        for (IndicatorPoints p : points) {
            if (!seen.add(p.getIndicator())) {
                throw new PolicyFaultException(policy.version(), "indicator " + p.getIndicator()
                        + " matched more than one row of the scorecard (rows overlap)");
            }
        }
    }

    static String programLabel(String program) {
        return switch (program) {
            case "UCT" -> "Unconditional cash transfer";
            case "CCT_EDUCATION" -> "Education stipend";
            default -> program;
        };
    }
}
