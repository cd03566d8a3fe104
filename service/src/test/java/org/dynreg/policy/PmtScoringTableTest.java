package org.dynreg.policy;

import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.eligibility.ReferenceCsv;
import org.dynreg.eligibility.ScoredHouseholds;
import org.dynreg.eligibility.facts.HouseholdFacts;
import org.dynreg.eligibility.facts.PovertyLikelihood;
import org.dynreg.eligibility.facts.PovertyScore;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.Toilet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Scorecard and Likelihood sheets of decision-tables/pmt-scoring.drl.xlsx, row by row, against the
 * published tables (pakistan-scorecard-2009*.csv), through the real compiled policy.
 */
class PmtScoringTableTest {

    static final String WORKBOOK = "decision-tables/pmt-scoring.drl.xlsx";
    static final Map<Integer, Map<String, Integer>> PUBLISHED = ReferenceCsv.scorecardPoints();

    /** A middle-of-the-road household; each case changes the one indicator it is about. */
    static final Map<Integer, String> BASE = Map.of(1, "D", 2, "C", 3, "B", 4, "B", 5, "C", 6, "B", 7, "B", 8, "A", 9, "B", 10, "A");

    /**
     * One way of answering an indicator: the rule (row) of the Scorecard sheet it must hit, and the
     * published option whose points that row must give. AJK and Gilgit-Baltistan are not in the
     * published table: by docs/decisions/0002 they take option B (Khyber Pakhtunkhwa).
     */
    record Case(String label, int indicator, String publishedOption, String rule, Consumer<HouseholdFacts> answer) {
        @Override
        public String toString() {
            return rule + " <- " + label;
        }
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("Balochistan", 1, "A", "1A Balochistan", h -> h.setProvince("BALOCHISTAN")));
        c.add(new Case("Khyber Pakhtunkhwa", 1, "B", "1B Khyber Pakhtunkhwa", h -> h.setProvince("KHYBER_PAKHTUNKHWA")));
        c.add(new Case("Sindh", 1, "C", "1C Sindh", h -> h.setProvince("SINDH")));
        c.add(new Case("Punjab", 1, "D", "1D Punjab or Islamabad", h -> h.setProvince("PUNJAB")));
        c.add(new Case("Islamabad", 1, "D", "1D Punjab or Islamabad", h -> h.setProvince("ISLAMABAD")));
        c.add(new Case("Azad Jammu and Kashmir", 1, "B", "1E Azad Jammu and Kashmir", h -> h.setProvince("AJK")));
        c.add(new Case("Gilgit-Baltistan", 1, "B", "1F Gilgit-Baltistan", h -> h.setProvince("GILGIT_BALTISTAN")));

        c.add(new Case("nine children", 2, "A", "2A Five or more", h -> h.setMembersAged13OrYounger(9)));
        c.add(new Case("five children", 2, "A", "2A Five or more", h -> h.setMembersAged13OrYounger(5)));
        c.add(new Case("four children", 2, "B", "2B Four", h -> h.setMembersAged13OrYounger(4)));
        c.add(new Case("three children", 2, "C", "2C Three", h -> h.setMembersAged13OrYounger(3)));
        c.add(new Case("two children", 2, "D", "2D Two", h -> h.setMembersAged13OrYounger(2)));
        c.add(new Case("one child", 2, "E", "2E One", h -> h.setMembersAged13OrYounger(1)));
        c.add(new Case("no child", 2, "F", "2F None", h -> h.setMembersAged13OrYounger(0)));

        c.add(new Case("one of two children out of school", 3, "A", "3A Not all", h -> {
            h.setChildrenAged5To13(2);
            h.setChildrenAged5To13InSchool(1);
            h.setAllChildrenAged5To13InSchool(false);
        }));
        c.add(new Case("both children in school", 3, "B", "3B All, or no children aged 5 to 13", h -> {
            h.setChildrenAged5To13(2);
            h.setChildrenAged5To13InSchool(2);
            h.setAllChildrenAged5To13InSchool(true);
        }));
        c.add(new Case("no child aged 5 to 13", 3, "B", "3B All, or no children aged 5 to 13", h -> {
            h.setChildrenAged5To13(0);
            h.setChildrenAged5To13InSchool(0);
            h.setAllChildrenAged5To13InSchool(true);
        }));

