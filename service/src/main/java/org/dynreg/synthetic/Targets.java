package org.dynreg.synthetic;

import org.dynreg.indicators.PublishedIndicators;
import org.dynreg.places.District;
import org.dynreg.places.Places;
import org.dynreg.registry.Province;

import java.util.List;

/**
 * The probabilities households are drawn with, per region and district (the districts of the reference list
 * of administrative units). A region's published figure holds for the region as a whole: the districts the
 * report names (however it spells them) (highest and lowest five) get their
 * own figure and the region's other districts share what is left, so that the region still averages its
 * figure. A region without a figure for a measure takes the national one.
 */
final class Targets {
    private final Province[] provinces = Province.values();
    /** Share of all households, cumulative, in {@link Province} order. */
    private final double[] cumulativeShare;
    private final double[] averageSize;
    private final List<District>[] districts;
    /** [province][district][measure], as probabilities. */
    private final double[][][] rates;

    @SuppressWarnings("unchecked")
    Targets(PublishedIndicators published, Places catalogue) {
        int n = provinces.length;
        cumulativeShare = new double[n];
        averageSize = new double[n];
        districts = new List[n];
        rates = new double[n][][];
        double total = published.region("households", "registered_households", PublishedIndicators.NATIONAL)
                .orElseThrow(() -> new IllegalStateException("no national household count is published"));
        double cumulative = 0;
        for (int p = 0; p < n; p++) {
            Province province = provinces[p];
            cumulative += required(published, "households", "registered_households", province) / total;
            cumulativeShare[p] = cumulative;
            averageSize[p] = required(published, "households", "average_size", province);
            districts[p] = catalogue.districts(province);
            rates[p] = new double[districts[p].size()][Measure.values().length];
            for (Measure m : Measure.values()) {
                spread(published, province, m, p);
            }
        }
        cumulativeShare[n - 1] = 1.0;
    }

    private void spread(PublishedIndicators published, Province province, Measure m, int p) {
        double regional = published.region(m.indicator, m.measure, province.name())
                .or(() -> published.region(m.indicator, m.measure, PublishedIndicators.NATIONAL))
                .orElseThrow(() -> new IllegalStateException("no figure is published for " + m.indicator + " " + m.measure));
        List<District> names = districts[p];
        double named = 0;
        int namedCount = 0;
        Double[] own = new Double[names.size()];
        for (int d = 0; d < names.size(); d++) {
            own[d] = published.district(m.indicator, m.measure, province.name(), names.get(d).name()).orElse(null);
            if (own[d] != null) {
                named += own[d];
                namedCount++;
            }
        }
        double others = namedCount == names.size() ? regional
                : clamp((regional * names.size() - named) / (names.size() - namedCount));
        for (int d = 0; d < names.size(); d++) {
            rates[p][d][m.ordinal()] = (own[d] != null ? own[d] : others) / 100.0;
        }
    }

    private static double required(PublishedIndicators published, String indicator, String measure, Province p) {
        return published.region(indicator, measure, p.name())
                .orElseThrow(() -> new IllegalStateException("no " + indicator + " " + measure + " is published for " + p));
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, percent));
    }

    /** The region a uniform draw in [0, 1) falls in, by the regions' shares of households. */
    int province(double u) {
        for (int p = 0; p < cumulativeShare.length; p++) {
            if (u < cumulativeShare[p]) {
                return p;
            }
        }
        return cumulativeShare.length - 1;
    }

    Province provinceAt(int p) {
        return provinces[p];
    }

    double averageSize(int p) {
        return averageSize[p];
    }

    int districtCount(int p) {
        return districts[p].size();
    }

    District district(int p, int d) {
        return districts[p].get(d);
    }

    double rate(int p, int d, Measure m) {
        return rates[p][d][m.ordinal()];
    }
}
