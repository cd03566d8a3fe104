package org.dynreg.audit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.spreadsheet.ReportSheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The what-if report and the budget plan as Excel workbooks, for the people who weigh a policy change
 * away from the service: every figure is a number they can sum or chart again, and a bar chart by
 * province shows the change at a glance. Charts read their data from the cells, so a figure corrected
 * in the sheet moves its bar.
 */
public final class WhatIfWorkbook {

    static final String COUNT_FORMAT = "#,##0";
    static final String SHARE_FORMAT = "0.0%";
    static final String WHOLE_REGISTRY = "none: the whole registry";
    static final String SAMPLE_WITHHELD = "The sample of households is not shown to your role (dynreg.what-if.sample-roles).";
    static final String NO_SAMPLE = "No household gains or loses the program.";

    /** Column widths, in characters, chosen so that a province name and a PKR cost fit. */
    private static final int NAME_WIDTH = 24;
    private static final int FIGURE_WIDTH = 17;
    /** The chart's size in rows and columns of the sheet: under the table, about as wide as six of its columns. */
    private static final int CHART_ROWS = 24;
    private static final int CHART_COLUMNS = 6;

    private WhatIfWorkbook() {
    }

    /**
     * Summary, Provinces (with the chart of eligible households before and after), Districts, Causes (the households
     * gained and lost split by cause, nationally and by province) and Sample (households gained and lost, when the
     * report carries them).
     */
    public static byte[] write(WhatIfReport report) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            String before = "Eligible before (version " + report.baselineVersion() + ")";
            String after = "Eligible after (version " + report.candidateVersion() + ")";
            List<Column<WhatIfReport.Area>> columns = List.of(
                    new Column<>("Households", WhatIfReport.Area::households),
                    new Column<>(before, WhatIfReport.Area::eligibleBefore),
                    new Column<>(after, WhatIfReport.Area::eligibleAfter),
                    new Column<>("Newly eligible", WhatIfReport.Area::newlyEligible),
                    new Column<>("Newly ineligible", WhatIfReport.Area::newlyIneligible),
                    new Column<>("Yearly cost before (PKR)", WhatIfReport.Area::yearlyCostBefore),
                    new Column<>("Yearly cost after (PKR)", WhatIfReport.Area::yearlyCostAfter),
                    new Column<>("Difference in yearly cost (PKR)", a -> a.yearlyCostAfter() - a.yearlyCostBefore()));

            XSSFSheet summary = ReportSheets.sheet(wb, "Summary");
            labelsAndValues(summary);
            Lines lines = new Lines(summary, s);
            lines.title("What-if report: " + report.program());
            lines.number("Version in force (before)", report.baselineVersion());
            lines.text("Its bundle sha256", report.baselineSha256());
            lines.number("Candidate version (after)", report.candidateVersion());
            lines.text("Its bundle sha256", report.candidateSha256());
            lines.text("Program", report.program());
            lines.text("Households selected by", report.filter() == null || report.filter().isBlank() ? WHOLE_REGISTRY : report.filter());
            lines.number("Transfer amount (PKR)", report.transferAmount(), s.count);
            lines.number("Payments per year", report.paymentsPerYear(), s.count);
            lines.text("Ran by", report.ranBy());
            lines.time("Ran at (UTC)", report.ranAt());
            lines.skip();
            lines.heading("National totals");
            for (Column<WhatIfReport.Area> c : columns) {
                lines.number(c.header(), c.value().applyAsLong(report.national()), s.count);
            }

            XSSFSheet provinces = ReportSheets.sheet(wb, "Provinces");
            table(provinces, List.of(new Label<>("Province", WhatIfReport.Area::province)), columns, report.provinces(), s);
            if (!report.provinces().isEmpty()) {
                chart(provinces, report.provinces().size(),
                        "Eligible households by province, version " + report.baselineVersion() + " and version " + report.candidateVersion(),
                        "Eligible households", List.of(2, 3));
            }

            XSSFSheet districts = ReportSheets.sheet(wb, "Districts");
            table(districts, List.of(new Label<>("Province", WhatIfReport.Area::province), new Label<>("District", WhatIfReport.Area::district)),
                    columns, report.districts(), s);

            XSSFSheet causes = ReportSheets.sheet(wb, "Causes");
            List<AreaCause> split = new ArrayList<>();
            report.national().causes().forEach(c -> split.add(new AreaCause(report.national().name(), c)));
            report.provinces().forEach(a -> a.causes().forEach(c -> split.add(new AreaCause(a.name(), c))));
            table(causes, List.of(new Label<>("Area", AreaCause::area), new Label<>("Cause", a -> a.count().cause())),
                    List.of(new Column<>("Newly eligible", a -> a.count().gained()), new Column<>("Newly ineligible", a -> a.count().lost())),
                    split, s);

