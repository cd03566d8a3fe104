package org.dynreg.places;

import org.dynreg.registry.Province;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Pakistan's provinces, districts and tehsils as the reference list holds them
 * ({@code places/pakistan-admin-units.csv}, other spellings in {@code places/aliases.csv}; source and
 * licence in {@code places/README.md}), with the units an installation added in {@code places/local-units.csv}. Names are matched ignoring case, spaces and punctuation; a name
 * the list does not hold is refused with what it may have meant.
 */
public final class Places {
    static final String UNITS = "places/pakistan-admin-units.csv";
    static final String ALIASES = "places/aliases.csv";
    /**
     * Units an installation adds to the list (created after its edition), each line with its source:
     * {@code province,district_pcode,district,tehsil_pcode,tehsil,source}; read when on the classpath.
     */
    static final String LOCAL = "places/local-units.csv";
    static final String WHERE = "the reference list of Pakistan's administrative units";
    /** A union council's name or number as written on the form: letters, digits and a little punctuation. */
    private static final Pattern UNION_COUNCIL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .'()/,-]*");
    private static final int MAX_ECHO = 30;
    private static final int MAX_SUGGESTIONS = 3;
    private static final int MAX_LISTED = 12;

    private static volatile Places pakistan;

    private final Map<Province, List<District>> byProvince;

    private Places(Map<Province, List<District>> byProvince) {
        this.byProvince = byProvince;
    }

    /** The reference list, read once from the classpath. */
    public static Places pakistan() {
        Places p = pakistan;
        if (p == null) {
            synchronized (Places.class) {
                if (pakistan == null) {
                    pakistan = load();
                }
                p = pakistan;
            }
        }
        return p;
    }

    /** Every district of the province, in the list's order (by name). */
    public List<District> districts(Province province) {
        return byProvince.get(province);
    }

    /** The district of the province with this name or alias. */
    public Optional<District> district(Province province, String name) {
        String key = Spelling.key(name);
        return districts(province).stream().filter(d -> matches(d.spellings(), key)).findFirst();
    }

    /** The tehsil of the district with this name or alias. */
    public Optional<Tehsil> tehsil(District district, String name) {
        String key = Spelling.key(name);
        return district.tehsils().stream().filter(t -> matches(t.spellings(), key)).findFirst();
    }

    /**
     * The district named, of the province given.
     *
     * @throws UnknownPlaceException saying the list holds no such district there, with the districts it may
     *                               have meant or the province it belongs to
     */
    public District requireDistrict(Province province, String name) {
        return district(province, name).orElseThrow(() -> {
            String given = echo(name);
            List<District> elsewhere = byProvince.entrySet().stream().filter(e -> e.getKey() != province)
                    .flatMap(e -> e.getValue().stream()).filter(d -> matches(d.spellings(), Spelling.key(name))).toList();
            if (!elsewhere.isEmpty()) {
                return new UnknownPlaceException("'" + given + "' is a district of " + elsewhere.get(0).province()
                        + ", not of " + province);
            }
            return new UnknownPlaceException("'" + given + "' is not a district of " + province + " in " + WHERE
                    + hint(name, districts(province), District::name, District::spellings, "districts of " + province));
        });
    }

    /**
     * The tehsil named, of the district given.
     *
     * @throws UnknownPlaceException saying the district holds no such tehsil, with the tehsils it may have meant
     *                               or the district it belongs to
     */
    public Tehsil requireTehsil(District district, String name) {
        return tehsil(district, name).orElseThrow(() -> {
            String given = echo(name);
            List<District> elsewhere = districts(district.province()).stream()
                    .filter(d -> tehsil(d, name).isPresent()).toList();
            if (elsewhere.size() == 1) {
                return new UnknownPlaceException("'" + given + "' is not a tehsil of " + district.name() + "; it is a tehsil of "
                        + elsewhere.get(0).name());
            }
            return new UnknownPlaceException("'" + given + "' is not a tehsil of " + district.name() + " in " + WHERE
                    + hint(name, district.tehsils(), Tehsil::name, Tehsil::spellings, "tehsils of " + district.name()));
        });
    }

