package org.dynreg.indicators;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.indicators.IndicatorReport.Area;
import org.dynreg.indicators.IndicatorReport.Figure;
import org.dynreg.indicators.IndicatorReport.Indicator;
import org.dynreg.indicators.IndicatorReport.Measure;
import org.dynreg.indicators.IndicatorReport.PublishedDistrict;
import org.dynreg.indicators.IndicatorReport.Unit;
import org.dynreg.spreadsheet.ReportSheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The indicator report as an Excel workbook: a Summary sheet with the national figures and every
 * regional figure beside the published one, then one sheet per indicator with its regional table, a bar
 * chart of the registry's and the published figure by region, and the districts highest and lowest on it
 * (the registry's and the published lists). Figures are numbers, not text, so they can be sorted and
 * charted again.
 */
public final class IndicatorWorkbook {
    static final String SUMMARY = "Summary";
    static final String REGISTRY = " (registry)";
    static final String PUBLISHED = " (published)";
    static final String DIFFERENCE = " (difference)";

    /** The regional table's header row on an indicator sheet: title, definition and a blank line above it. */
    static final int TABLE_HEADER = 3;
    /** Column widths in characters: a region or district name, a measure's label, a figure. */
    private static final int NAME_WIDTH = 24;
    private static final int SUMMARY_LABEL_WIDTH = 30;
    private static final int LABEL_WIDTH = 36;
    private static final int FIGURE_WIDTH = 15;
    /** The chart's size in rows and columns: under the regional table, about as wide as eight of its columns. */
    private static final int CHART_ROWS = 18;
    private static final int CHART_COLUMNS = 8;

    private IndicatorWorkbook() {
    }

    public static byte[] write(IndicatorReport report) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            summary(ReportSheets.sheet(wb, SUMMARY), report, s);
            for (Indicator i : report.indicators()) {
                indicator(ReportSheets.sheet(wb, i.title()), i, report, s);
            }
            return ReportSheets.bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle bold;
        final CellStyle time;
        final Map<Unit, CellStyle> figure = new EnumMap<>(Unit.class);
        final Map<Unit, CellStyle> difference = new EnumMap<>(Unit.class);
        final Map<Unit, CellStyle> flagged = new EnumMap<>(Unit.class);
        final CellStyle flag;

        Styles(XSSFWorkbook wb) {
            ReportSheets.Styles shared = ReportSheets.Styles.of(wb);
            header = shared.header();
            title = shared.title();
            bold = shared.bold();
            time = shared.time();
            Font redFont = wb.createFont();
            redFont.setBold(true);
            redFont.setColor(IndexedColors.RED.getIndex());
            for (Unit u : Unit.values()) {
                figure.put(u, ReportSheets.format(wb, u.pattern()));
                CellStyle d = ReportSheets.format(wb, differenceFormat(u));
                difference.put(u, d);
                CellStyle red = wb.createCellStyle();
                red.cloneStyleFrom(d);
                red.setFont(redFont);
                flagged.put(u, red);
            }
            flag = wb.createCellStyle();
            flag.setFont(redFont);
        }
    }

    /** A difference always shows its sign. */
    static String differenceFormat(Unit unit) {
        String f = unit.pattern();
        return "+" + f + ";-" + f + ";" + f;
    }

    /** Writes rows from the top of a sheet, one after the other. */
    private static final class Rows {
        private final XSSFSheet sheet;
        private final Styles s;
        int next;

        Rows(XSSFSheet sheet, Styles s, int first) {
            this.sheet = sheet;
            this.s = s;
            this.next = first;
        }

        Row row() {
            return sheet.createRow(next++);
        }

        /** A line of text in the first column; it runs on over the empty cells to its right. */
        void text(String text) {
            row().createCell(0).setCellValue(text);
        }

        void text(String text, CellStyle style) {
            Cell c = row().createCell(0);
            c.setCellValue(text);
            c.setCellStyle(style);
        }

        void line(String label, String value) {
            Row r = row();
            r.createCell(0).setCellValue(label);
            r.createCell(1).setCellValue(value == null ? "" : value);
        }

        Cell line(String label) {
            Row r = row();
            r.createCell(0).setCellValue(label);
            return r.createCell(1);
        }

        void header(List<String> headers) {
            Row r = row();
            for (int i = 0; i < headers.size(); i++) {
                Cell c = r.createCell(i);
                c.setCellValue(headers.get(i));
                c.setCellStyle(s.header);
            }
        }

        void skip() {
            next++;
        }
    }

    private static void summary(XSSFSheet sheet, IndicatorReport report, Styles s) {
        widths(sheet, 7, SUMMARY_LABEL_WIDTH, LABEL_WIDTH);
        Rows rows = new Rows(sheet, s, 0);
        rows.text("Registry indicators beside the published figures", s.title);
        rows.skip();
        rows.line("Scope", report.scope());
        Cell at = rows.line("Computed at (UTC)");
        at.setCellValue(LocalDateTime.ofInstant(report.computedAt(), ZoneOffset.UTC));
        at.setCellStyle(s.time);
        Cell households = rows.line("Households");
        households.setCellValue(report.households());
        households.setCellStyle(s.figure.get(Unit.COUNT));
        rows.line("Published figures", report.published());
        rows.line("Tolerance (points)").setCellValue(report.tolerancePoints());
        rows.line("National and regional figures beyond the tolerance").setCellValue(report.beyondTolerance());
        rows.line("Districts ranked from (households)").setCellValue(report.minDistrictHouseholds());
        rows.skip();
        if (report.indicators().stream().anyMatch(i -> i.national() != null)) {
            rows.text("National figures", s.bold);
            rows.header(List.of("Indicator", "Measure", "Registry", "Published", "Difference", "Beyond the tolerance"));
            for (Indicator i : report.indicators()) {
                for (Measure m : i.measures()) {
                    Row r = rows.row();
                    r.createCell(0).setCellValue(i.title());
                    r.createCell(1).setCellValue(m.label());
                    comparison(r, 2, m, i.national().figure(m.name()), s);
                }
            }
            rows.skip();
        }
        rows.text("Regional figures", s.bold);
        rows.header(List.of("Indicator", "Measure", "Region", "Registry", "Published", "Difference", "Beyond the tolerance"));
        for (Indicator i : report.indicators()) {
            for (Measure m : i.measures()) {
                for (Area a : i.regions()) {
                    Row r = rows.row();
                    r.createCell(0).setCellValue(i.title());
                    r.createCell(1).setCellValue(m.label());
                    r.createCell(2).setCellValue(a.region());
                    comparison(r, 3, m, a.figure(m.name()), s);
                }
            }
        }
        rows.skip();
        notes(rows, report);
    }

    /** Registry, published, difference and the flag, from column {@code col} on. */
    private static void comparison(Row r, int col, Measure m, Figure f, Styles s) {
        number(r, col, f.computed(), s.figure.get(m.unit()));
        number(r, col + 1, f.published(), s.figure.get(m.unit()));
        number(r, col + 2, f.difference(), (f.flagged() ? s.flagged : s.difference).get(m.unit()));
        if (f.flagged()) {
            Cell c = r.createCell(col + 3);
            c.setCellValue("yes");
            c.setCellStyle(s.flag);
        } else if (!m.compared() && f.published() != null) {
            r.createCell(col + 3).setCellValue("not compared");
        }
    }

    private static void indicator(XSSFSheet sheet, Indicator i, IndicatorReport report, Styles s) {
        widths(sheet, 2 + 3 * i.measures().size(), NAME_WIDTH, NAME_WIDTH);
        Rows rows = new Rows(sheet, s, 0);
        rows.text(i.title(), s.title);
        rows.text(i.definition());
        rows.next = TABLE_HEADER;
        List<String> headers = new ArrayList<>(List.of("Region", "Households"));
        for (Measure m : i.measures()) {
            headers.addAll(List.of(m.label() + REGISTRY, m.label() + PUBLISHED, m.label() + DIFFERENCE));
        }
        rows.header(headers);
        List<Area> areas = new ArrayList<>(i.regions());
        if (i.national() != null) {
            areas.add(i.national());
        }
        for (Area a : areas) {
            Row r = rows.row();
            r.createCell(0).setCellValue(a.region());
            number(r, 1, (double) a.households(), s.figure.get(Unit.COUNT));
            for (int k = 0; k < i.measures().size(); k++) {
                Measure m = i.measures().get(k);
                Figure f = a.figure(m.name());
                number(r, 2 + 3 * k, f.computed(), s.figure.get(m.unit()));
                number(r, 3 + 3 * k, f.published(), s.figure.get(m.unit()));
                number(r, 4 + 3 * k, f.difference(), (f.flagged() ? s.flagged : s.difference).get(m.unit()));
            }
        }
        rows.skip();
        notes(rows, i, report);
        rows.skip();

        Measure headline = i.measure(i.rankedBy());
        int col = 2 + 3 * i.measures().indexOf(headline);
        if (!i.regions().isEmpty()) {
            ReportSheets.barChart(sheet, TABLE_HEADER, i.regions().size(), List.of(col, col + 1),
                    headline.label() + ": registry and published, by region", headline.label(), headline.unit().pattern(),
                    new ReportSheets.Placement(rows.next, CHART_ROWS, CHART_COLUMNS));
            rows.next += CHART_ROWS + 1;
        }

        String ranked = " (districts with at least " + report.minDistrictHouseholds() + " households, by " + headline.label() + ")";
        districts(rows, "Highest five districts in the registry" + ranked, i, i.highest(), s);
        districts(rows, "Lowest five districts in the registry" + ranked, i, i.lowest(), s);
        published(rows, "Highest five districts as published", headline, i.publishedHighest(), s);
        published(rows, "Lowest five districts as published", headline, i.publishedLowest(), s);
    }

    private static void districts(Rows rows, String title, Indicator i, List<Area> districts, Styles s) {
        rows.text(title, s.bold);
        if (districts.isEmpty()) {
            rows.text("none: no district has enough households");
            rows.skip();
            return;
        }
        Measure headline = i.measure(i.rankedBy());
        List<String> headers = new ArrayList<>(List.of("Region", "District", "Households"));
        i.measures().forEach(m -> headers.add(m.label() + REGISTRY));
        headers.add(headline.label() + PUBLISHED);
        rows.header(headers);
        for (Area a : districts) {
            Row r = rows.row();
            r.createCell(0).setCellValue(a.region());
            r.createCell(1).setCellValue(a.district());
            number(r, 2, (double) a.households(), s.figure.get(Unit.COUNT));
            for (int k = 0; k < i.measures().size(); k++) {
                Measure m = i.measures().get(k);
                number(r, 3 + k, a.figure(m.name()).computed(), s.figure.get(m.unit()));
            }
            number(r, 3 + i.measures().size(), a.figure(headline.name()).published(), s.figure.get(headline.unit()));
        }
        rows.skip();
    }

    private static void published(Rows rows, String title, Measure headline, List<PublishedDistrict> districts, Styles s) {
        rows.text(title, s.bold);
        if (districts.isEmpty()) {
            rows.text("none: the annual report lists no districts for this indicator");
            rows.skip();
            return;
        }
        rows.header(List.of("Region", "District", headline.label() + PUBLISHED, headline.label() + REGISTRY, "Difference"));
        for (PublishedDistrict d : districts) {
            Row r = rows.row();
            r.createCell(0).setCellValue(d.region());
            r.createCell(1).setCellValue(d.district());
            number(r, 2, d.published(), s.figure.get(headline.unit()));
            number(r, 3, d.computed(), s.figure.get(headline.unit()));
            number(r, 4, d.difference(), s.difference.get(headline.unit()));
        }
        rows.skip();
    }

    private static void notes(Rows rows, Indicator i, IndicatorReport report) {
        Set<String> notes = new LinkedHashSet<>();
        i.measures().stream().map(Measure::note).filter(Objects::nonNull).forEach(notes::add);
        notes.forEach(n -> rows.text(n));
        rows.text("A difference of more than " + report.tolerancePoints() + " points is in red. A blank figure: nobody to count"
                + " in the registry, or nothing published.");
    }

    private static void notes(Rows rows, IndicatorReport report) {
        rows.text("Percentages further than " + report.tolerancePoints() + " points from the published ones are marked; averages"
                + " and counts are shown with their difference but not marked.");
        Set<String> notes = new LinkedHashSet<>();
        report.indicators().forEach(i -> i.measures().stream().map(Measure::note).filter(Objects::nonNull)
                .forEach(n -> notes.add(i.title() + ": " + n)));
        notes.forEach(n -> rows.text(n));
    }

    /** A number, or an empty cell where there is none (nobody counted, nothing published). */
    private static void number(Row r, int col, Double value, CellStyle style) {
        Cell c = r.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
    }

    /** Two columns of names (region and district, or indicator and measure), then figures. */
    private static void widths(XSSFSheet sheet, int columns, int first, int second) {
        sheet.setColumnWidth(0, first * 256);
        sheet.setColumnWidth(1, second * 256);
        for (int c = 2; c < columns; c++) {
            sheet.setColumnWidth(c, FIGURE_WIDTH * 256);
        }
    }
}
