package org.dynreg.appeals.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.appeals.Appeals;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Cases;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Lodging an appeal against the cut-off. */
@RestController
class AppealController {
    private final Appeals appeals;
    private final Cases cases;

    AppealController(Appeals appeals, Cases cases) {
        this.appeals = appeals;
        this.cases = cases;
    }

    /** The appeal: the household, its evidence in words, and the grounds it claims (SCORE_NEAR_CUTOFF, DISABILITY, WIDOW_HEAD). */
    record Lodge(Long householdId, String evidence, List<String> grounds) {}

    /**
     * The case as lodged. An appeal that is not admissible at once (no ground applies and none is claimed)
     * is answered with its case CLOSED, outcome NOT_ADMISSIBLE and the reason, not as an appeal under way.
     */
    @Operation(summary = "Lodge an appeal against the cut-off for a household that does not receive the cash transfer, with the grounds it claims")
    @PostMapping("/api/appeals")
    @PreAuthorize("hasAnyRole('CASEWORKER','DATA_ENTRY_OPERATOR','SUPERVISOR')")
    @ResponseStatus(HttpStatus.CREATED)
    CaseView lodge(@RequestBody Lodge body, Authentication auth) {
        if (body.householdId() == null) {
            throw new InvalidRequestException("householdId", "the household appealing is required");
        }
        return cases.view(appeals.lodge(body.householdId(), body.evidence(), body.grounds(), auth.getName()));
    }
}