            XSSFSheet sample = ReportSheets.sheet(wb, "Sample");
            if (report.gained() == null || report.lost() == null) {
                sample.createRow(0).createCell(0).setCellValue(SAMPLE_WITHHELD);
            } else if (report.gained().isEmpty() && report.lost().isEmpty()) {
                sample.createRow(0).createCell(0).setCellValue(NO_SAMPLE);
            } else {
                List<Sampled> rows = new ArrayList<>();
                report.gained().forEach(h -> rows.add(new Sampled("gained", h)));
                report.lost().forEach(h -> rows.add(new Sampled("lost", h)));
                table(sample, List.of(new Label<>("Change", Sampled::change),
                                new Label<>("Household id", r -> String.valueOf(r.household().householdId())),
                                new Label<>("Province", r -> r.household().province()),
                                new Label<>("District", r -> r.household().district()),
                                new Label<>("Causes", r -> String.join("; ", r.household().causes()))),
                        List.of(new Column<>("Score before", r -> r.household().scoreBefore()),
                                new Column<>("Score after", r -> r.household().scoreAfter())), rows, s);
            }
            return ReportSheets.bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record AreaCause(String area, WhatIfReport.CauseCount count) {
    }

    private record Sampled(String change, WhatIfReport.SampleHousehold household) {
    }

    /** The budget plan: parameters and chosen cut-off, coverage by province (with a chart) and by district. */
    public static byte[] write(BudgetPlan plan) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            String covered = plan.cutoff() == null ? "Covered" : "Covered at cut-off " + plan.cutoff();
            List<Column<BudgetPlan.Coverage>> columns = List.of(
                    new Column<>("Households", BudgetPlan.Coverage::households),
                    new Column<>(covered, BudgetPlan.Coverage::covered),
                    new Column<>("Yearly cost (PKR)", BudgetPlan.Coverage::yearlyCost));

            XSSFSheet sheet = ReportSheets.sheet(wb, "Budget plan");
            labelsAndValues(sheet);
            Lines lines = new Lines(sheet, s);
            lines.title("Budget plan: " + plan.program());
            lines.number("Policy version", plan.policyVersion());
            lines.text("Its bundle sha256", plan.policySha256());
            lines.text("Program", plan.program());
            lines.text("Households selected by", plan.filter() == null || plan.filter().isBlank() ? WHOLE_REGISTRY : plan.filter());
            lines.number("Yearly budget (PKR)", plan.yearlyBudget(), s.count);
            lines.number("Transfer amount (PKR)", plan.transferAmount(), s.count);
            lines.number("Payments per year", plan.paymentsPerYear(), s.count);
            if (plan.cutoff() == null) {
                lines.text("Chosen cut-off", "none: not even a cut-off of 0 fits the budget");
            } else {
                lines.number("Chosen cut-off (highest score covered)", plan.cutoff());
            }
            lines.number("Yearly cost at that cut-off (PKR)", plan.yearlyCost(), s.count);
            lines.text("Ran by", plan.ranBy());
            lines.time("Ran at (UTC)", plan.ranAt());
            lines.skip();
            lines.heading("National coverage");
            for (Column<BudgetPlan.Coverage> c : columns) {
                lines.number(c.header(), c.value().applyAsLong(plan.national()), s.count);
            }
            lines.share("Share covered", plan.national());

            XSSFSheet provinces = ReportSheets.sheet(wb, "Provinces");
            table(provinces, List.of(new Label<>("Province", BudgetPlan.Coverage::province)), columns, plan.provinces(), s);
            shares(provinces, 1 + columns.size(), plan.provinces(), s);
            if (!plan.provinces().isEmpty()) {
                chart(provinces, plan.provinces().size(),
                        plan.cutoff() == null ? "Households covered by province" : "Households covered by province at cut-off " + plan.cutoff(),
                        "Households covered", List.of(2));
            }

            XSSFSheet districts = ReportSheets.sheet(wb, "Districts");
            table(districts, List.of(new Label<>("Province", BudgetPlan.Coverage::province), new Label<>("District", BudgetPlan.Coverage::district)),
                    columns, plan.districts(), s);
            shares(districts, 2 + columns.size(), plan.districts(), s);
            return ReportSheets.bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A figure of an area: a count of households or rupees, shown with thousands separators. */
    private record Column<T>(String header, ToLongFunction<T> value) {
    }

