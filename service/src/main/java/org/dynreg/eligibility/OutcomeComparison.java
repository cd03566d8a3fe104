package org.dynreg.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.dynreg.policy.OutcomeDifference;
import org.dynreg.policy.OutcomeDifference.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two evaluations of one household compared field by field, each difference with its kind: what a reference
 * household pins ({@link ReferenceOutcome#found}) and, beyond it, the points of each indicator, the poverty
 * likelihoods and the rules fired. Used by replay to say how another version would decide a recorded decision.
 */
public final class OutcomeComparison {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private OutcomeComparison() {
    }

    /** Every difference from {@code before} to {@code after}: the kinds a reference household pins first, then the rest. */
    public static List<OutcomeDifference> between(Evaluation before, Evaluation after) {
        List<OutcomeDifference> out = new ArrayList<>(ReferenceOutcome.of(before).found(ReferenceOutcome.of(after)));
        Map<Integer, Evaluation.IndicatorResult> a = indicators(before);
        Map<Integer, Evaluation.IndicatorResult> b = indicators(after);
        for (Integer n : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            Evaluation.IndicatorResult x = a.get(n);
            Evaluation.IndicatorResult y = b.get(n);
            if (x == null || y == null || x.points() != y.points() || !Objects.equals(x.answer(), y.answer())) {
                String question = (x != null ? x : y).question();
                out.add(new OutcomeDifference(Kind.INDICATOR, null, "indicator " + n + " " + question, shown(x), shown(y),
                        "indicator " + n + " (" + question + "): " + shown(x) + " → " + shown(y)));
            }
        }
        Map<String, Double> la = before.likelihoods() == null ? Map.of() : before.likelihoods();
        Map<String, Double> lb = after.likelihoods() == null ? Map.of() : after.likelihoods();
        for (String line : union(la.keySet(), lb.keySet())) {
            if (!Objects.equals(la.get(line), lb.get(line))) {
                out.add(new OutcomeDifference(Kind.LIKELIHOOD, null, "likelihood " + line, String.valueOf(la.get(line)),
                        String.valueOf(lb.get(line)), "likelihood " + line + ": " + la.get(line) + " → " + lb.get(line)));
            }
        }
        Set<String> ra = rules(before);
        Set<String> rb = rules(after);
        if (!ra.equals(rb)) {
            List<String> gone = ra.stream().filter(r -> !rb.contains(r)).toList();
            List<String> come = rb.stream().filter(r -> !ra.contains(r)).toList();
            out.add(new OutcomeDifference(Kind.RULES_FIRED, null, "firedRules", gone.isEmpty() ? null : String.join("; ", gone),
                    come.isEmpty() ? null : String.join("; ", come), "rules fired: no longer " + gone + ", now also " + come));
        }
        return out;
    }

    /**
     * A recorded decision's outputs read back as an evaluation, to compare with a replayed one. The exclusions and the
     * cut-offs per program are not among the stored outputs (the reasons and the programs carry them): they stay unknown,
     * and so are not compared.
     */
    public static Evaluation recorded(int version, String sha256, Map<String, JsonNode> outputs) {
        try {
            return new Evaluation(version, sha256,
                    outputs.get(Eligibility.SCORE).asInt(),
                    List.of(JSON.treeToValue(outputs.get(Eligibility.BREAKDOWN), Evaluation.IndicatorResult[].class)),
                    JSON.convertValue(outputs.get(Eligibility.LIKELIHOODS), JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Double.class)),
                    List.of(JSON.treeToValue(outputs.get(Eligibility.PROGRAMS), Evaluation.ProgramResult[].class)),
                    List.of(JSON.treeToValue(outputs.get(Eligibility.FIRED_RULES), Evaluation.FiredRule[].class)),
                    List.of(JSON.treeToValue(outputs.get(Eligibility.REASONS), String[].class)),
                    null, null);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("the recorded outputs of a decision could not be read back as an evaluation", e);
        }
    }

    private static Map<Integer, Evaluation.IndicatorResult> indicators(Evaluation e) {
        Map<Integer, Evaluation.IndicatorResult> out = new LinkedHashMap<>();
        if (e.breakdown() != null) {
            e.breakdown().forEach(i -> out.put(i.indicator(), i));
        }
        return out;
    }

    private static Set<String> rules(Evaluation e) {
        Set<String> out = new LinkedHashSet<>();
        if (e.firedRules() != null) {
            e.firedRules().forEach(r -> out.add(r.rule()));
        }
        return out;
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static String shown(Evaluation.IndicatorResult i) {
        return i == null ? "none" : i.points() + " points (" + i.answer() + ")";
    }
}
