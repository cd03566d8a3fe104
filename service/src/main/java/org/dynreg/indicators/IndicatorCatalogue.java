package org.dynreg.indicators;

import org.dynreg.indicators.IndicatorReport.Measure;
import org.dynreg.indicators.IndicatorReport.Unit;
import org.dynreg.registry.Gender;
import org.dynreg.registry.Toilet;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.dynreg.indicators.IndicatorDefinitions.ELECTRICITY_ACCESS;
import static org.dynreg.indicators.IndicatorDefinitions.EMPLOYED;
import static org.dynreg.indicators.IndicatorDefinitions.FORMAL_LATRINE;
import static org.dynreg.indicators.IndicatorDefinitions.KACHA_WALLS;
import static org.dynreg.indicators.IndicatorDefinitions.LITERACY_AGE_FROM;
import static org.dynreg.indicators.IndicatorDefinitions.OPEN_DEFECATION;
import static org.dynreg.indicators.IndicatorDefinitions.SAFE_WATER;
import static org.dynreg.indicators.IndicatorDefinitions.SCHOOL_AGE_FROM;
import static org.dynreg.indicators.IndicatorDefinitions.SCHOOL_AGE_TO;
import static org.dynreg.indicators.IndicatorDefinitions.WORKFORCE_AGE_FROM;
import static org.dynreg.indicators.IndicatorDefinitions.WORKFORCE_AGE_TO;

/**
 * The indicators of the annual report's thematic tables, in its order: each measure named as in
 * {@code nser-indicators-2023.tsv} and computed from a {@link Tally}. The definitions shown in the
 * reports are written from {@link IndicatorDefinitions}, so they cannot drift from what is counted.
 */
final class IndicatorCatalogue {
    /** How the published gender columns of disability are not defined; docs/decisions/0017. */
    static final String DISABILITY_BY_GENDER = "The annual report does not say what its gender columns are a share of; here"
            + " they are the members of that gender who are disabled, shown beside the published columns but not compared."
            + " Only the household figure is compared.";
    static final String TOTAL_OF_ALL_GENDERS = "Total counts members of every gender, transgender members included.";

    record MeasureSpec(Measure measure, Function<Tally, Double> value) {
    }

    record IndicatorSpec(String name, String title, String definition, String rankedBy, List<MeasureSpec> measures) {
        /** The measure districts are ranked by. */
        MeasureSpec headline() {
            return measures.stream().filter(m -> m.measure().name().equals(rankedBy)).findFirst().orElseThrow();
        }
    }