    private record Label<T>(String header, Function<T, String> value) {
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle bold;
        final CellStyle count;
        final CellStyle share;
        final CellStyle time;

        Styles(XSSFWorkbook wb) {
            ReportSheets.Styles shared = ReportSheets.Styles.of(wb);
            header = shared.header();
            title = shared.title();
            bold = shared.bold();
            time = shared.time();
            count = ReportSheets.format(wb, COUNT_FORMAT);
            share = ReportSheets.format(wb, SHARE_FORMAT);
        }
    }

    /** Label and value lines, one under the other, in the first two columns. */
    private static final class Lines {
        private final XSSFSheet sheet;
        private final Styles s;
        private int next;

        Lines(XSSFSheet sheet, Styles s) {
            this.sheet = sheet;
            this.s = s;
        }

        void title(String text) {
            Cell c = sheet.createRow(next++).createCell(0);
            c.setCellValue(text);
            c.setCellStyle(s.title);
            next++;
        }

        void heading(String text) {
            Cell c = sheet.createRow(next++).createCell(0);
            c.setCellValue(text);
            c.setCellStyle(s.bold);
        }

        void skip() {
            next++;
        }

        void text(String label, String value) {
            line(label).setCellValue(value == null ? "" : value);
        }

        /** A number shown as it is, such as a version or a score. */
        void number(String label, long value) {
            line(label).setCellValue(value);
        }

        void number(String label, long value, CellStyle style) {
            Cell c = line(label);
            c.setCellValue(value);
            c.setCellStyle(style);
        }

        void time(String label, Instant at) {
            Cell c = line(label);
            if (at != null) {
                c.setCellValue(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                c.setCellStyle(s.time);
            }
        }

        void share(String label, BudgetPlan.Coverage area) {
            Cell c = line(label);
            c.setCellValue(shareOf(area));
            c.setCellStyle(s.share);
        }

        private Cell line(String label) {
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(label);
            return row.createCell(1);
        }
    }

    /** Values sit close to their labels; a long text such as a sha256 runs on over the empty cells to its right. */
    private static void labelsAndValues(XSSFSheet sheet) {
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, FIGURE_WIDTH * 256);
    }

    /** A header row, then one row per area: its names as text, its figures as numbers. */
    private static <T> void table(XSSFSheet sheet, List<Label<T>> labels, List<Column<T>> columns, List<T> areas, Styles s) {
        Row header = sheet.createRow(0);
        List<String> headers = new ArrayList<>();
        labels.forEach(l -> headers.add(l.header()));
        columns.forEach(c -> headers.add(c.header()));
        for (int i = 0; i < headers.size(); i++) {
            Cell c = header.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(s.header);
            sheet.setColumnWidth(i, (i < labels.size() ? NAME_WIDTH : FIGURE_WIDTH) * 256);
        }
        for (int r = 0; r < areas.size(); r++) {
            T area = areas.get(r);
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < labels.size(); i++) {
                String name = labels.get(i).value().apply(area);
                row.createCell(i).setCellValue(name == null ? "" : name);
            }
            for (int i = 0; i < columns.size(); i++) {
                Cell c = row.createCell(labels.size() + i);
                c.setCellValue(columns.get(i).value().applyAsLong(area));
                c.setCellStyle(s.count);
            }
        }
        sheet.createFreezePane(labels.size(), 1);
    }

    /** The share of households covered, next to the table's last column. */
    private static void shares(XSSFSheet sheet, int column, List<BudgetPlan.Coverage> areas, Styles s) {
        Cell h = sheet.getRow(0).createCell(column);
        h.setCellValue("Share covered");
        h.setCellStyle(s.header);
        sheet.setColumnWidth(column, FIGURE_WIDTH * 256);
        for (int r = 0; r < areas.size(); r++) {
            Cell c = sheet.getRow(r + 1).createCell(column);
            c.setCellValue(shareOf(areas.get(r)));
            c.setCellStyle(s.share);
        }
    }

    private static double shareOf(BudgetPlan.Coverage area) {
        return area.households() == 0 ? 0 : (double) area.covered() / area.households();
    }

    /** The chart of a provinces table, under it and growing with the number of provinces. */
    private static void chart(XSSFSheet sheet, int areas, String title, String valueTitle, List<Integer> valueColumns) {
        ReportSheets.barChart(sheet, 0, areas, valueColumns, title, valueTitle, COUNT_FORMAT,
                new ReportSheets.Placement(areas + 2, CHART_ROWS + areas, CHART_COLUMNS));
    }
}
