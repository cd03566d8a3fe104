package org.dynreg.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.RestAs;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.policy.CandidateVersions;
import org.dynreg.policy.Policies;
import org.dynreg.policy.ReferenceCheck;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.dynreg.workflow.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rescoring run under a policy with a lower cut-off tells exactly the households whose eligibility it changed,
 * once, in words naming the program; the households it did not change, and a second run that changes nobody,
 * tell nobody.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dynreg.batch.chunk-size=3", "dynreg.batch.max-rate=100", "dynreg.recertification.sweep-cron=-"})
@ActiveProfiles("test")
class RescoringNoticesTest {
    static final String DISTRICT = "Rescoring notices district";
    static final String KIND = "ELIGIBILITY_CHANGED";

    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;
    @Autowired Policies policies;
    @Autowired Eligibility eligibility;
    @Autowired Notifications notifications;
    @Autowired Jobs jobs;

    @Test
    void aRunTellsTheHouseholdsWhoseEligibilityItChangedAndNobodyElse() throws Exception {
        Map<String, Registration> registered = ReferenceRegistrations.register(registry, DISTRICT, "76", List.of(), null);
        int lower = 20;
        int v = CandidateVersions.withStandardCutoff(policies, lower, "officer");
        for (ReferenceCheck c : policies.validate(v, "officer").mismatches()) {
            policies.recordExpectation(v, c.household(), null, "cut-off " + lower, "officer");
        }
        policies.approve(v, "lower cut-off for the test", "officer2");
        int before = policies.active().version();
        policies.activate(v, null, "lower cut-off for the test", "officer2");
        try {
            toldExactlyTheChanged(registered, lower);
        } finally {
            policies.rollBack(before, "back to the version the other tests expect", "officer2");
        }
    }

    private void toldExactlyTheChanged(Map<String, Registration> registered, int lower) {
        JobView run = rescore();

        int told = 0;
        for (Registration r : registered.values()) {
            DecisionView before = r.decision();
            DecisionView after = eligibility.decisionsOf(r.householdId()).stream()
                    .filter(d -> d.decidedBy().equals("job:rescoring/" + run.instanceId())).findFirst().orElseThrow();
            boolean wasEligible = uct(before);
            boolean isEligible = uct(after);
            List<Notifications.Notification> notices = notifications.of(r.householdId()).stream()
                    .filter(n -> n.kind().equals(KIND)).toList();
            if (wasEligible == isEligible && sameEligibility(before, after)) {
                assertThat(notices).as("household %d kept its eligibility", r.householdId()).isEmpty();
                continue;
            }
            told++;
            assertThat(notices).as("household %d", r.householdId()).hasSize(1);
            String message = notices.get(0).message();
            assertThat(message).contains("poverty score is now " + after.score());
            if (wasEligible && !isEligible) {
                assertThat(message).contains("You are no longer eligible for " + Eligibility.CASH_TRANSFER);
            }
            assertThat(notices.get(0).caseId()).isNull();
        }
        assertThat(told).as("a cut-off lowered from 32 to %d takes the cash transfer from some reference household", lower)
                .isPositive();

        rescore();

        for (Registration r : registered.values()) {
            long notices = notifications.of(r.householdId()).stream().filter(n -> n.kind().equals(KIND)).count();
            assertThat(notices).as("a second run under the same policy changes nothing for household %d", r.householdId())
                    .isLessThanOrEqualTo(1);
        }
    }

    private JobView rescore() {
        ResponseEntity<JsonNode> started = RestAs.post(rest, "officer", "/api/jobs/rescoring", Map.of("district", DISTRICT));
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
        JobView done = jobs.await(started.getBody().get("executionId").asLong());
        assertThat(done.status()).isEqualTo("COMPLETED");
        return done;
    }

    private static boolean uct(DecisionView d) {
        return d.programs().stream().anyMatch(p -> p.program().equals(Eligibility.CASH_TRANSFER) && p.eligible());
    }

    private static boolean sameEligibility(DecisionView a, DecisionView b) {
        return a.programs().stream().filter(Evaluation.ProgramResult::eligible).map(Evaluation.ProgramResult::program).sorted().toList()
                .equals(b.programs().stream().filter(Evaluation.ProgramResult::eligible).map(Evaluation.ProgramResult::program).sorted().toList());
    }
}