        c.add(new Case("three elementary workers", 4, "A", "4A Two or more", h -> h.setElementaryOccupationMembers(3)));
        c.add(new Case("two elementary workers", 4, "A", "4A Two or more", h -> h.setElementaryOccupationMembers(2)));
        c.add(new Case("one elementary worker", 4, "B", "4B One", h -> h.setElementaryOccupationMembers(1)));
        c.add(new Case("no elementary worker", 4, "C", "4C None", h -> h.setElementaryOccupationMembers(0)));

        c.add(new Case("female head or spouse, no class completed", 5, "A", "5A Less than Class 1", h -> {
            h.setFemaleHeadOrSpousePresent(true);
            h.setFemaleHeadOrSpouseClassesCompleted(0);
        }));
        c.add(new Case("no female head or spouse", 5, "B", "5B No female head or spouse", h -> {
            h.setFemaleHeadOrSpousePresent(false);
            h.setFemaleHeadOrSpouseClassesCompleted(0);
        }));
        c.add(new Case("female head or spouse, class 1", 5, "C", "5C Class 1 or higher", h -> {
            h.setFemaleHeadOrSpousePresent(true);
            h.setFemaleHeadOrSpouseClassesCompleted(1);
        }));
        c.add(new Case("female head or spouse, master's degree", 5, "C", "5C Class 1 or higher", h -> {
            h.setFemaleHeadOrSpousePresent(true);
            h.setFemaleHeadOrSpouseClassesCompleted(16);
        }));

        Set<DrinkingWater> improved = Set.of(DrinkingWater.PIPED, DrinkingWater.HAND_PUMP, DrinkingWater.MOTOR_PUMP, DrinkingWater.COVERED_WELL);
        for (DrinkingWater w : DrinkingWater.values()) {
            c.add(improved.contains(w)
                    ? new Case("water " + w, 6, "B", "6B Hand pump, covered well, motor pump or tube well, or piped water", h -> h.setDrinkingWater(w.name()))
                    : new Case("water " + w, 6, "A", "6A Other sources", h -> h.setDrinkingWater(w.name())));
        }
        for (Toilet t : Toilet.values()) {
            String[] option = switch (t) {
                case FLUSH_SEWER -> new String[]{"C", "7C Flush to public sewerage"};
                case FLUSH_SEPTIC, FLUSH_PIT, FLUSH_OPEN_DRAIN -> new String[]{"B", "7B Flush to pit, septic tank or open drain"};
                default -> new String[]{"A", "7A None or other"};
            };
            c.add(new Case("toilet " + t, 7, option[0], option[1], h -> h.setToilet(t.name())));
        }

