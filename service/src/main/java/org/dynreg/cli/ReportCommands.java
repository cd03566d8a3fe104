package org.dynreg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.indicators.IndicatorMarkdown;
import org.dynreg.indicators.IndicatorReport;
import org.dynreg.indicators.IndicatorReport.Area;
import org.dynreg.indicators.IndicatorReport.Figure;
import org.dynreg.indicators.IndicatorReport.Indicator;
import org.dynreg.indicators.IndicatorReport.Measure;
import org.dynreg.indicators.IndicatorWorkbook;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

/** Reports on the registry as a whole. */
@Command
class ReportCommands {
    private final ServiceClient service;
    private final ObjectMapper json;

    ReportCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /**
     * Asks the service for the report once and writes both files from that answer: on a registry of
     * millions of households the counting takes minutes, and the workbook and the Markdown then agree.
     */
    @Command(command = "report indicators", description = "The annual report's thematic indicators recomputed from the registry, beside the published figures")
    String indicators(@Option(longNames = "province", description = "one province only (no national figures)") String province,
                      @Option(longNames = "xlsx", description = "write the workbook, with a chart per indicator, to this file") String xlsx,
                      @Option(longNames = "markdown", description = "write the same tables as GitHub Markdown to this file") String markdown) {
        String query = province == null || province.isBlank() ? "" : "?province=" + URLEncoder.encode(province, StandardCharsets.UTF_8);
        IndicatorReport report;
        try {
            report = json.treeToValue(service.get("/api/reports/indicators" + query), IndicatorReport.class);
        } catch (JsonProcessingException e) {
            throw new CliFailure(1, "the service answered a report this shell cannot read (is it another version?): " + e.getOriginalMessage());
        }
        StringBuilder s = new StringBuilder("Indicators of the " + report.scope() + ": " + String.format("%,d", report.households())
                + " households, computed " + report.computedAt().truncatedTo(ChronoUnit.SECONDS) + "\n" + report.beyondTolerance() + " national and regional figures more than "
                + report.tolerancePoints() + " points from the published ones (marked * below for the "
                + (report.province() == null ? "national" : "province's") + " figures)\n");
        s.append(String.format("%-22s %-36s %13s %13s %13s%n", "indicator", "measure", "registry", "published", "difference"));
        for (Indicator i : report.indicators()) {
            Area area = report.province() == null ? i.national() : i.regions().get(0);
            for (Measure m : i.measures()) {
                Figure f = area.figure(m.name());
                s.append(String.format("%-22s %-36s %13s %13s %13s%s%n", i.title(), m.label(), m.unit().show(f.computed()),
                        m.unit().show(f.published()), m.unit().showSigned(f.difference()), f.flagged() ? " *" : ""));
            }
        }
        if (xlsx != null) {
            OutputFile.write(xlsx, IndicatorWorkbook.write(report));
            s.append("Workbook written to ").append(xlsx).append('\n');
        }
        if (markdown != null) {
            OutputFile.write(markdown, IndicatorMarkdown.write(report).getBytes(StandardCharsets.UTF_8));
            s.append("Markdown written to ").append(markdown).append('\n');
        }
        return s.toString();
    }
}
