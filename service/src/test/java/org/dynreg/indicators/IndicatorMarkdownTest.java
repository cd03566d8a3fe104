package org.dynreg.indicators;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The indicator report of a report made by hand, as GitHub Markdown. */
class IndicatorMarkdownTest {
    static final String MD = IndicatorMarkdown.write(SampleIndicatorReport.report());

    /** The section under a heading, up to the next heading of the same or a higher level. */
    static String section(String heading) {
        int start = MD.indexOf(heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = MD.indexOf("\n" + level, start + heading.length());
        return MD.substring(start, end < 0 ? MD.length() : end);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void theHeaderSaysWhatWasComputedAndAgainstWhat() {
        assertThat(MD).startsWith("# Registry indicators beside the published figures\n");
        assertThat(lines(MD)).contains("- Scope: whole registry", "- Computed at: 2025-06-30T08:15:00Z", "- Households: 2,300",
                "- Tolerance: 1.0 points; national and regional figures beyond it: 3",
                "- Districts are ranked when they have at least 100 households");
        assertThat(MD).contains("NSER annual report FY2022-23");
    }

    @Test
    void theFiguresBeyondTheToleranceAreListedFirst() {
        assertThat(lines(section("## Figures beyond the tolerance"))).contains(
                "| Indicator | Measure | Region | Registry | Published | Difference |",
                "|---|---|---|---:|---:|---:|",
                "| Kacha housing | Kacha houses % | PAKISTAN | 50.0 | 55.0 | **-5.0** |",
                "| Kacha housing | Kacha houses % | SINDH | 70.0 | 64.0 | **+6.0** |",
                "| Disability | Households with a disabled member % | SINDH | 6.5 | 4.0 | **+2.5** |")
                .noneMatch(l -> l.contains("PUNJAB"));
    }

    @Test
    void eachIndicatorHasItsRegionalTableBesideThePublishedFigures() {
        List<String> kacha = lines(section("## Kacha housing"));
        assertThat(kacha).contains("Walls of mud make a house kacha.",
                "| Region | Households | Kacha houses % registry | published | difference | Pacca houses % registry | published | difference |",
                "| PUNJAB | 1,500 | 48.6 | 48.0 | +0.6 | 51.4 | – | – |",
                "| SINDH | 800 | 70.0 | 64.0 | **+6.0** | 30.0 | – | – |",
                "| ISLAMABAD | 0 | – | 18.0 | – | – | – | – |",
                "| PAKISTAN | 2,300 | 50.0 | 55.0 | **-5.0** | 50.0 | – | – |");
        assertThat(lines(section("## Households"))).contains(
                "| PAKISTAN | 2,300 | 2,300 | 35,645,850 | -35,643,550 | 5.13 | 5.20 | -0.07 |");
        assertThat(section("## Disability")).contains("| SINDH | 800 | 6.5 | 4.0 | **+2.5** | 2.4 | 4.1 | – |")
                .contains("*" + IndicatorCatalogue.DISABILITY_BY_GENDER + "*");
    }

    @Test
    void theRegistrysAndThePublishedHighestAndLowestDistricts() {
        String kacha = section("## Kacha housing");
        assertThat(lines(kacha)).contains(
                "### Highest five districts in the registry (districts with at least 100 households, by Kacha houses %)",
                "| Region | District | Households | Kacha houses % | Pacca houses % | Kacha houses % published |",
                "| SINDH | Tharparkar | 800 | 93.3 | 6.8 | – |",
                "| BALOCHISTAN | Sherani | 99.0 | – | – |",
                "| SINDH | Karachi South | 8.0 | 10.0 | +2.0 |");
        assertThat(kacha.indexOf("| SINDH | Tharparkar")).isLessThan(kacha.indexOf("| PUNJAB | Narowal"));
        assertThat(section("## Households")).contains("None: the annual report lists no districts for this indicator.")
                .contains("None: no district has enough households.");
    }
}