        c.add(new Case("no refrigerator or freezer", 8, "A", "8A No", h -> h.setRefrigeratorOrFreezer(false)));
        c.add(new Case("refrigerator or freezer", 8, "B", "8B Yes", h -> h.setRefrigeratorOrFreezer(true)));
        c.add(new Case("no television", 9, "A", "9A No", h -> h.setTelevision(false)));
        c.add(new Case("television", 9, "B", "9B Yes", h -> h.setTelevision(true)));
        c.add(new Case("no vehicle", 10, "A", "10A No", h -> h.setVehicle(false)));
        c.add(new Case("vehicle", 10, "B", "10B Yes", h -> h.setVehicle(true)));
        return c;
    }

    static Evaluation evaluate(HouseholdFactsBuilder.Facts facts) {
        return EligibilityEvaluator.evaluate(RepositoryPolicy.compiled(), facts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRowGivesThePublishedPointsForItsAnswer(Case c) {
        HouseholdFactsBuilder.Facts facts = ScoredHouseholds.withAnswers(BASE, false);
        c.answer().accept(facts.household());

        Evaluation e = evaluate(facts);

        assertThat(e.breakdown()).extracting(Evaluation.IndicatorResult::indicator)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Evaluation.IndicatorResult result = e.breakdown().get(c.indicator() - 1);
        assertThat(result.answer()).isEqualTo(c.rule());
        assertThat(result.points()).isEqualTo(PUBLISHED.get(c.indicator()).get(c.publishedOption()));
        assertThat(e.score()).isEqualTo(e.breakdown().stream().mapToInt(Evaluation.IndicatorResult::points).sum());
        assertThat(e.firedRules()).filteredOn(r -> r.rule().equals(c.rule()))
                .singleElement()
                .extracting(Evaluation.FiredRule::source).asString()
                .startsWith(WORKBOOK + ", sheet Scorecard, row ");
    }

    @Test
    void everyRowOfTheScorecardSheetIsExercised() {
        Set<String> sheetRules = RepositoryPolicy.compiled().ruleSources().entrySet().stream()
                .filter(s -> WORKBOOK.equals(s.getValue().file()) && "Scorecard".equals(s.getValue().sheet()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> exercised = cases().stream().map(Case::rule).collect(Collectors.toCollection(TreeSet::new));

        assertThat(sheetRules).hasSize(31);
        assertThat(exercised).isEqualTo(sheetRules);
    }

    @Test
    void everyPublishedOptionIsReachedByARow() {
        Set<String> published = new TreeSet<>();
        PUBLISHED.forEach((indicator, options) -> options.keySet().forEach(o -> published.add(indicator + o)));
        Set<String> reached = cases().stream().map(c -> c.indicator() + c.publishedOption())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(reached).isEqualTo(published);
    }

    @Test
    void theWorstAnswersScore0AndTheBestScore100() {
        Map<Integer, String> worst = new LinkedHashMap<>();
        Map<Integer, String> best = new LinkedHashMap<>();
        PUBLISHED.forEach((indicator, options) -> {
            worst.put(indicator, options.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey());
            best.put(indicator, options.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        });

        assertThat(evaluate(ScoredHouseholds.withAnswers(worst, false)).score()).isZero();
        assertThat(evaluate(ScoredHouseholds.withAnswers(best, false)).score()).isEqualTo(100);
        assertThat(evaluate(ScoredHouseholds.withAnswers(best, true)).score()).isEqualTo(100);
    }

    @Test
    void everyScoreFrom0To100ExceptOneCanBeReached() {
        List<Integer> unreachable = IntStream.rangeClosed(0, 100)
                .filter(s -> ScoredHouseholds.answersFor(s, Map.of()).isEmpty())
                .boxed().toList();

        // the smallest positive points of any answer are 2, so no household scores exactly 1
        assertThat(unreachable).containsExactly(1);
    }

    static Map<Integer, Map<String, Double>> publishedLikelihoods() {
        Map<Integer, Map<String, Double>> out = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceCsv.read(ReferenceCsv.LIKELIHOODS)) {
            Map<String, Double> lines = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                if (!k.equals("score")) {
                    lines.put(k, Double.parseDouble(v));
                }
            });
            out.put(Integer.parseInt(row.get("score")), lines);
        }
        return out;
    }

    static IntStream scores() {
        return IntStream.rangeClosed(0, 100);
    }

    @ParameterizedTest(name = "score {0}")
    @MethodSource("scores")
    void theLikelihoodOfEveryScoreIsThePublishedOne(int score) {
        Map<String, Double> expected = publishedLikelihoods().get(score);
        assertThat(expected).hasSize(9);

        assertThat(likelihoodsOfScoreAlone(score)).isEqualTo(expected);
        if (ScoredHouseholds.answersFor(score, Map.of()).isPresent()) {
            Evaluation plain = evaluate(ScoredHouseholds.withScore(score));
            Evaluation disabled = evaluate(ScoredHouseholds.withScore(score, true));
            assertThat(plain.score()).isEqualTo(score);
            assertThat(plain.likelihoods()).isEqualTo(expected);
            assertThat(disabled.score()).isEqualTo(score);
            assertThat(disabled.likelihoods()).isEqualTo(expected);
        }
    }

    @Test
    void theLikelihoodTableCoversEveryScoreOnce() {
        assertThat(publishedLikelihoods().keySet()).containsExactlyElementsOf(scores().boxed().toList());
    }

    /** The Likelihood sheet's rules fired on a score alone, for the score no household can reach. */
    static Map<String, Double> likelihoodsOfScoreAlone(int score) {
        KieSession session = RepositoryPolicy.compiled().kieBase().newKieSession();
        try {
            session.insert(new PovertyScore(score));
            session.fireAllRules();
            Map<String, Double> out = new LinkedHashMap<>();
            for (Object o : session.getObjects()) {
                if (o instanceof PovertyLikelihood l) {
                    assertThat(out.put(l.getLine(), l.getPercent())).as("one likelihood per line").isNull();
                }
            }
            return out;
        } finally {
            session.dispose();
        }
    }
}
