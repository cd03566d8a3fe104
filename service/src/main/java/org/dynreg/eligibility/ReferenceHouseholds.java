package org.dynreg.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.SurveyValidator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The reference households of decision-tables/reference-households/ (one JSON file each, described in
 * that folder's README.md), which every candidate policy version is run against. The build copies them
 * to the classpath beside the default policy bundle.
 */
public final class ReferenceHouseholds {

    static final String CLASSPATH = "classpath*:policy-bundle/reference-households/*.json";
    static final String SUFFIX = ".json";

    /** A key written twice (two "UCT" entries) would otherwise let the last one win unseen. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ReferenceHouseholds() {
    }

    /** Every reference household on the classpath, sorted by name. */
    public static List<ReferenceHousehold> fromClasspath() {
        Map<String, ReferenceHousehold> byName = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(CLASSPATH)) {
                String file = r.getFilename();
                String name = file.substring(0, file.length() - SUFFIX.length());
                byte[] content;
                try (InputStream in = r.getInputStream()) {
                    content = in.readAllBytes();
                }
                if (byName.put(name, parse(name, content)) != null) {
                    throw new IllegalStateException(file + ": two reference households of this name are on the classpath");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the reference households could not be read from the classpath", e);
        }
        return List.copyOf(byName.values());
    }

    /**
     * Reads one reference household file.
     *
     * @param name the file name without {@code .json}
     * @throws IllegalArgumentException naming the file and every field that is missing or malformed
     */
    public static ReferenceHousehold parse(String name, byte[] json) {
        String file = name + SUFFIX;
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": could not be read", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": must be a JSON object with description, survey and expected");
        }
        List<String> problems = new ArrayList<>();
        JsonNode description = root.get("description");
        if (description == null || !description.isTextual() || description.asText().isBlank()) {
            problems.add("description: is required: text saying which rule or boundary the household pins");
        }
        JsonNode survey = root.get("survey");
        if (survey == null || !survey.isObject()) {
            problems.add("survey: is required: the household's survey, a JSON object");
        }
        ReferenceOutcome expected = expected(root.get("expected"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        return new ReferenceHousehold(name, description.asText(), survey, expected);
    }

    private static ReferenceOutcome expected(JsonNode expected, List<String> problems) {
        if (expected == null || !expected.isObject()) {
            problems.add("expected: is required: an object with score, programs and reasons");
            return null;
        }
        int before = problems.size();
        JsonNode score = expected.get("score");
        if (score == null || !score.isIntegralNumber() || !score.canConvertToInt()) {
            problems.add("expected.score: is required: a whole number");
        }
        Map<String, Boolean> programs = new LinkedHashMap<>();
        JsonNode p = expected.get("programs");
        if (p == null || !p.isObject() || p.isEmpty()) {
            problems.add("expected.programs: is required: an object of program codes, each true (eligible) or false");
        } else {
            p.properties().forEach(e -> {
                if (e.getValue().isBoolean()) {
                    programs.put(e.getKey(), e.getValue().booleanValue());
                } else {
                    problems.add("expected.programs." + e.getKey() + ": must be true (eligible) or false");
                }
            });
        }
        List<String> reasons = new ArrayList<>();
        JsonNode r = expected.get("reasons");
        if (r == null || !r.isArray() || r.isEmpty()) {
            problems.add("expected.reasons: is required: a list of the reason sentences, in order");
        } else {
            for (int i = 0; i < r.size(); i++) {
                if (r.get(i).isTextual() && !r.get(i).asText().isBlank()) {
                    reasons.add(r.get(i).asText());
                } else {
                    problems.add("expected.reasons[" + i + "]: must be a sentence (text)");
                }
            }
        }
        Map<String, Integer> cutoffs = numbers(expected, "cutoffs", "the cut-off each program compared the score with", problems);
        List<String> exclusions = null;
        JsonNode x = expected.get("exclusions");
        if (x != null) {
            exclusions = new ArrayList<>();
            if (!x.isArray()) {
                problems.add("expected.exclusions: must be a list of the names of the exclusion filters that matched ([] for none)");
            } else {
                for (int i = 0; i < x.size(); i++) {
                    if (x.get(i).isTextual() && !x.get(i).asText().isBlank()) {
                        exclusions.add(x.get(i).asText());
                    } else {
                        problems.add("expected.exclusions[" + i + "]: must be a filter's name (text)");
                    }
                }
            }
        }
        Map<String, Integer> recipients = numbers(expected, "recipients",
                "the member line of the payment recipient (0: nobody can receive it)", problems);
        Map<String, List<Integer>> stipends = null;
        JsonNode s = expected.get("stipends");
        if (s != null) {
            stipends = new LinkedHashMap<>();
            if (!s.isObject()) {
                problems.add("expected.stipends: must be an object of program codes, each a list of member lines");
            } else {
                for (Map.Entry<String, JsonNode> e : s.properties()) {
                    List<Integer> lines = new ArrayList<>();
                    if (!e.getValue().isArray()) {
                        problems.add("expected.stipends." + e.getKey() + ": must be a list of member lines");
                        continue;
                    }
                    e.getValue().forEach(n -> {
                        if (n.isIntegralNumber() && n.canConvertToInt() && n.intValue() > 0) {
                            lines.add(n.intValue());
                        } else {
                            problems.add("expected.stipends." + e.getKey() + ": " + n + " is not a member line");
                        }
                    });
                    stipends.put(e.getKey(), lines);
                }
            }
        }
        return problems.size() > before ? null
                : new ReferenceOutcome(score.intValue(), programs, cutoffs, exclusions, recipients, stipends, reasons);
    }

    /** An optional object of program codes, each a whole number; null when the field is absent. */
    private static Map<String, Integer> numbers(JsonNode expected, String field, String meaning, List<String> problems) {
        JsonNode node = expected.get(field);
        if (node == null) {
            return null;
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!node.isObject()) {
            problems.add("expected." + field + ": must be an object of program codes, each " + meaning);
            return out;
        }
        node.properties().forEach(e -> {
            if (e.getValue().isIntegralNumber() && e.getValue().canConvertToInt()) {
                out.put(e.getKey(), e.getValue().intValue());
            } else {
                problems.add("expected." + field + "." + e.getKey() + ": must be a whole number, " + meaning);
            }
        });
        return out;
    }

    /**
     * The outcome the policy gives the household: its survey is validated, bound, turned into facts and
     * evaluated.
     *
     * @throws IllegalArgumentException naming the file and every field path when the survey is not valid
     */
    public static ReferenceOutcome evaluate(ReferenceHousehold h, CompiledPolicy policy, SurveyValidator validator) {
        List<FieldProblem> problems = validator.validate(h.survey());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(h.name() + SUFFIX + ": the reference survey is not valid: "
                    + problems.stream().map(p -> surveyPath(p) + ": " + p.message()).collect(Collectors.joining("; ")));
        }
        HouseholdFactsBuilder.Facts facts = HouseholdFactsBuilder.build(validator.bind(h.survey()));
        return ReferenceOutcome.of(EligibilityEvaluator.evaluate(policy, facts));
    }

    /** Where the problem is in the reference file, whose survey sits under "survey". */
    private static String surveyPath(FieldProblem p) {
        return "$".equals(p.path()) ? "survey" : "survey." + p.path();
    }
}
