package org.dynreg.indicators;

import org.dynreg.indicators.IndicatorReport.Area;
import org.dynreg.indicators.IndicatorReport.Figure;
import org.dynreg.indicators.IndicatorReport.Indicator;
import org.dynreg.indicators.IndicatorReport.Measure;
import org.dynreg.indicators.IndicatorReport.PublishedDistrict;
import org.dynreg.indicators.IndicatorReport.Unit;

import java.time.Instant;
import java.util.List;

/**
 * A small report made by hand for the renderers: three indicators, two regions and the nation, three
 * districts. Punjab's kacha figure is within the tolerance of the published one, Sindh's and the
 * national one are not; Islamabad has no households.
 */
final class SampleIndicatorReport {
    static final Instant COMPUTED_AT = Instant.parse("2025-06-30T08:15:00Z");
    static final Measure KACHA = new Measure("kacha", "Kacha houses %", Unit.PERCENT, true, null);
    static final Measure PACCA = new Measure("pacca", "Pacca houses %", Unit.PERCENT, true, null);
    static final Measure HOUSEHOLDS = new Measure("registered_households", "Registered households", Unit.COUNT, true, null);
    static final Measure SIZE = new Measure("average_size", "Average household size", Unit.AVERAGE, true, null);
    static final Measure DISABLED_HOUSEHOLDS = new Measure("households", "Households with a disabled member %", Unit.PERCENT, true, null);
    static final Measure DISABLED_MEN = new Measure("male", "Male members disabled %", Unit.PERCENT, false,
            IndicatorCatalogue.DISABILITY_BY_GENDER);

    private SampleIndicatorReport() {
    }

    static Figure figure(Measure m, Double computed, Double published, double tolerance) {
        Double difference = m.compared() && computed != null && published != null ? Math.round((computed - published) * 100) / 100.0 : null;
        return new Figure(m.name(), computed, published, difference,
                m.unit() == Unit.PERCENT && difference != null && Math.abs(difference) > tolerance);
    }

    static Area area(String region, String district, long households, List<Figure> figures) {
        return new Area(region, district, households, figures);
    }

    static IndicatorReport report() {
        Area lahore = area("PUNJAB", "Lahore", 1_200, List.of(figure(KACHA, 20.5, null, 1), figure(PACCA, 79.5, null, 1)));
        Area narowal = area("PUNJAB", "Narowal", 300, List.of(figure(KACHA, 61.0, null, 1), figure(PACCA, 39.0, null, 1)));
        Area tharparkar = area("SINDH", "Tharparkar", 800, List.of(figure(KACHA, 93.25, null, 1), figure(PACCA, 6.75, null, 1)));
        Indicator kacha = new Indicator("kacha_housing", "Kacha housing", "Walls of mud make a house kacha.", "kacha",
                List.of(KACHA, PACCA),
                area("PAKISTAN", null, 2_300, List.of(figure(KACHA, 50.0, 55.0, 1), figure(PACCA, 50.0, null, 1))),
                List.of(area("PUNJAB", null, 1_500, List.of(figure(KACHA, 48.6, 48.0, 1), figure(PACCA, 51.4, null, 1))),
                        area("SINDH", null, 800, List.of(figure(KACHA, 70.0, 64.0, 1), figure(PACCA, 30.0, null, 1))),
                        area("ISLAMABAD", null, 0, List.of(figure(KACHA, null, 18.0, 1), figure(PACCA, null, null, 1)))),
                List.of(lahore, narowal, tharparkar), List.of(tharparkar, narowal, lahore), List.of(lahore, narowal, tharparkar),
                List.of(new PublishedDistrict("BALOCHISTAN", "Sherani", 99.0, null, null)),
                List.of(new PublishedDistrict("SINDH", "Karachi South", 8.0, 10.0, 2.0)));
        Indicator households = new Indicator("households", "Households", "Households and their members.", "average_size",
                List.of(HOUSEHOLDS, SIZE),
                area("PAKISTAN", null, 2_300, List.of(figure(HOUSEHOLDS, 2_300.0, 35_645_850.0, 1), figure(SIZE, 5.13, 5.2, 1))),
                List.of(area("PUNJAB", null, 1_500, List.of(figure(HOUSEHOLDS, 1_500.0, 17_942_363.0, 1), figure(SIZE, 5.05, 5.1, 1))),
                        area("SINDH", null, 800, List.of(figure(HOUSEHOLDS, 800.0, 8_465_207.0, 1), figure(SIZE, 5.5, 5.0, 1))),
                        area("ISLAMABAD", null, 0, List.of(figure(HOUSEHOLDS, 0.0, 207_740.0, 1), figure(SIZE, null, 4.1, 1)))),
                List.of(), List.of(), List.of(), List.of(), List.of());
        Indicator disability = new Indicator("disability", "Disability", "Households with a disabled member.", "households",
                List.of(DISABLED_HOUSEHOLDS, DISABLED_MEN),
                area("PAKISTAN", null, 2_300, List.of(figure(DISABLED_HOUSEHOLDS, 4.9, 4.5, 1), figure(DISABLED_MEN, 2.1, 4.7, 1))),
                List.of(area("PUNJAB", null, 1_500, List.of(figure(DISABLED_HOUSEHOLDS, 4.0, 4.2, 1), figure(DISABLED_MEN, 1.9, 4.4, 1))),
                        area("SINDH", null, 800, List.of(figure(DISABLED_HOUSEHOLDS, 6.5, 4.0, 1), figure(DISABLED_MEN, 2.4, 4.1, 1))),
                        area("ISLAMABAD", null, 0, List.of(figure(DISABLED_HOUSEHOLDS, null, 4.0, 1), figure(DISABLED_MEN, null, 4.3, 1)))),
                List.of(), List.of(), List.of(), List.of(), List.of());
        return new IndicatorReport("whole registry", null, COMPUTED_AT, 2_300, 1.0, 100, Indicators.PUBLISHED, 3,
                List.of(households, kacha, disability));
    }
}
