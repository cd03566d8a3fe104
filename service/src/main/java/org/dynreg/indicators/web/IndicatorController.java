package org.dynreg.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.indicators.IndicatorMarkdown;
import org.dynreg.indicators.IndicatorReport;
import org.dynreg.indicators.IndicatorWorkbook;
import org.dynreg.indicators.Indicators;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * The indicator report: aggregates only, no household or person in it, for those who watch the registry
 * as a whole: auditors, policy officers, supervisors and administrators (who check a synthetic registry
 * against the published figures).
 */
@RestController
class IndicatorController {
    static final String ROLES = "hasAnyRole('AUDITOR','POLICY_OFFICER','SUPERVISOR','ADMINISTRATOR')";
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final Indicators indicators;

    IndicatorController(Indicators indicators) {
        this.indicators = indicators;
    }

    @Operation(summary = "The annual report's thematic indicators recomputed from the registry (or one province), beside the published figures")
    @GetMapping("/api/reports/indicators")
    @PreAuthorize(ROLES)
    IndicatorReport report(@RequestParam(required = false) String province) {
        return indicators.report(province);
    }

    @Operation(summary = "The same report as an .xlsx workbook with a chart per indicator")
    @GetMapping("/api/reports/indicators.xlsx")
    @PreAuthorize(ROLES)
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) String province) {
        IndicatorReport report = indicators.report(province);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name(report) + ".xlsx\"")
                .contentType(XLSX).body(IndicatorWorkbook.write(report));
    }

    @Operation(summary = "The same report as GitHub Markdown")
    @GetMapping("/api/reports/indicators.md")
    @PreAuthorize(ROLES)
    ResponseEntity<String> markdown(@RequestParam(required = false) String province) {
        IndicatorReport report = indicators.report(province);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name(report) + ".md\"")
                .contentType(MARKDOWN).body(IndicatorMarkdown.write(report));
    }

    private static String name(IndicatorReport report) {
        return report.province() == null ? "indicators" : "indicators-" + report.province();
    }
}
