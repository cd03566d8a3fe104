package org.dynreg.indicators;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.indicators.IndicatorCatalogue.IndicatorSpec;
import org.dynreg.indicators.IndicatorCatalogue.MeasureSpec;
import org.dynreg.indicators.IndicatorReport.Area;
import org.dynreg.indicators.IndicatorReport.Figure;
import org.dynreg.indicators.IndicatorReport.Indicator;
import org.dynreg.indicators.IndicatorReport.PublishedDistrict;
import org.dynreg.indicators.IndicatorReport.Unit;
import org.dynreg.indicators.RegistryCounts.District;
import org.dynreg.registry.Province;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The thematic indicators of the annual report recomputed from the registry as it stands: national,
 * by region and by district, each figure beside the published one, and the districts highest and
 * lowest on each indicator. The database does the counting (see {@link RegistryCounts}); this class
 * only adds districts up and divides.
 */
@Service
public class Indicators {
    private static final Logger log = LoggerFactory.getLogger(Indicators.class);
    /** How many districts the annual report lists as highest and as lowest. */
    static final int RANKED = 5;
    static final String WHOLE_REGISTRY = "whole registry";
    static final String PUBLISHED = "NSER annual report FY2022-23, Section 5 (" + PublishedIndicators.RESOURCE + ")";

    private final RegistryCounts counts;
    private final PublishedIndicators published = PublishedIndicators.load();
    private final Clock clock;
    private final int minDistrictHouseholds;
    private final double tolerancePoints;

    Indicators(JdbcTemplate jdbc, Clock clock,
               @Value("${dynreg.indicators.min-district-households:100}") int minDistrictHouseholds,
               @Value("${dynreg.indicators.tolerance-points:1.0}") double tolerancePoints) {
        this.counts = new RegistryCounts(jdbc);
        this.clock = clock;
        this.minDistrictHouseholds = minDistrictHouseholds;
        this.tolerancePoints = tolerancePoints;
    }

