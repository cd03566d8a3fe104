package org.dynreg.workflow;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a gateway condition may say: comparisons of process variables and literals, and, or, not; nothing else. */
class FeelConditionTest {
    static final Set<String> VARIABLES = Set.of("admissible", "evidenceNeeded", "resurveyOutcome", "resurveyAttempts");

    static String check(String condition) {
        return FeelCondition.check(condition, VARIABLES);
    }

    @Test
    void comparisonsJoinedByAndOrNotArePassed() {
        assertThat(check("admissible = true")).isNull();
        assertThat(check("not(admissible = true) and evidenceNeeded = true")).isNull();
        assertThat(check("resurveyOutcome = \"SURVEYED\" or (resurveyAttempts >= 2 and resurveyAttempts != -1)")).isNull();
        assertThat(check("not(not(resurveyOutcome = null))")).isNull();
        assertThat(check("3 < resurveyAttempts")).isNull();
    }

    @Test
    void everythingElseIsRefusedWithWhatItIs() {
        assertThat(check("string length(resurveyOutcome) > 3")).startsWith("names 'string', which is not a variable of this process");
        assertThat(check("upper(resurveyOutcome) = \"X\"")).startsWith("calls the function 'upper', and a condition may call none");
        assertThat(check("admissible.value = true")).startsWith("follows a path from 'admissible'");
        assertThat(check("resurveyOutcome in [\"A\", \"B\"]")).startsWith("holds '[', which no allowed condition has");
        assertThat(check("if admissible then true else false")).startsWith("uses 'if' where a variable or a value should be");
        assertThat(check("admissible = true and")).startsWith("ends where a variable or a value should be");
        assertThat(check("admissible = true;")).startsWith("holds ';', which no allowed condition has");
        assertThat(check("resurveyOutcome = \"SURVEYED")).startsWith("has a text that is not closed");
        assertThat(check("not admissible = true")).startsWith("not must be followed by (");
        assertThat(check("")).startsWith("is empty");
        assertThat(check("admissible = true admissible")).startsWith("has 'admissible' where the condition should end");
    }
}
