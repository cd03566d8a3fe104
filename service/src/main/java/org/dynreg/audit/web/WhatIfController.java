package org.dynreg.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.audit.BudgetPlan;
import org.dynreg.audit.SurveyWhatIf;
import org.dynreg.audit.WhatIf;
import org.dynreg.audit.WhatIfReport;
import org.dynreg.audit.WhatIfWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What-if runs and the budget solver for policy officers (and auditors, who may check them). */
@RestController
class WhatIfController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final WhatIf whatIf;

    WhatIfController(WhatIf whatIf) {
        this.whatIf = whatIf;
    }

    record WhatIfRequest(Integer candidateVersion, String province, String district, String program, Long transferAmount,
                         Integer paymentsPerYear) {}

    record BudgetRequest(Integer version, String province, String district, String program, Long yearlyBudget, Long transferAmount, Integer paymentsPerYear) {}

    @Operation(summary = "Score the registry (or a province or district) under a candidate version next to the one in force; stores no decision")
    @PostMapping("/api/what-if")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    WhatIfReport whatIf(@RequestBody WhatIfRequest r, Authentication auth) {
        return whatIf.shownTo(run(r, auth), auth);
    }

    record SurveyRequest(Integer candidateVersion, JsonNode survey) {}

    @Operation(summary = "Score one survey (survey format) under the version in force and under a candidate version, with what differs; stores nothing")
    @PostMapping("/api/what-if/survey")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    SurveyWhatIf survey(@RequestBody SurveyRequest r, Authentication auth) {
        return whatIf.survey(r.survey(), r.candidateVersion(), auth.getName());
    }

    @Operation(summary = "The same what-if as an .xlsx report with a chart")
    @PostMapping(path = "/api/what-if/report.xlsx")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    ResponseEntity<byte[]> whatIfWorkbook(@RequestBody WhatIfRequest r, Authentication auth) {
        WhatIfReport report = whatIf.shownTo(run(r, auth), auth);
        return xlsx("what-if-v" + report.candidateVersion() + ".xlsx", WhatIfWorkbook.write(report));
    }

    @Operation(summary = "The highest cut-off whose yearly cost fits a budget, with coverage by province and district")
    @PostMapping("/api/budget")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    BudgetPlan budget(@RequestBody BudgetRequest r, Authentication auth) {
        return solve(r, auth);
    }

    @Operation(summary = "The same budget plan as an .xlsx report with a chart")
    @PostMapping(path = "/api/budget/report.xlsx")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    ResponseEntity<byte[]> budgetWorkbook(@RequestBody BudgetRequest r, Authentication auth) {
        BudgetPlan plan = solve(r, auth);
        return xlsx("budget-v" + plan.policyVersion() + ".xlsx", WhatIfWorkbook.write(plan));
    }

    private WhatIfReport run(WhatIfRequest r, Authentication auth) {
        return whatIf.run(r.candidateVersion(), r.province(), r.district(), r.program(), r.transferAmount(), r.paymentsPerYear(),
                auth.getName());
    }

    private BudgetPlan solve(BudgetRequest r, Authentication auth) {
        return whatIf.solve(r.version(), r.province(), r.district(), r.program(), r.yearlyBudget(), r.transferAmount(),
                r.paymentsPerYear(), auth.getName());
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] bytes) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(XLSX).body(bytes);
    }
}
