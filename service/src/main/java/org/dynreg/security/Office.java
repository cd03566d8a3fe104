package org.dynreg.security;

/**
 * An office a user works for: the whole country (NATIONAL), a district office (DISTRICT: every tehsil of it),
 * a tehsil office (TEHSIL: one tehsil of a district) or a registration site (SITE: the cases a site opened
 * before their household existed). Districts and tehsils are named as surveys name them.
 */
public record Office(Scope scope, String district, String tehsil, String siteId) {

    public enum Scope { NATIONAL, DISTRICT, TEHSIL, SITE }

    public static final Office NATIONAL = new Office(Scope.NATIONAL, "", "", "");

    public Office {
        district = district == null ? "" : district.strip();
        tehsil = tehsil == null ? "" : tehsil.strip();
        siteId = siteId == null ? "" : siteId.strip();
    }

    /** Whether a case of this district, tehsil and site is this office's work. */
    public boolean covers(String caseDistrict, String caseTehsil, String caseSite) {
        return switch (scope) {
            case NATIONAL -> true;
            case DISTRICT -> district.equalsIgnoreCase(nonNull(caseDistrict));
            case TEHSIL -> district.equalsIgnoreCase(nonNull(caseDistrict)) && tehsil.equalsIgnoreCase(nonNull(caseTehsil));
            case SITE -> siteId.equalsIgnoreCase(nonNull(caseSite));
        };
    }

    /** How people name the office: "national", "district Dadu", "tehsil Mehar (district Dadu)", "site DRC-SD-DDU-01". */
    public String label() {
        return switch (scope) {
            case NATIONAL -> "national";
            case DISTRICT -> "district " + district;
            case TEHSIL -> "tehsil " + tehsil + " (district " + district + ")";
            case SITE -> "site " + siteId;
        };
    }

    /** The office a case belongs to, named as {@link #label()} names offices. */
    public static String ofCase(String district, String tehsil, String site) {
        if (district != null && !district.isBlank()) {
            return tehsil == null || tehsil.isBlank() ? "district " + district : "tehsil " + tehsil + " (district " + district + ")";
        }
        return site == null || site.isBlank() ? "no office" : "site " + site;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.strip();
    }
}
