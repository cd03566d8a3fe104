package org.dynreg.indicators;

import org.dynreg.indicators.IndicatorReport.Area;
import org.dynreg.indicators.IndicatorReport.Figure;
import org.dynreg.indicators.IndicatorReport.Indicator;
import org.dynreg.indicators.IndicatorReport.Measure;
import org.dynreg.indicators.IndicatorReport.PublishedDistrict;
import org.dynreg.indicators.IndicatorReport.Unit;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The indicator report as GitHub Markdown, with the same tables as the workbook (no charts): a
 * summary of the figures beyond the tolerance, then for each indicator its regional table beside the
 * published figures and the districts highest and lowest on it.
 */
public final class IndicatorMarkdown {
    private IndicatorMarkdown() {
    }

    public static String write(IndicatorReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Registry indicators beside the published figures\n\n");
        md.append("- Scope: ").append(report.scope()).append('\n');
        md.append("- Computed at: ").append(report.computedAt().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- Households: ").append(number(report.households(), Unit.COUNT)).append('\n');
        md.append("- Published figures: ").append(report.published()).append('\n');
        md.append("- Tolerance: ").append(report.tolerancePoints()).append(" points; national and regional figures beyond it: ")
                .append(report.beyondTolerance()).append('\n');
        md.append("- Districts are ranked when they have at least ").append(report.minDistrictHouseholds()).append(" households\n\n");
        md.append("Each table gives the registry's figure, the published one and their difference; a difference beyond the"
                + " tolerance is in **bold**. A dash: nobody to count in the registry, or nothing published. Averages and counts"
                + " are shown with their difference but never marked.\n\n");

        summary(md, report);
        for (Indicator i : report.indicators()) {
            indicator(md, i, report);
        }
        return md.toString();
    }

    private static void summary(StringBuilder md, IndicatorReport report) {
        md.append("## Figures beyond the tolerance\n\n");
        List<String[]> rows = new ArrayList<>();
        for (Indicator i : report.indicators()) {
            List<Area> areas = new ArrayList<>();
            if (i.national() != null) {
                areas.add(i.national());
            }
            areas.addAll(i.regions());
            for (Measure m : i.measures()) {
                for (Area a : areas) {
                    Figure f = a.figure(m.name());
                    if (f.flagged()) {
                        rows.add(new String[] {i.title(), m.label(), a.region(), number(f.computed(), m.unit()),
                                number(f.published(), m.unit()), difference(f, m.unit())});
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            md.append("None: every compared national and regional figure is within ").append(report.tolerancePoints())
                    .append(" points of the published one.\n\n");
            return;
        }
        table(md, 3, List.of("Indicator", "Measure", "Region", "Registry", "Published", "Difference"), rows);
    }

    private static void indicator(StringBuilder md, Indicator i, IndicatorReport report) {
        md.append("## ").append(i.title()).append("\n\n").append(i.definition()).append("\n\n");
        List<String> headers = new ArrayList<>(List.of("Region", "Households"));
        for (Measure m : i.measures()) {
            headers.addAll(List.of(m.label() + " registry", "published", "difference"));
        }
        List<Area> areas = new ArrayList<>(i.regions());
        if (i.national() != null) {
            areas.add(i.national());
        }
        List<String[]> rows = new ArrayList<>();
        for (Area a : areas) {
            List<String> row = new ArrayList<>(List.of(a.region(), number(a.households(), Unit.COUNT)));
            for (Measure m : i.measures()) {
                Figure f = a.figure(m.name());
                row.addAll(List.of(number(f.computed(), m.unit()), number(f.published(), m.unit()), difference(f, m.unit())));
            }
            rows.add(row.toArray(String[]::new));
        }
        table(md, 1, headers, rows);
        Set<String> notes = new LinkedHashSet<>();
        i.measures().stream().map(Measure::note).filter(Objects::nonNull).forEach(notes::add);
        notes.forEach(n -> md.append("*").append(n).append("*\n\n"));

        Measure headline = i.measure(i.rankedBy());
        String ranked = " (districts with at least " + report.minDistrictHouseholds() + " households, by " + headline.label() + ")";
        districts(md, "Highest five districts in the registry" + ranked, i, i.highest());
        districts(md, "Lowest five districts in the registry" + ranked, i, i.lowest());
        published(md, "Highest five districts as published", headline, i.publishedHighest());
        published(md, "Lowest five districts as published", headline, i.publishedLowest());
    }

    private static void districts(StringBuilder md, String title, Indicator i, List<Area> districts) {
        md.append("### ").append(title).append("\n\n");
        if (districts.isEmpty()) {
            md.append("None: no district has enough households.\n\n");
            return;
        }
        Measure headline = i.measure(i.rankedBy());
        List<String> headers = new ArrayList<>(List.of("Region", "District", "Households"));
        i.measures().forEach(m -> headers.add(m.label()));
        headers.add(headline.label() + " published");
        List<String[]> rows = new ArrayList<>();
        for (Area a : districts) {
            List<String> row = new ArrayList<>(List.of(a.region(), a.district(), number(a.households(), Unit.COUNT)));
            i.measures().forEach(m -> row.add(number(a.figure(m.name()).computed(), m.unit())));
            row.add(number(a.figure(headline.name()).published(), headline.unit()));
            rows.add(row.toArray(String[]::new));
        }
        table(md, 2, headers, rows);
    }

    private static void published(StringBuilder md, String title, Measure headline, List<PublishedDistrict> districts) {
        md.append("### ").append(title).append("\n\n");
        if (districts.isEmpty()) {
            md.append("None: the annual report lists no districts for this indicator.\n\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (PublishedDistrict d : districts) {
            rows.add(new String[] {d.region(), d.district(), number(d.published(), headline.unit()),
                    number(d.computed(), headline.unit()), headline.unit().showSigned(d.difference())});
        }
        table(md, 2, List.of("Region", "District", headline.label() + " published", "registry", "difference"), rows);
    }

    /**
     * A table whose first {@code names} columns are names, aligned left, and the rest figures, aligned right;
     * a cell's own "|" is escaped so that it cannot split the row.
     */
    private static void table(StringBuilder md, int names, List<String> headers, List<String[]> rows) {
        md.append('|');
        headers.forEach(h -> md.append(' ').append(cell(h)).append(" |"));
        md.append("\n|");
        for (int c = 0; c < headers.size(); c++) {
            md.append(c < names ? "---|" : "---:|");
        }
        md.append('\n');
        for (String[] row : rows) {
            md.append('|');
            for (String cell : row) {
                md.append(' ').append(cell(cell)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String cell(String s) {
        return s == null ? Unit.NONE : s.replace("|", "\\|");
    }

    private static String difference(Figure f, Unit unit) {
        String d = unit.showSigned(f.difference());
        return f.flagged() ? "**" + d + "**" : d;
    }

    private static String number(Double value, Unit unit) {
        return unit.show(value);
    }

    private static String number(long value, Unit unit) {
        return unit.show((double) value);
    }
}