    static final List<IndicatorSpec> ALL = List.of(
            new IndicatorSpec("households", "Households", "Households in the registry, their current members, and members"
                    + " per household.", "average_size", List.of(
                    spec("registered_households", "Registered households", Unit.COUNT, t -> (double) t.households),
                    spec("members", "Members", Unit.COUNT, t -> (double) t.allMembers().all),
                    spec("average_size", "Average household size", Unit.AVERAGE, t -> ratio(t.allMembers().all, t.households)))),
            new IndicatorSpec("kacha_housing", "Kacha housing", "Walls of " + names(KACHA_WALLS) + " make a house kacha; every"
                    + " other wall (" + names(others(KACHA_WALLS)) + ") pacca. Share of the households whose latest survey"
                    + " describes the dwelling.", "kacha", List.of(
                    percent("kacha", "Kacha houses %", t -> share(t.kacha, t.dwellings)),
                    percent("pacca", "Pacca houses %", t -> share(t.dwellings - t.kacha, t.dwellings)))),
            new IndicatorSpec("safe_water", "Safe drinking water", "Drinking water from " + names(SAFE_WATER) + " is safe;"
                    + " from " + names(others(SAFE_WATER)) + " it is not. Share of the households whose latest survey"
                    + " describes the dwelling.", "safe", List.of(
                    percent("safe", "Safe drinking water %", t -> share(t.safeWater, t.dwellings)))),
            new IndicatorSpec("electricity", "Electricity", "A connection that is " + names(ELECTRICITY_ACCESS) + " is access"
                    + " to electricity; " + names(others(ELECTRICITY_ACCESS)) + " is not. Share of the households whose latest"
                    + " survey describes the dwelling.", "access", List.of(
                    percent("access", "Electricity access %", t -> share(t.electricity, t.dwellings)))),
            new IndicatorSpec("out_of_school", "Out of school", "Members aged " + SCHOOL_AGE_FROM + " to " + SCHOOL_AGE_TO
                    + " on the day of the household's latest survey who are not in school, as a share of the members of"
                    + " that age.", "total", List.of(
                    percent("male", "Male %", t -> share(t.of(Gender.MALE).outOfSchool, t.of(Gender.MALE).schoolAge)),
                    percent("female", "Female %", t -> share(t.of(Gender.FEMALE).outOfSchool, t.of(Gender.FEMALE).schoolAge)),
                    new MeasureSpec(new Measure("total", "Total %", Unit.PERCENT, true, TOTAL_OF_ALL_GENDERS),
                            t -> share(t.allMembers().outOfSchool, t.allMembers().schoolAge)))),
            new IndicatorSpec("literacy", "Literacy", "Members aged " + LITERACY_AGE_FROM + " or more on the day of the"
                    + " household's latest survey who can read and write, as a share of the members of that age.", "total", List.of(
                    percent("male", "Male %", t -> share(t.of(Gender.MALE).literate, t.of(Gender.MALE).literacyAge)),
                    percent("female", "Female %", t -> share(t.of(Gender.FEMALE).literate, t.of(Gender.FEMALE).literacyAge)),
                    percent("transgender", "Transgender %",
                            t -> share(t.of(Gender.TRANSGENDER).literate, t.of(Gender.TRANSGENDER).literacyAge)),
                    percent("total", "Total %", t -> share(t.allMembers().literate, t.allMembers().literacyAge)))),
            new IndicatorSpec("disability", "Disability", "Households with at least one member whose disability is other than"
                    + " NONE, as a share of all households; a household with several disabled members counts once.",
                    "households", List.of(
                    percent("households", "Households with a disabled member %",
                            t -> share(t.householdsWithDisabled, t.households)),
                    byGender("male", "Male members disabled %", Gender.MALE),
                    byGender("female", "Female members disabled %", Gender.FEMALE),
                    byGender("transgender", "Transgender members disabled %", Gender.TRANSGENDER))),
            new IndicatorSpec("sanitation", "Sanitation", "A toilet that is " + names(FORMAL_LATRINE) + " is a formal latrine,"
                    + " " + names(OPEN_DEFECATION) + " is open defecation, and every other answer (" + names(informal())
                    + ") an informal latrine. Shares of the households whose latest survey describes the dwelling.",
                    "open_defecation", List.of(
                    percent("formal_latrine", "Formal latrine %", t -> share(t.formalLatrine, t.dwellings)),
                    percent("informal_latrine", "Informal latrine %",
                            t -> share(t.dwellings - t.formalLatrine - t.openDefecation, t.dwellings)),
                    percent("open_defecation", "Open defecation %", t -> share(t.openDefecation, t.dwellings)))),
            new IndicatorSpec("chronic_disease", "Chronic disease", "Households with at least one member whose chronic disease"
                    + " is other than NONE, as a share of all households.", "households", List.of(
                    percent("households", "Households with a chronic disease %",
                            t -> share(t.householdsWithChronicDisease, t.households)))),
            new IndicatorSpec("livestock", "Livestock", "Households whose latest survey counts at least one head of cattle,"
                    + " buffalo, goats or sheep, as a share of the households whose latest survey describes their assets.",
                    "owns", List.of(
                    percent("owns", "Households owning livestock %", t -> share(t.livestock, t.assets)))),
            new IndicatorSpec("employment", "Employment", "Members aged " + WORKFORCE_AGE_FROM + " to " + WORKFORCE_AGE_TO
                    + " on the day of the household's latest survey whose employment is " + names(EMPLOYED)
                    + ", as a share of the members of that age.", "total", List.of(
                    percent("male", "Male %", t -> share(t.of(Gender.MALE).employed, t.of(Gender.MALE).workforce)),
                    percent("female", "Female %", t -> share(t.of(Gender.FEMALE).employed, t.of(Gender.FEMALE).workforce)),
                    new MeasureSpec(new Measure("total", "Total %", Unit.PERCENT, true, TOTAL_OF_ALL_GENDERS),
                            t -> share(t.allMembers().employed, t.allMembers().workforce)))));

    private IndicatorCatalogue() {
    }

    private static MeasureSpec spec(String name, String label, Unit unit, Function<Tally, Double> value) {
        return new MeasureSpec(new Measure(name, label, unit, true, null), value);
    }

    private static MeasureSpec percent(String name, String label, Function<Tally, Double> value) {
        return spec(name, label, Unit.PERCENT, value);
    }

    private static MeasureSpec byGender(String name, String label, Gender g) {
        return new MeasureSpec(new Measure(name, label, Unit.PERCENT, false, DISABILITY_BY_GENDER),
                t -> share(t.of(g).disabled, t.of(g).all));
    }

    /** A percentage, or null where nobody is counted (no households or members of that kind in the area). */
    static Double share(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static <E extends Enum<E>> Set<E> others(Set<E> values) {
        return EnumSet.complementOf(EnumSet.copyOf(values));
    }

    private static Set<Toilet> informal() {
        Set<Toilet> informal = others(FORMAL_LATRINE);
        informal.removeAll(OPEN_DEFECATION);
        return informal;
    }

    /** Survey answers as the survey spells them, for a reader who checks them against docs/survey-format.md. */
    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
