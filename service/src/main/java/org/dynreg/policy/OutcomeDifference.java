package org.dynreg.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One way two outcomes of the same household differ, by kind: the expected (or recorded) value, the value the
 * candidate (or replayed) version gives, and the difference in words, e.g. {@code cut-off for UCT: expected 32, got 34}.
 * {@code program} names the program for the kinds that are per program, and is null for the others.
 */
@JsonIgnoreProperties(value = {"key", "label"}, allowGetters = true)
public record OutcomeDifference(Kind kind, String program, String field, String expected, String actual, String text) {

    /** What a difference is about; an officer accepts a kind of difference across households with one reason. */
    public enum Kind {
        SCORE("score"),
        ELIGIBILITY("eligibility"),
        CUTOFF("cut-off used"),
        EXCLUSION("exclusion filters"),
        RECIPIENT("payment recipient"),
        STIPENDS("stipends"),
        WORDING("wording of reasons"),
        INDICATOR("indicator points"),
        LIKELIHOOD("poverty likelihoods"),
        RULES_FIRED("rules fired");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The kind as it is named in requests: the kind, with ":" and the program for the kinds per program (ELIGIBILITY:UCT). */
    @JsonProperty
    public String key() {
        return key(kind, program);
    }

    /** The kind in words: "eligibility for UCT", "wording of reasons". */
    @JsonProperty
    public String label() {
        return label(kind, program);
    }

    public static String key(Kind kind, String program) {
        return program == null ? kind.name() : kind.name() + ":" + program;
    }

    public static String label(Kind kind, String program) {
        return program == null ? kind.words() : kind.words() + " for " + program;
    }

    /** The kind a key names; a key that names none is refused with the keys there are. */
    public static Kind kindOf(String key) {
        String name = key == null ? "" : key.strip();
        int colon = name.indexOf(':');
        String kind = (colon < 0 ? name : name.substring(0, colon)).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Kind k : Kind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a kind of difference: use one of "
                + java.util.Arrays.stream(Kind.values()).map(Kind::name).toList() + ", the per-program ones with ':' and the program, "
                + "e.g. ELIGIBILITY:UCT or CUTOFF:UCT");
    }

    /** The program a key names after ':', or null. */
    public static String programOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? null : key.substring(colon + 1).strip();
    }
}
