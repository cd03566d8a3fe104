package org.dynreg.synthetic;

import org.dynreg.registry.Province;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The districts of each region that households are spread over ({@code indicators/districts.tsv}). */
final class Districts {
    static final String RESOURCE = "indicators/districts.tsv";

    private final Map<Province, List<String>> byRegion;

    private Districts(Map<Province, List<String>> byRegion) {
        this.byRegion = byRegion;
    }

    static Districts load() {
        Map<Province, List<String>> map = new EnumMap<>(Province.class);
        try (InputStream in = Districts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("region\t")) {
                    continue;
                }
                String[] c = line.split("\t");
                map.computeIfAbsent(Province.valueOf(c[0]), p -> new ArrayList<>()).add(c[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Province p : Province.values()) {
            if (!map.containsKey(p)) {
                throw new IllegalStateException(RESOURCE + " names no district of " + p);
            }
        }
        map.replaceAll((p, l) -> List.copyOf(l));
        return new Districts(map);
    }

    List<String> of(Province p) {
        return byRegion.get(p);
    }
}
