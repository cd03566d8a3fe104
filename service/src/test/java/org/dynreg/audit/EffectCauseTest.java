package org.dynreg.audit;

import org.dynreg.eligibility.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The causes of one household's change, from its two evaluations (decision 0038). */
class EffectCauseTest {

    static Evaluation evaluation(int score, Integer cutoff, boolean eligible, String... exclusions) {
        return new Evaluation(1, "x", score, List.of(), Map.of(),
                List.of(new Evaluation.ProgramResult("UCT", eligible, cutoff, "why", null, List.of())), List.of(), List.of(),
                List.of(exclusions), cutoff == null ? Map.of() : Map.of("UCT", List.of(cutoff)));
    }

    @Test
    void aCutoffThatMovesPastTheScoreIsTheCause() {
        assertThat(EffectCause.of(evaluation(33, 32, false), evaluation(33, 34, true), "UCT")).containsExactly(EffectCause.CUTOFF);
    }

    @Test
    void aCutoffThatMovesWithoutCrossingTheScoreIsNoCause() {
        assertThat(EffectCause.of(evaluation(31, 32, false, "car ownership"), evaluation(31, 34, true), "UCT"))
                .containsExactly(EffectCause.EXCLUSION + "car ownership");
    }

    @Test
    void aScoreThatCrossesTheCutoffIsTheCause() {
        assertThat(EffectCause.of(evaluation(31, 32, true), evaluation(35, 32, false), "UCT")).containsExactly(EffectCause.SCORE);
    }

    @Test
    void severalCausesAreAllNamedAndCountedOnceUnderSeveral() {
        List<String> causes = EffectCause.of(evaluation(33, 32, false, "high phone bill"), evaluation(31, 34, true), "UCT");
        assertThat(causes).containsExactly(EffectCause.CUTOFF, EffectCause.SCORE, EffectCause.EXCLUSION + "high phone bill");
        assertThat(EffectCause.bucket(causes)).isEqualTo(EffectCause.SEVERAL);
        assertThat(EffectCause.bucket(List.of(EffectCause.SCORE))).isEqualTo(EffectCause.SCORE);
    }

    @Test
    void aFilterThatStartsExcludingIsTheCauseOfALoss() {
        assertThat(EffectCause.of(evaluation(20, 32, true), evaluation(20, 32, false, "international travel"), "UCT"))
                .containsExactly(EffectCause.EXCLUSION + "international travel");
    }

    @Test
    void whenNoneOfTheStructuredPartsDiffersTheCauseIsTheOtherRules() {
        assertThat(EffectCause.of(evaluation(20, 32, true), evaluation(20, 32, false), "UCT")).containsExactly(EffectCause.OTHER);
    }
}
