package org.dynreg.eligibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.dynreg.policy.RepositoryPolicy;
import org.dynreg.registry.Survey;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SharedExampleTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    static Survey example() throws Exception {
        try (InputStream in = SharedExampleTest.class.getResourceAsStream("/reference/survey-punjab-47.json")) {
            return JSON.readValue(in, Survey.class);
        }
    }

    @Test
    void theSharedExampleScores47AndIsNotEligible() throws Exception {
        Evaluation e = EligibilityEvaluator.evaluate(RepositoryPolicy.compiled(), HouseholdFactsBuilder.build(example()));

        assertThat(e.score()).isEqualTo(47);
        assertThat(e.breakdown()).extracting(Evaluation.IndicatorResult::points)
                .containsExactly(12, 11, 5, 5, 6, 3, 2, 0, 3, 0);
        assertThat(e.likelihoods()).containsEntry("nl100", 16.9);
        assertThat(e.program("UCT").eligible()).isFalse();
        assertThat(e.program("UCT").cutoff()).isEqualTo(32);
        assertThat(e.program("CCT_EDUCATION").eligible()).isFalse();
        assertThat(e.firedRules()).extracting(Evaluation.FiredRule::rule)
                .contains("1D Punjab or Islamabad", "Cash transfer: score above the cut-off");
        assertThat(e.reasons()).first().asString().contains("47").contains("16.9%");
    }
}
