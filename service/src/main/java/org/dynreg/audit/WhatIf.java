package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.InvalidSurveyException;
import org.dynreg.registry.SurveyValidator;
import org.dynreg.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Foresight for policy officers, storing no decision: a candidate version scored over the registry
 * next to the version in force (what-if), and the highest cut-off a yearly budget pays for (budget
 * solver). Each household is taken as its latest survey's facts. A what-if splits the households that gain
 * or lose the program by cause ({@link EffectCause}) and lists a sample of them for the roles that may see
 * household ids; one survey can be scored under a candidate the same way (decision 0038).
 */
@Service
public class WhatIf {
    private static final Logger log = LoggerFactory.getLogger(WhatIf.class);
    private static final int MAX_CUTOFF = 100;

    private final Eligibility eligibility;
    private final Policies policies;
    private final Clock clock;
    private final AuditTrail audit;
    private final int defaultPaymentsPerYear;
    private final int sampleSize;
    private final Set<String> sampleRoles;
    private final SurveyValidator validator;

    WhatIf(Eligibility eligibility, Policies policies, Clock clock, AuditTrail audit,
           @Value("${dynreg.transfers.payments-per-year:4}") int defaultPaymentsPerYear,
           @Value("${dynreg.what-if.sample-size:10}") int sampleSize,
           @Value("${dynreg.what-if.sample-roles:POLICY_OFFICER,AUDITOR}") Set<Role> sampleRoles) {
        if (sampleSize < 0) {
            throw new IllegalArgumentException("dynreg.what-if.sample-size must be 0 or more, not " + sampleSize);
        }
        this.eligibility = eligibility;
        this.policies = policies;
        this.clock = clock;
        this.audit = audit;
        this.defaultPaymentsPerYear = defaultPaymentsPerYear;
        this.sampleSize = sampleSize;
        this.sampleRoles = sampleRoles.stream().map(r -> "ROLE_" + r.name()).collect(Collectors.toSet());
        this.validator = new SurveyValidator(clock);
    }

    /**
     * The report as {@code caller} may see it: with its sample of households for the roles of
     * {@code dynreg.what-if.sample-roles}, without it (and saying so) for the others (decision 0038).
     */
    public WhatIfReport shownTo(WhatIfReport report, Authentication caller) {
        boolean may = caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(sampleRoles::contains);
        return may ? report : report.withoutSample();
    }

    /**
     * One survey (in the survey format, docs/survey-format.md) scored under the version in force and under
     * {@code candidateVersion}, with what differs; nothing is stored. An invalid survey is refused with every problem,
     * its field paths under {@code survey}.
     */
    public SurveyWhatIf survey(JsonNode survey, Integer candidateVersion, String actor) {
        require(candidateVersion != null, "candidateVersion", "the candidate policy version is required");
        require(survey != null && survey.isObject(), "survey", "the survey is required, as a JSON object in the survey format");
        List<FieldProblem> problems = validator.validate(survey);
        if (!problems.isEmpty()) {
            throw new InvalidSurveyException(problems.stream()
                    .map(p -> new FieldProblem("$".equals(p.path()) ? "survey" : "survey." + p.path(), p.message())).toList());
        }
        CompiledPolicy after = policies.version(candidateVersion);
        CompiledPolicy before = policies.active();
        HouseholdFactsBuilder.Facts facts = HouseholdFactsBuilder.build(validator.bind(survey));
        SurveyWhatIf result = SurveyWhatIf.of(EligibilityEvaluator.evaluate(before, facts), EligibilityEvaluator.evaluate(after, facts),
                clock.instant(), actor);
        Map<String, Object> changed = new TreeMap<>();
        result.differences().programs().forEach(p -> changed.put(p.program(), Map.of("eligibleBefore", p.eligibleBefore(),
                "eligibleAfter", p.eligibleAfter(), "causes", p.causes())));
        audit.record(actor, "policy.what-if-survey", "policy:" + after.version(), Map.of("baselineVersion", before.version(),
                "scoreBefore", result.before().score(), "scoreAfter", result.after().score(), "programsChanged", changed));
        log.info("what-if of one survey under policy version {} against version {} by {}", after.version(), before.version(), actor);
        return result;
    }

    /**
     * A what-if as it is asked over REST or from a page: the candidate version and the transfer amount are
     * required (refused naming the field), a blank province, district or program means none.
     */
    public WhatIfReport run(Integer candidateVersion, String province, String district, String program, Long transferAmount,
                            Integer paymentsPerYear, String actor) {
        require(candidateVersion != null, "candidateVersion", "the candidate policy version is required");
        require(transferAmount != null, "transferAmount", "the transfer amount per payment is required");
        return run(candidateVersion.intValue(), blank(province), blank(district), blank(program), transferAmount.longValue(),
                paymentsPerYear, actor);
    }

