package org.dynreg.indicators;

import org.dynreg.places.District;
import org.dynreg.places.Places;
import org.dynreg.registry.Province;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registry's thematic indicators as the annual report published them (FY2022-23), read from
 * {@code indicators/nser-indicators-2023.tsv}: the targets the synthetic registry is drawn from and the
 * figures an indicator report is set beside.
 */
public final class PublishedIndicators {
    /** The region name of national figures ("Total" in the report). */
    public static final String NATIONAL = "PAKISTAN";
    static final String RESOURCE = "indicators/nser-indicators-2023.tsv";

    /** One published figure; {@code district} is blank for a regional or national one. */
    public record Figure(String indicator, String measure, String region, String district, String list, double value) {
        public boolean regional() {
            return district.isEmpty();
        }
    }

    private final List<Figure> figures;

    private PublishedIndicators(List<Figure> figures) {
        this.figures = List.copyOf(figures);
    }

    public static PublishedIndicators load() {
        try (InputStream in = PublishedIndicators.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Figure> figures = new ArrayList<>();
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("indicator\t")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != 6) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": expected 6 columns, found " + c.length);
                }
                figures.add(new Figure(c[0], c[1], c[2], c[3], c[4], Double.parseDouble(c[5])));
            }
            return new PublishedIndicators(figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Figure> figures() {
        return figures;
    }

    /** A regional figure, or the national one for {@link #NATIONAL}; empty where the report printed none. */
    public Optional<Double> region(String indicator, String measure, String region) {
        return figures.stream()
                .filter(f -> f.regional() && f.indicator().equals(indicator) && f.measure().equals(measure)
                        && f.region().equals(region))
                .map(Figure::value).findFirst();
    }

    /** The figure of a named district, where the report listed that district for the indicator. */
    public Optional<Double> district(String indicator, String measure, String region, String district) {
        return figures.stream()
                .filter(f -> !f.regional() && f.indicator().equals(indicator) && f.measure().equals(measure)
                        && f.region().equals(region) && sameDistrict(region, f.district(), district))
                .map(Figure::value).findFirst();
    }

    /**
     * Whether two names are the same district of the region: written alike, or spellings the reference list of
     * administrative units accepts for one district (the report writes "Karachi Central", the list "Central Karachi").
     */
    public static boolean sameDistrict(String region, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Province province = Arrays.stream(Province.values()).filter(p -> p.name().equals(region)).findFirst().orElse(null);
        if (province == null) {
            return false;
        }
        Places places = Places.pakistan();
        return places.district(province, a).map(District::pcode)
                .flatMap(x -> places.district(province, b).map(District::pcode).filter(x::equals)).isPresent();
    }

    /** The districts the report listed for an indicator and measure (highest and lowest five). */
    public List<Figure> districts(String indicator, String measure) {
        return figures.stream()
                .filter(f -> !f.regional() && f.indicator().equals(indicator) && f.measure().equals(measure))
                .toList();
    }
}
