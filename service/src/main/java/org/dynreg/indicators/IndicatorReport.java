package org.dynreg.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The registry's thematic indicators as a report: for each indicator the national figures (of the whole
 * registry), the figures of each region and district, the five districts highest and lowest on it, and
 * every figure set beside the one the annual report published, where it published one.
 *
 * @param province              the one province reported on, or null for the whole registry
 * @param households            households in the report's scope
 * @param tolerancePoints       a percentage further than this from the published one is flagged
 * @param minDistrictHouseholds districts with fewer households are left out of the rankings
 * @param beyondTolerance       national and regional figures flagged as further than the tolerance from the published ones
 */
public record IndicatorReport(String scope, String province, Instant computedAt, long households, double tolerancePoints,
                              int minDistrictHouseholds, String published, long beyondTolerance, List<Indicator> indicators) {

    /** What a figure counts, and so how precisely it is given and shown. */
    public enum Unit {
        /** A count, such as households. */
        COUNT(0, "#,##0"),
        /** An average, such as members per household, to a hundredth. */
        AVERAGE(2, "0.00"),
        /** A percentage (0 to 100), to a tenth of a point, compared with the published one in points. */
        PERCENT(1, "0.0");

        /** A figure shown where there is none: nobody to count, or nothing published. */
        public static final String NONE = "–";

        private final int decimals;
        private final String pattern;

        Unit(int decimals, String pattern) {
            this.decimals = decimals;
            this.pattern = pattern;
        }

        /** The decimals a figure of this unit is rounded to. */
        public int decimals() {
            return decimals;
        }

        /** How a figure of this unit is shown, in the notation of Excel's number formats and of DecimalFormat alike. */
        public String pattern() {
            return pattern;
        }

        /** A figure as the reports show it, or {@link #NONE}. */
        public String show(Double value) {
            if (value == null) {
                return NONE;
            }
            DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f.format(BigDecimal.valueOf(value));
        }

        /** A difference, with its sign. */
        public String showSigned(Double value) {
            return value != null && value > 0 ? "+" + show(value) : show(value);
        }
    }

    /**
     * @param compared false where the published figure is shown but not compared (see its note)
     * @param note     what a reader must know about the measure, or null
     */
    public record Measure(String name, String label, Unit unit, boolean compared, String note) {
    }

    /**
     * One indicator: its measures (named as in the published table), and areas.
     *
     * @param rankedBy         the measure the districts are ranked by
     * @param national         the whole registry, or null when the report covers one province
     * @param districts        every district, by region and name
     * @param highest          the registry's five districts highest on {@code rankedBy}, highest first
     * @param lowest           the five lowest, lowest first
     * @param publishedHighest the districts the annual report listed as highest, with the registry's figure beside
     * @param publishedLowest  and as lowest
     */
    public record Indicator(String name, String title, String definition, String rankedBy, List<Measure> measures,
                            Area national, List<Area> regions, List<Area> districts, List<Area> highest, List<Area> lowest,
                            List<PublishedDistrict> publishedHighest, List<PublishedDistrict> publishedLowest) {

        public Measure measure(String name) {
            return measures.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(this.name + " has no measure " + name));
        }
    }

    /** A region (district null) or a district, with one figure per measure in the indicator's order. */
    public record Area(String region, String district, long households, List<Figure> figures) {

        public Figure figure(String measure) {
            return figures.stream().filter(f -> f.measure().equals(measure)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no figure " + measure));
        }
    }

    /**
     * A measure of an area: the registry's value (null where nobody is counted), the published one (null
     * where the report printed none), their difference (null unless both are there and the measure is
     * compared), and whether a percentage differs by more than the tolerance.
     */
    public record Figure(String measure, Double computed, Double published, Double difference, boolean flagged) {
    }

    /** A district of a published highest or lowest list, with the registry's figure for it (null if it has none). */
    public record PublishedDistrict(String region, String district, double published, Double computed, Double difference) {
    }
}