    /**
     * The budget solver as it is asked over REST or from a page: the yearly budget and the transfer amount are
     * required (refused naming the field), a blank province, district or program means none, no version the one in force.
     */
    public BudgetPlan solve(Integer version, String province, String district, String program, Long yearlyBudget,
                            Long transferAmount, Integer paymentsPerYear, String actor) {
        require(yearlyBudget != null, "yearlyBudget", "the yearly budget is required");
        require(transferAmount != null, "transferAmount", "the transfer amount per payment is required");
        return solve(version, blank(province), blank(district), blank(program), yearlyBudget.longValue(), transferAmount.longValue(),
                paymentsPerYear, actor);
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw refused(field, message);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Scores every household of the filter (province and district optional) under the version in
     * force and under {@code candidate}, and counts who would gain or lose {@code program}.
     */
    public WhatIfReport run(int candidate, String province, String district, String program, long transferAmount,
                            Integer paymentsPerYear, String actor) {
        int payments = payments(paymentsPerYear, transferAmount);
        String prog = program == null || program.isBlank() ? Eligibility.CASH_TRANSFER : program;
        CompiledPolicy after = policies.version(candidate);
        CompiledPolicy before = policies.active();
        long yearly = transferAmount * payments;
        Tally national = new Tally(null, null);
        Map<String, Tally> provinces = new TreeMap<>();
        Map<String, Tally> districts = new TreeMap<>();
        List<WhatIfReport.SampleHousehold> gained = new ArrayList<>();
        List<WhatIfReport.SampleHousehold> lost = new ArrayList<>();
        eligibility.forEachCurrentHousehold(province, district, h -> {
            Evaluation then = EligibilityEvaluator.evaluate(before, h.facts());
            Evaluation now = EligibilityEvaluator.evaluate(after, h.facts());
            boolean was = EffectCause.eligible(then, prog);
            boolean is = EffectCause.eligible(now, prog);
            String cause = null;
            if (was != is) {
                List<String> causes = EffectCause.of(then, now, prog);
                cause = EffectCause.bucket(causes);
                List<WhatIfReport.SampleHousehold> sample = is ? gained : lost;
                if (sample.size() < sampleSize) {
                    sample.add(new WhatIfReport.SampleHousehold(h.householdId(), h.province(), h.district(), then.score(), now.score(), causes));
                }
            }
            national.add(was, is, cause);
            provinces.computeIfAbsent(h.province(), p -> new Tally(p, null)).add(was, is, cause);
            districts.computeIfAbsent(h.province() + "\u0000" + h.district(), d -> new Tally(h.province(), h.district())).add(was, is, cause);
        });
        String filter = describe(province, district);
        WhatIfReport report = new WhatIfReport(before.version(), before.sha256(), after.version(), after.sha256(), prog, filter,
                transferAmount, payments, clock.instant(), actor, national.area(yearly),
                provinces.values().stream().map(t -> t.area(yearly)).toList(),
                districts.values().stream().map(t -> t.area(yearly)).toList(), sampleSize, false, List.copyOf(gained), List.copyOf(lost));
        Map<String, Object> byCause = new TreeMap<>();
        national.causes.forEach((c, n) -> byCause.put(c, Map.of("gained", n[0], "lost", n[1])));
        audit.record(actor, "policy.what-if", "policy:" + candidate, Map.of("baselineVersion", before.version(), "program", prog,
                "filter", filter, "households", national.households, "eligibleBefore", national.before, "eligibleAfter", national.after,
                "newlyEligible", national.gained, "newlyIneligible", national.lost, "byCause", byCause));
        log.info("what-if of policy version {} against version {} by {}: {} households, eligible {} -> {}", candidate,
                before.version(), actor, national.households, national.before, national.after);
        return report;
    }

    /**
     * The highest cut-off (0 to 100) at which {@code program}'s yearly cost fits {@code yearlyBudget},
     * under {@code version} (the one in force when null). The exclusion filters still apply, and a
     * cut-off the tables raise for some households (such as one with a disabled member) keeps its
     * distance above the standard cut-off, which is the lowest one that applies to the household.
     */
    public BudgetPlan solve(Integer version, String province, String district, String program, long yearlyBudget,
                            long transferAmount, Integer paymentsPerYear, String actor) {
        int payments = payments(paymentsPerYear, transferAmount);
        if (yearlyBudget < 0) {
            throw refused("yearlyBudget", "the yearly budget cannot be negative");
        }
        String prog = program == null || program.isBlank() ? Eligibility.CASH_TRANSFER : program;
        CompiledPolicy policy = version == null ? policies.active() : policies.version(version);
        long yearly = transferAmount * payments;
        Thresholds national = new Thresholds(null, null);
        Map<String, Thresholds> provinces = new TreeMap<>();
        Map<String, Thresholds> districts = new TreeMap<>();
        eligibility.forEachCurrentHousehold(province, district, h -> {
            Integer t = threshold(EligibilityEvaluator.evaluate(policy, h.facts()), prog);
            national.add(t);
            provinces.computeIfAbsent(h.province(), p -> new Thresholds(p, null)).add(t);
            districts.computeIfAbsent(h.province() + "\u0000" + h.district(), d -> new Thresholds(h.province(), h.district())).add(t);
        });
        national.sort();
        Integer cutoff = null;
        for (int c = MAX_CUTOFF; c >= 0; c--) {
            if (national.covered(c) * yearly <= yearlyBudget) {
                cutoff = c;
                break;
            }
        }
        int chosen = cutoff == null ? -1 : cutoff;
        provinces.values().forEach(Thresholds::sort);
        districts.values().forEach(Thresholds::sort);
        String filter = describe(province, district);
        BudgetPlan plan = new BudgetPlan(policy.version(), policy.sha256(), prog, filter, yearlyBudget, transferAmount, payments, cutoff,
                national.covered(chosen) * yearly, clock.instant(), actor, national.coverage(chosen, yearly),
                provinces.values().stream().map(t -> t.coverage(chosen, yearly)).toList(),
                districts.values().stream().map(t -> t.coverage(chosen, yearly)).toList());
        audit.record(actor, "policy.budget", "policy:" + policy.version(), Map.of("program", prog, "filter", filter, "yearlyBudget", yearlyBudget,
                "transferAmount", transferAmount, "paymentsPerYear", payments, "cutoff", cutoff == null ? "none" : cutoff,
                "covered", plan.national().covered()));
        return plan;
    }

    /** The lowest standard cut-off that would cover the household, or null if none would (excluded, or the program does not apply). */
    private static Integer threshold(Evaluation e, String program) {
        List<Integer> cutoffs = e.cutoffs().get(program);
        if (cutoffs == null || cutoffs.isEmpty() || !e.exclusions().isEmpty()) {
            return null;
        }
        int allowance = cutoffs.get(cutoffs.size() - 1) - cutoffs.get(0);
        return e.score() - allowance;
    }

    private int payments(Integer paymentsPerYear, long transferAmount) {
        int payments = paymentsPerYear == null ? defaultPaymentsPerYear : paymentsPerYear;
        if (payments < 1 || payments > 12) {
            throw refused("paymentsPerYear", "payments per year must be between 1 and 12");
        }
        if (transferAmount <= 0) {
            throw refused("transferAmount", "the transfer amount must be a positive number of rupees");
        }
        return payments;
    }

    private static InvalidRequestException refused(String field, String message) {
        return new InvalidRequestException(field, message);
    }

    private static String describe(String province, String district) {
        if (province == null && district == null) {
            return "whole registry";
        }
        return (province == null ? "" : "province " + province) + (province != null && district != null ? ", " : "")
                + (district == null ? "" : "district " + district);
    }

    private static final class Tally {
        private final String province;
        private final String district;
        private long households;
        private long before;
        private long after;
        private long gained;
        private long lost;
        /** Gained and lost by cause, in the order of the causes' names. */
        private final Map<String, long[]> causes = new TreeMap<>();

        Tally(String province, String district) {
            this.province = province;
            this.district = district;
        }

        /** {@code cause} is the bucket of a household that gains or loses the program, null otherwise. */
        void add(boolean was, boolean is, String cause) {
            households++;
            before += was ? 1 : 0;
            after += is ? 1 : 0;
            gained += !was && is ? 1 : 0;
            lost += was && !is ? 1 : 0;
            if (cause != null) {
                causes.computeIfAbsent(cause, c -> new long[2])[is ? 0 : 1]++;
            }
        }

        WhatIfReport.Area area(long yearly) {
            List<WhatIfReport.CauseCount> split = causes.entrySet().stream()
                    .map(e -> new WhatIfReport.CauseCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            return new WhatIfReport.Area(province, district, households, before, after, gained, lost, before * yearly, after * yearly, split);
        }
    }

    private static final class Thresholds {
        private final String province;
        private final String district;
        private long households;
        private int[] values = new int[64];
        private int size;

        Thresholds(String province, String district) {
            this.province = province;
            this.district = district;
        }

        void add(Integer threshold) {
            households++;
            if (threshold != null) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, size * 2);
                }
                values[size++] = threshold;
            }
        }

        void sort() {
            Arrays.sort(values, 0, size);
        }

        /** Households covered at standard cut-off c (sorted first); none for c below 0. */
        long covered(int c) {
            if (c < 0) {
                return 0;
            }
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] <= c) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        BudgetPlan.Coverage coverage(int c, long yearly) {
            long n = covered(c);
            return new BudgetPlan.Coverage(province, district, households, n, n * yearly);
        }
    }
}