    /**
     * The report of the whole registry, or of one province (its name as in {@code Province}; then there
     * are no national figures). Read in one transaction, so that the counting queries all see the same registry.
     */
    @Transactional(readOnly = true)
    public IndicatorReport report(String province) {
        long started = System.nanoTime();
        Province only = province(province);
        Map<District, Tally> districts = counts.byDistrict(only == null ? null : only.name());
        Map<String, Tally> regions = new LinkedHashMap<>();
        for (Province p : only == null ? Arrays.asList(Province.values()) : List.of(only)) {
            regions.put(p.name(), new Tally());
        }
        Tally national = new Tally();
        districts.forEach((d, t) -> {
            regions.computeIfAbsent(d.province(), r -> new Tally()).add(t);
            national.add(t);
        });
        List<String> regionOrder = new ArrayList<>(regions.keySet());
        List<District> districtOrder = districts.keySet().stream()
                .sorted(Comparator.comparingInt((District d) -> regionOrder.indexOf(d.province())).thenComparing(District::district))
                .toList();

        List<Indicator> indicators = new ArrayList<>();
        long beyond = 0;
        for (IndicatorSpec spec : IndicatorCatalogue.ALL) {
            Area nation = only == null ? area(spec, PublishedIndicators.NATIONAL, null, national) : null;
            List<Area> regionAreas = regions.entrySet().stream().map(e -> area(spec, e.getKey(), null, e.getValue())).toList();
            Map<District, Area> districtAreas = new LinkedHashMap<>();
            districtOrder.forEach(d -> districtAreas.put(d, area(spec, d.province(), d.district(), districts.get(d))));
            Ranking ranking = ranking(spec, districts);
            List<Area> highest = ranking.highest().stream().map(districtAreas::get).toList();
            List<Area> lowest = ranking.lowest().stream().map(districtAreas::get).toList();
            indicators.add(new Indicator(spec.name(), spec.title(), spec.definition(), spec.rankedBy(),
                    spec.measures().stream().map(MeasureSpec::measure).toList(), nation, regionAreas,
                    List.copyOf(districtAreas.values()), highest, lowest,
                    publishedList(spec, "highest", districtAreas), publishedList(spec, "lowest", districtAreas)));
            beyond += (nation == null ? 0 : flagged(nation)) + regionAreas.stream().mapToLong(Indicators::flagged).sum();
        }
        IndicatorReport report = new IndicatorReport(only == null ? WHOLE_REGISTRY : "province " + only.name(),
                only == null ? null : only.name(), clock.instant(), national.households, tolerancePoints, minDistrictHouseholds,
                PUBLISHED, beyond, indicators);
        log.info("indicator report of the {}: {} households in {} districts, {} national and regional figures more than {} points"
                        + " from the published ones, {} ms", report.scope(), national.households, districts.size(), beyond,
                tolerancePoints, (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private static Province province(String province) {
        if (province == null || province.isBlank()) {
            return null;
        }
        try {
            return Province.valueOf(province.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("province", "no province '" + province + "'; one of " + Arrays.toString(Province.values()));
        }
    }

    private Area area(IndicatorSpec spec, String region, String district, Tally t) {
        List<Figure> figures = spec.measures().stream().map(m -> figure(spec, m, region, district, t)).toList();
        return new Area(region, district, t.households, figures);
    }

    private Figure figure(IndicatorSpec spec, MeasureSpec m, String region, String district, Tally t) {
        Unit unit = m.measure().unit();
        Double computed = round(m.value().apply(t), unit);
        String name = m.measure().name();
        Double publishedValue = (district == null ? published.region(spec.name(), name, region)
                : published.district(spec.name(), name, region, district)).orElse(null);
        Double difference = m.measure().compared() && computed != null && publishedValue != null
                ? round(computed - publishedValue, unit) : null;
        boolean flagged = unit == Unit.PERCENT && difference != null && Math.abs(difference) > tolerancePoints;
        return new Figure(name, computed, publishedValue, difference, flagged);
    }

    private record Ranking(List<District> highest, List<District> lowest) {
    }

    /**
     * The five districts highest and the five lowest, among those with enough households to be ranked
     * and a figure to rank by. Ranked on the unrounded figure, so that rounding makes no ties; equal
     * figures go in the order of region and district name in both lists.
     */
    private Ranking ranking(IndicatorSpec spec, Map<District, Tally> districts) {
        MeasureSpec by = spec.headline();
        Map<District, Double> values = new LinkedHashMap<>();
        districts.forEach((d, t) -> {
            Double v = by.value().apply(t);
            if (t.households >= minDistrictHouseholds && v != null) {
                values.put(d, v);
            }
        });
        Comparator<District> byValue = Comparator.comparing(values::get);
        return new Ranking(values.keySet().stream().sorted(byValue.reversed().thenComparing(Comparator.naturalOrder())).limit(RANKED).toList(),
                values.keySet().stream().sorted(byValue.thenComparing(Comparator.naturalOrder())).limit(RANKED).toList());
    }

    /** A district list of the annual report ("highest" or "lowest"), with the registry's figure for each district. */
    private List<PublishedDistrict> publishedList(IndicatorSpec spec, String list, Map<District, Area> districts) {
        IndicatorReport.Measure headline = spec.headline().measure();
        return published.districts(spec.name(), spec.rankedBy()).stream().filter(f -> f.list().equals(list)).map(f -> {
            Area a = districts.entrySet().stream().filter(e -> e.getKey().province().equals(f.region())
                    && PublishedIndicators.sameDistrict(f.region(), e.getKey().district(), f.district())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            Double computed = a == null ? null : a.figure(spec.rankedBy()).computed();
            Double difference = headline.compared() && computed != null ? round(computed - f.value(), headline.unit()) : null;
            return new PublishedDistrict(f.region(), f.district(), f.value(), computed, difference);
        }).toList();
    }

    private static long flagged(Area a) {
        return a.figures().stream().filter(Figure::flagged).count();
    }

    /** To the precision a reader compares at (the unit's decimals), so that every output shows the same figure. */
    private static Double round(Double value, Unit unit) {
        if (value == null) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(unit.decimals(), RoundingMode.HALF_UP).doubleValue();
    }
}
