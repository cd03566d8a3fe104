package org.dynreg.indicators;

import org.dynreg.registry.Gender;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The counts of every district, counted by the database: two aggregate queries grouped by province
 * and district (one over households with their latest survey's dwelling and assets, one over the
 * current members), whatever the registry's size. Only one row per district comes back.
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

    /** Ages are whole years on the day of the household's latest survey, the day its answers describe. */
    static final String MEMBERS = "select province, district,"
            + " count(distinct case when disabled then household_id end) as households_with_disabled,"
            + " count(distinct case when chronic then household_id end) as households_with_chronic_disease,"
            + perGender()
            + " from (select h.province, h.district, m.household_id, m.gender, m.in_school, m.literate,"
            + " m.employment in " + in(EMPLOYED) + " as employed,"
            + " m.disability <> 'NONE' as disabled, m.chronic_disease <> 'NONE' as chronic,"
            + " timestampdiff(YEAR, m.date_of_birth, h.last_surveyed_on) as age"
            + " from household h join household_member m on m.household_id = h.id%s) x";

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
        jdbc.query(String.format(MEMBERS, where) + " group by province, district", rs -> {
            Tally t = districts.computeIfAbsent(district(rs), d -> new Tally());
            t.householdsWithDisabled = rs.getLong("households_with_disabled");
            t.householdsWithChronicDisease = rs.getLong("households_with_chronic_disease");
            for (Gender g : Gender.values()) {
                String s = suffix(g);
                Tally.Members m = t.of(g);
                m.all = rs.getLong("members" + s);
                m.schoolAge = rs.getLong("school_age" + s);
                m.outOfSchool = rs.getLong("out_of_school" + s);
                m.literacyAge = rs.getLong("literacy_age" + s);
                m.literate = rs.getLong("literate" + s);
                m.workforce = rs.getLong("workforce" + s);
                m.employed = rs.getLong("employed" + s);
                m.disabled = rs.getLong("disabled" + s);
            }
        }, args);
        return districts;
    }

    private static District district(ResultSet rs) throws SQLException {
        return new District(rs.getString("province"), rs.getString("district"));
    }

    /** The member counts of each gender, as columns named after it (members_male, literate_female, ...). */
    private static String perGender() {
        String schoolAge = "age between " + SCHOOL_AGE_FROM + " and " + SCHOOL_AGE_TO;
        String literacyAge = "age >= " + LITERACY_AGE_FROM;
        String workforce = "age between " + WORKFORCE_AGE_FROM + " and " + WORKFORCE_AGE_TO;
        List<String> columns = new ArrayList<>();
        for (Gender g : Gender.values()) {
            String is = "gender = '" + g.name() + "'";
            String s = suffix(g);
            columns.add("sum(" + is + ") as members" + s);
            columns.add("sum(" + is + " and " + schoolAge + ") as school_age" + s);
            columns.add("sum(" + is + " and " + schoolAge + " and not in_school) as out_of_school" + s);
            columns.add("sum(" + is + " and " + literacyAge + ") as literacy_age" + s);
            columns.add("sum(" + is + " and " + literacyAge + " and literate) as literate" + s);
            columns.add("sum(" + is + " and " + workforce + ") as workforce" + s);
            columns.add("sum(" + is + " and " + workforce + " and employed) as employed" + s);
            columns.add("sum(" + is + " and disabled) as disabled" + s);
        }
        return " " + String.join(", ", columns);
    }

    private static String suffix(Gender g) {
        return "_" + g.name().toLowerCase(Locale.ROOT);
    }

    /** An SQL list of enum names; they come from the code, never from a request, so they are written in. */
    private static String in(Set<? extends Enum<?>> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