    /** Why the text cannot be a union council's name or number, or empty when it can (no public list of them is shipped). */
    public Optional<String> unionCouncilProblem(String name) {
        if (UNION_COUNCIL.matcher(name.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of("must be the union council's name or number, e.g. UC-112 or Tarlai Kalan: "
                + "letters, digits, spaces and - . ' ( ) / , only");
    }

    /** "; did you mean X?" for names within a few typos, or the whole list when it is short. */
    private static <T> String hint(String name, Collection<T> units, Function<T, String> display,
                                   Function<T, List<String>> spellings, String what) {
        String key = Spelling.key(name);
        record Near<T>(T unit, int distance) {}
        List<String> near = units.stream()
                .map(u -> new Near<>(u, spellings.apply(u).stream().mapToInt(s -> closeness(key, Spelling.key(s))).min().orElse(Integer.MAX_VALUE)))
                .filter(n -> n.distance() <= Spelling.allowed(key.length()))
                .sorted(Comparator.comparingInt((Near<T> n) -> n.distance()).thenComparing(n -> display.apply(n.unit())))
                .limit(MAX_SUGGESTIONS).map(n -> display.apply(n.unit())).toList();
        if (!near.isEmpty()) {
            return "; did you mean " + String.join(" or ", near) + "?";
        }
        if (units.size() <= MAX_LISTED) {
            return "; the " + what + " are " + units.stream().map(display).collect(Collectors.joining(", "));
        }
        return "; see docs/survey-format.md for where the list of " + what + " is";
    }

    /** Edit distance, or how many letters are missing when one name starts the other ("Muzaffar" for "Muzaffargarh"). */
    private static int closeness(String given, String known) {
        int d = Spelling.distance(given, known);
        if (given.length() >= 4 && (known.startsWith(given) || given.startsWith(known))) {
            d = Math.min(d, Math.min(2, Math.abs(known.length() - given.length())));
        }
        return d;
    }

    private static boolean matches(List<String> spellings, String key) {
        return !key.isEmpty() && spellings.stream().anyMatch(s -> Spelling.key(s).equals(key));
    }

    private static String echo(String text) {
        String t = text.strip();
        return t.length() <= MAX_ECHO ? t : t.substring(0, MAX_ECHO) + "…";
    }

    static Places load() {
        Map<String, List<String>> aliases = new HashMap<>();
        for (String[] row : rows(ALIASES, 3, true)) {
            aliases.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        record Row(Province province, String districtPcode, String district, String tehsilPcode, String tehsil) {}
        Map<String, List<Row>> byDistrict = new LinkedHashMap<>();
        List<String[]> units = new ArrayList<>(rows(UNITS, 5, true));
        rows(LOCAL, 6, false).forEach(r -> units.add(java.util.Arrays.copyOf(r, 5)));
        for (String[] r : units) {
            Row row = new Row(Province.valueOf(r[0]), r[1], r[2], r[3], r[4]);
            byDistrict.computeIfAbsent(row.districtPcode(), k -> new ArrayList<>()).add(row);
        }
        Map<Province, List<District>> byProvince = new EnumMap<>(Province.class);
        List<String> known = new ArrayList<>();
        byDistrict.forEach((pcode, rows) -> {
            Row first = rows.get(0);
            List<Tehsil> tehsils = rows.stream().map(r -> new Tehsil(r.tehsilPcode(), r.tehsil(), pcode,
                    List.copyOf(aliases.getOrDefault(r.tehsilPcode(), List.of())))).sorted(Comparator.comparing(Tehsil::name)).toList();
            byProvince.computeIfAbsent(first.province(), p -> new ArrayList<>()).add(new District(first.province(), pcode,
                    first.district(), tehsils, List.copyOf(aliases.getOrDefault(pcode, List.of()))));
            known.add(pcode);
            rows.forEach(r -> known.add(r.tehsilPcode()));
        });
        aliases.keySet().stream().filter(pcode -> !known.contains(pcode)).findFirst().ifPresent(pcode -> {
            throw new IllegalStateException(ALIASES + " names " + pcode + ", which " + UNITS + " does not hold");
        });
        for (Province p : Province.values()) {
            if (!byProvince.containsKey(p)) {
                throw new IllegalStateException(UNITS + " names no district of " + p);
            }
        }
        byProvince.replaceAll((p, l) -> l.stream().sorted(Comparator.comparing(District::name)).toList());
        return new Places(byProvince);
    }

    private static List<String[]> rows(String resource, int columns, boolean required) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Places.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                if (!required) {
                    return rows;
                }
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", columns);
                if (c.length != columns) {
                    throw new IllegalStateException(resource + ": a line has fewer than " + columns + " columns: " + line);
                }
                rows.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
