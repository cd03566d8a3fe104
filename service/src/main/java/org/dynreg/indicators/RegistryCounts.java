package org.dynreg.indicators;

import org.dynreg.registry.Gender;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * The counts of every district, counted by the database whatever the registry's size: three aggregate
 * queries grouped by province and district, over the households with their latest survey's dwelling
 * and assets, over the current members (by gender and age), and over the households with a disabled or
 * chronically ill member. What comes back is bounded by the number of districts and ages, never by
 * the number of households.
 */
final class RegistryCounts {
    /** A district of a province (district names repeat across provinces). */
    record District(String province, String district) implements Comparable<District> {
        @Override
        public int compareTo(District o) {
            int p = province.compareTo(o.province);
            return p != 0 ? p : district.compareTo(o.district);
        }
    }

    static final String HOUSEHOLDS = "select h.province, h.district, count(*) as households,"
            + " count(d.survey_id) as dwellings,"
            + " sum(d.wall_material in " + in(KACHA_WALLS) + ") as kacha,"
            + " sum(d.drinking_water in " + in(SAFE_WATER) + ") as safe_water,"
            + " sum(d.electricity in " + in(ELECTRICITY_ACCESS) + ") as electricity,"
            + " sum(d.toilet in " + in(FORMAL_LATRINE) + ") as formal_latrine,"
            + " sum(d.toilet in " + in(OPEN_DEFECATION) + ") as open_defecation,"
            + " count(a.survey_id) as assets,"
            + " sum(a.cattle > 0 or a.buffalo > 0 or a.goats > 0 or a.sheep > 0) as livestock"
            + " from household h"
            + " left join survey_dwelling d on d.survey_id = h.latest_survey_id"
            + " left join survey_assets a on a.survey_id = h.latest_survey_id";

    /**
     * Members counted by age, so that the age bands are applied here, from {@link IndicatorDefinitions}, and
     * the age is worked out once per member: whole years on the day of the household's latest survey, the
     * day its answers describe. At most a hundred-odd ages per gender and district come back.
     */
    static final String MEMBERS = "select h.province, h.district, m.gender,"
            + " timestampdiff(YEAR, m.date_of_birth, h.last_surveyed_on) as age,"
            + " count(*) as members, sum(not m.in_school) as not_in_school, sum(m.literate) as literate,"
            + " sum(m.employment in " + in(EMPLOYED) + ") as employed, sum(m.disability <> 'NONE') as disabled"
            + " from household h join household_member m on m.household_id = h.id";

    /** Households with a disabled or a chronically ill member, each counted once however many such members it has. */
    static final String HOUSEHOLDS_WITH = "select h.province, h.district,"
            + " count(distinct case when m.disability <> 'NONE' then m.household_id end) as with_disabled,"
            + " count(distinct case when m.chronic_disease <> 'NONE' then m.household_id end) as with_chronic_disease"
            + " from household h join household_member m on m.household_id = h.id"
            + " where (m.disability <> 'NONE' or m.chronic_disease <> 'NONE')";

    private final JdbcTemplate jdbc;

    RegistryCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each district's counts, of one province or (when null) of all. */
    Map<District, Tally> byDistrict(String province) {
        Map<District, Tally> districts = new TreeMap<>();
        String where = province == null ? "" : " where h.province = ?";
        Object[] args = province == null ? new Object[0] : new Object[] {province};
        jdbc.query(HOUSEHOLDS + where + " group by h.province, h.district", rs -> {
            Tally t = districts.computeIfAbsent(district(rs), d -> new Tally());
            t.households = rs.getLong("households");
            t.dwellings = rs.getLong("dwellings");
            t.kacha = rs.getLong("kacha");
            t.safeWater = rs.getLong("safe_water");
            t.electricity = rs.getLong("electricity");
            t.formalLatrine = rs.getLong("formal_latrine");
            t.openDefecation = rs.getLong("open_defecation");
            t.assets = rs.getLong("assets");
            t.livestock = rs.getLong("livestock");
        }, args);
        jdbc.query(MEMBERS + where + " group by h.province, h.district, m.gender, age", rs -> {
            Tally.Members m = districts.computeIfAbsent(district(rs), d -> new Tally()).of(Gender.valueOf(rs.getString("gender")));
            int age = rs.getInt("age");
            long members = rs.getLong("members");
            m.all += members;
            m.disabled += rs.getLong("disabled");
            if (age >= SCHOOL_AGE_FROM && age <= SCHOOL_AGE_TO) {
                m.schoolAge += members;
                m.outOfSchool += rs.getLong("not_in_school");
            }
            if (age >= LITERACY_AGE_FROM) {
                m.literacyAge += members;
                m.literate += rs.getLong("literate");
            }
            if (age >= WORKFORCE_AGE_FROM && age <= WORKFORCE_AGE_TO) {
                m.workforce += members;
                m.employed += rs.getLong("employed");
            }
        }, args);
        jdbc.query(HOUSEHOLDS_WITH + (province == null ? "" : " and h.province = ?") + " group by h.province, h.district", rs -> {
            Tally t = districts.computeIfAbsent(district(rs), d -> new Tally());
            t.householdsWithDisabled = rs.getLong("with_disabled");
            t.householdsWithChronicDisease = rs.getLong("with_chronic_disease");
        }, args);
        return districts;
    }

    private static District district(ResultSet rs) throws SQLException {
        return new District(rs.getString("province"), rs.getString("district"));
    }

    /** An SQL list of enum names; they come from the code, never from a request, so they are written in. */
    private static String in(Set<? extends Enum<?>> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
