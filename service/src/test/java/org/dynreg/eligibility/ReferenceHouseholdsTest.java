package org.dynreg.eligibility;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.policy.OutcomeDifference;
import org.dynreg.policy.RepositoryPolicy;
import org.dynreg.registry.SurveyValidator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reference households of decision-tables/reference-households/: each one is valid and gets, under the
 * repository's own policy, the outcome its file expects (hand-checked against the published scorecard and
 * the tables, see each file's description).
 */
class ReferenceHouseholdsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** After every reference survey date, so the check that a survey is not from the future always passes. */
    static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-01-01T00:00:00+05:00").toInstant(), ZoneOffset.UTC);

    final SurveyValidator validator = new SurveyValidator(CLOCK);

    static Path folder() {
        return RepositoryPolicy.root().resolve("decision-tables/reference-households");
    }

    static List<Path> files() {
        try (Stream<Path> paths = Files.list(folder())) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's files, parsed, sorted by name as {@link ReferenceHouseholds#fromClasspath()} sorts them. */
    static List<ReferenceHousehold> repository() {
        return files().stream().map(p -> {
            String file = p.getFileName().toString();
            try {
                return ReferenceHouseholds.parse(file.substring(0, file.length() - ".json".length()), Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sorted(Comparator.comparing(ReferenceHousehold::name)).toList();
    }

    static Stream<Named<ReferenceHousehold>> households() {
        return repository().stream().map(h -> Named.of(h.name(), h));
    }

    Evaluation evaluation(ReferenceHousehold h) {
        return EligibilityEvaluator.evaluate(RepositoryPolicy.compiled(), HouseholdFactsBuilder.build(validator.bind(h.survey())));
    }

    @Test
    void theFolderHoldsTheReferencesUnderPlainNames() {
        // a name containing ".drl" would match the default bundle's pattern and be read as policy
        assertThat(files()).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("[a-z0-9]+(-[a-z0-9]+)*\\.json"));
        assertThat(folder().resolve("README.md")).isRegularFile();
    }

    @Test
    void theClasspathCopyHoldsTheSameHouseholds() {
        List<ReferenceHousehold> onClasspath = ReferenceHouseholds.fromClasspath();

        assertThat(onClasspath).extracting(ReferenceHousehold::name)
                .containsExactlyElementsOf(repository().stream().map(ReferenceHousehold::name).toList());
        assertThat(onClasspath).containsExactlyElementsOf(repository());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("households")
    void eachReferenceHouseholdGetsItsExpectedOutcomeUnderTheRepositoryPolicy(ReferenceHousehold h) {
        assertThat(validator.validate(h.survey())).isEmpty();

        ReferenceOutcome actual = ReferenceHouseholds.evaluate(h, RepositoryPolicy.compiled(), validator);

        assertThat(h.expected().differencesFrom(actual)).as(h.name()).isEmpty();
        assertThat(actual).isEqualTo(h.expected());
        assertThat(h.description()).contains("Score " + h.expected().score() + " = ");
    }

    @Test
    void theNationalIdsAreTheirOwn() {
        List<String> ids = repository().stream()
                .flatMap(h -> h.survey().get("members").valueStream())
                .map(m -> SurveyValidator.canonicalNationalId(m.get("nationalId").asText()))
                .toList();

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).startsWith("99"));
    }

    @Test
    void theReferencesReachEveryOutcomeRuleAndExclusionFilter() {
        Set<String> fired = repository().stream().flatMap(h -> evaluation(h).firedRules().stream())
                .map(Evaluation.FiredRule::rule).collect(Collectors.toSet());
        Set<String> provinces = repository().stream().map(h -> h.survey().get("location").get("province").asText())
                .collect(Collectors.toSet());

        assertThat(fired).contains("government employment", "car ownership", "agricultural land", "international travel",
                "high phone bill", "the standard cut-off", "the cut-off for households with a disabled member",
                "Cash transfer: score at or below the cut-off", "Cash transfer: score above the cut-off",
                "Cash transfer: removed by an exclusion filter",
                "Payment recipient: the first ever-married woman by the table's priority",
                "Payment recipient: none in the household", "Education stipend: granted for each school-age child",
                "Education stipend: household not eligible for the cash transfer", "Education stipend: no school-age child");
        assertThat(provinces).contains("AJK", "GILGIT_BALTISTAN");
        assertThat(repository()).extracting(h -> h.expected().score(), h -> h.expected().programs().get("UCT"))
                .contains(tuple(32, true), tuple(33, false), tuple(37, true), tuple(38, false));
    }

    // differencesFrom

    static final String SCORE_32 = "The household's poverty score is 32 out of 100.";
    static final String ELIGIBLE = "Unconditional cash transfer: Eligible.";
    static final String PAYMENT = "Payment: to member 2, the wife of the head.";

    static ReferenceOutcome outcome(int score, Map<String, Boolean> programs, String... reasons) {
        return new ReferenceOutcome(score, programs, List.of(reasons));
    }

    static Map<String, Boolean> programs(Object... codeAndEligible) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (int i = 0; i < codeAndEligible.length; i += 2) {
            out.put((String) codeAndEligible[i], (Boolean) codeAndEligible[i + 1]);
        }
        return out;
    }

    final ReferenceOutcome expected = outcome(32, programs("UCT", true, "CCT_EDUCATION", false), SCORE_32, ELIGIBLE, PAYMENT);

    @Test
    void anEqualOutcomeHasNoDifferences() {
        ReferenceOutcome same = outcome(32, programs("CCT_EDUCATION", false, "UCT", true), SCORE_32, ELIGIBLE, PAYMENT);

        assertThat(expected.differencesFrom(same)).isEmpty();
        assertThat(expected).isEqualTo(same);
    }

    static ReferenceOutcome pinned(int cutoff, List<String> exclusions, int recipient, String... reasons) {
        return new ReferenceOutcome(32, programs("UCT", true, "CCT_EDUCATION", false), Map.of("UCT", cutoff), exclusions,
                Map.of("UCT", recipient), Map.of(), List.of(reasons));
    }

    @Test
    void eachDifferenceHasItsKindTheProgramItConcernsAndBothValues() {
        ReferenceOutcome expected = pinned(32, List.of(), 2, SCORE_32, ELIGIBLE, PAYMENT);
        ReferenceOutcome actual = pinned(34, List.of("car ownership"), 5, SCORE_32, ELIGIBLE, "Payment: to member 5.");

        assertThat(expected.found(actual)).extracting(OutcomeDifference::key, OutcomeDifference::field, OutcomeDifference::expected,
                OutcomeDifference::actual).containsExactly(
                tuple("CUTOFF:UCT", "UCT.cutoff", "32", "34"),
                tuple("EXCLUSION", "exclusions", "none", "car ownership"),
                tuple("RECIPIENT:UCT", "UCT.paymentRecipient", "member 2", "member 5"),
                tuple("WORDING", "reasons", PAYMENT, null),
                tuple("WORDING", "reasons", null, "Payment: to member 5."));
        assertThat(expected.differencesFrom(actual)).contains("cut-off used for UCT: expected 32, got 34",
                "exclusion filters matched: expected none, got car ownership");
    }

    @Test
    void aPartAnExpectationDoesNotPinIsNotCompared() {
        ReferenceOutcome unpinned = outcome(32, programs("UCT", true, "CCT_EDUCATION", false), SCORE_32, ELIGIBLE, PAYMENT);

        assertThat(unpinned.found(pinned(34, List.of("car ownership"), 5, SCORE_32, ELIGIBLE, PAYMENT))).isEmpty();
    }

    @Test
    void acceptingAKindTakesOnlyThatPartOfTheActualOutcome() {
        ReferenceOutcome expected = pinned(32, List.of(), 2, SCORE_32, ELIGIBLE, PAYMENT);
        ReferenceOutcome actual = pinned(34, List.of(), 2, SCORE_32, "Unconditional cash transfer: Eligible at 34.", PAYMENT);

        ReferenceOutcome cutoffAccepted = expected.accepting(actual, OutcomeDifference.Kind.CUTOFF, "UCT");
        assertThat(cutoffAccepted.found(actual)).extracting(OutcomeDifference::kind).containsOnly(OutcomeDifference.Kind.WORDING);
        assertThat(cutoffAccepted.accepting(actual, OutcomeDifference.Kind.WORDING, null)).isEqualTo(actual);
        assertThatThrownBy(() -> expected.accepting(actual, OutcomeDifference.Kind.RULES_FIRED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pins no rules fired");
    }

    @Test
    void aDifferentScoreIsNamed() {
        ReferenceOutcome actual = outcome(35, expected.programs(), SCORE_32, ELIGIBLE, PAYMENT);

        assertThat(expected.differencesFrom(actual)).containsExactly("score: expected 32, got 35");
    }

    @Test
    void aDifferentEligibilityIsNamedByProgram() {
        ReferenceOutcome actual = outcome(32, programs("UCT", false, "CCT_EDUCATION", true), SCORE_32, ELIGIBLE, PAYMENT);

        assertThat(expected.differencesFrom(actual)).containsExactly(
                "UCT: expected eligible, got not eligible",
                "CCT_EDUCATION: expected not eligible, got eligible");
    }

    @Test
    void aProgramMissingOnEitherSideIsNamed() {
        ReferenceOutcome actual = outcome(32, programs("UCT", true, "CCT_HEALTH", true), SCORE_32, ELIGIBLE, PAYMENT);

        assertThat(expected.differencesFrom(actual)).containsExactly(
                "CCT_EDUCATION: expected not eligible, got no outcome for this program",
                "CCT_HEALTH: no outcome expected, got eligible");
    }

    @Test
    void missingAndUnexpectedReasonsAreQuoted() {
        ReferenceOutcome actual = outcome(32, expected.programs(), SCORE_32, ELIGIBLE,
                "Payment: to member 5, another ever-married woman of the household.");

        assertThat(expected.differencesFrom(actual)).containsExactly(
                "reasons: missing \"" + PAYMENT + "\"",
                "reasons: unexpected \"Payment: to member 5, another ever-married woman of the household.\"");
    }

    @Test
    void aReasonGivenTwiceIsUnexpectedOnce() {
        ReferenceOutcome actual = outcome(32, expected.programs(), SCORE_32, ELIGIBLE, PAYMENT, PAYMENT);

        assertThat(expected.differencesFrom(actual)).containsExactly("reasons: unexpected \"" + PAYMENT + "\"");
    }

    @Test
    void theSameReasonsInAnotherOrderAreADifference() {
        ReferenceOutcome actual = outcome(32, expected.programs(), SCORE_32, PAYMENT, ELIGIBLE);

        assertThat(expected.differencesFrom(actual)).singleElement().asString()
                .startsWith("reasons: the same sentences in another order");
        assertThat(expected).isNotEqualTo(actual);
    }

    @Test
    void everyKindOfDifferenceIsListedAtOnce() {
        ReferenceOutcome actual = outcome(40, programs("UCT", false), SCORE_32);

        assertThat(expected.differencesFrom(actual)).containsExactly(
                "score: expected 32, got 40",
                "UCT: expected eligible, got not eligible",
                "CCT_EDUCATION: expected not eligible, got no outcome for this program",
                "reasons: missing \"" + ELIGIBLE + "\"",
                "reasons: missing \"" + PAYMENT + "\"");
    }

    @Test
    void theOutcomeOfAnEvaluationKeepsItsProgramsAndReasons() {
        ReferenceHousehold h = repository().stream().filter(r -> r.name().equals("cutoff-32-standard-eligible")).findFirst().orElseThrow();
        Evaluation e = evaluation(h);

        ReferenceOutcome o = ReferenceOutcome.of(e);

        assertThat(o.score()).isEqualTo(e.score());
        assertThat(o.programs()).containsExactly(Map.entry("UCT", true), Map.entry("CCT_EDUCATION", true));
        assertThat(o.reasons()).isEqualTo(e.reasons());
    }

    // malformed files

    static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(Files.readAllBytes(files().get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(ObjectNode file) {
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithoutSurveyOrExpectedIsRefusedWithItsNameAndFields() {
        ObjectNode file = valid();
        file.remove("survey");
        file.remove("expected");

        assertThatThrownBy(() -> ReferenceHouseholds.parse("broken-household", bytes(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broken-household.json: ")
                .hasMessageContaining("survey: is required")
                .hasMessageContaining("expected: is required");
    }

    @Test
    void eachMalformedFieldOfTheExpectedOutcomeIsNamed() {
        ObjectNode file = valid();
        ObjectNode expected = (ObjectNode) file.get("expected");
        expected.remove("score");
        ((ObjectNode) expected.get("programs")).put("UCT", "yes");
        expected.putArray("reasons").add("The household's poverty score is 32 out of 100.").add(7);
        file.put("description", " ");

        assertThatThrownBy(() -> ReferenceHouseholds.parse("broken-household", bytes(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broken-household.json: ")
                .hasMessageContaining("description: is required")
                .hasMessageContaining("expected.score: is required: a whole number")
                .hasMessageContaining("expected.programs.UCT: must be true (eligible) or false")
                .hasMessageContaining("expected.reasons[1]: must be a sentence");
    }

    @Test
    void aScoreThatIsNotAWholeNumberIsRefused() {
        ObjectNode file = valid();
        ((ObjectNode) file.get("expected")).put("score", 32.5);

        assertThatThrownBy(() -> ReferenceHouseholds.parse("half-point", bytes(file)))
                .hasMessage("half-point.json: expected.score: is required: a whole number");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithItsName() {
        byte[] truncated = "{\"description\": \"x\", \"survey\": {".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReferenceHouseholds.parse("truncated", truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("truncated.json: not valid JSON at line 1");
    }

    @Test
    void aProgramWrittenTwiceIsRefused() {
        String text = new String(bytes(valid()), StandardCharsets.UTF_8)
                .replace("\"programs\":{", "\"programs\":{\"UCT\":false,");

        assertThatThrownBy(() -> ReferenceHouseholds.parse("twice", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("twice.json: not valid JSON")
                .hasMessageContaining("UCT");
    }

    @Test
    void anInvalidReferenceSurveyIsAnErrorNamingTheFileAndTheFieldPaths() {
        ObjectNode file = valid();
        ObjectNode survey = (ObjectNode) file.get("survey");
        ((ObjectNode) survey.get("location")).remove("province");
        ((ObjectNode) survey.get("members").get(0)).put("nationalId", "777-777");
        ReferenceHousehold h = ReferenceHouseholds.parse("invalid-survey", bytes(file));

        assertThatThrownBy(() -> ReferenceHouseholds.evaluate(h, RepositoryPolicy.compiled(), validator))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid-survey.json: the reference survey is not valid: ")
                .hasMessageContaining("survey.location.province: ")
                .hasMessageContaining("survey.members[0].nationalId: ")
                .hasMessageNotContaining("777-777");
    }
}
