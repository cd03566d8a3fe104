package org.dynreg.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the published reference tables in {@code src/test/resources/reference/} as rows keyed by header. */
public final class ReferenceCsv {

    public static final String SCORECARD = "/reference/pakistan-scorecard-2009.csv";
    public static final String LIKELIHOODS = "/reference/pakistan-scorecard-2009-likelihoods.csv";

    private ReferenceCsv() {
    }

    /** Every non-blank line of the resource split into cells, the header line first. */
    public static List<String[]> rows(String resource) {
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank()) {
                    rows.add(split(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Map<String, String>> read(String resource) {
        List<String[]> lines = rows(resource);
        String[] header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String[] cells : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Points of the scorecard by indicator number and option code, e.g. {@code points().get(1).get("D") == 12}. */
    public static Map<Integer, Map<String, Integer>> scorecardPoints() {
        Map<Integer, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Map<String, String> r : read(SCORECARD)) {
            out.computeIfAbsent(Integer.parseInt(r.get("indicator_no")), k -> new LinkedHashMap<>())
                    .put(r.get("option_code"), Integer.parseInt(r.get("points")));
        }
        return out;
    }

    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
