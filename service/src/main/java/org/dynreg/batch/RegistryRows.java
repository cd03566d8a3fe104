package org.dynreg.batch;

import org.dynreg.eligibility.HouseholdAnswers;
import org.dynreg.registry.Disability;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.EducationLevel;
import org.dynreg.registry.EmploymentSector;
import org.dynreg.registry.Gender;
import org.dynreg.registry.MaritalStatus;
import org.dynreg.registry.Relation;
import org.dynreg.registry.Toilet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Households of one district as the registry holds them now, a page at a time in household-id order: two queries
 * per page whatever its size (the households with their latest survey's dwelling, assets and profile, then all
 * their current roster members), never one per household. Reads the registry's tables directly, since a run
 * reads the whole registry; it writes nothing here.
 */
@Component
class RegistryRows {
    private static final String HOUSEHOLDS = "select h.id, h.province, h.district, h.last_surveyed_on, h.latest_survey_id,"
            + " s.international_travel, s.monthly_phone_bill_pkr, d.drinking_water, d.toilet, a.refrigerator, a.freezer,"
            + " a.television, a.motorcycle, a.car, a.other_vehicle, a.agricultural_land_acres"
            + " from household h left join survey s on s.id = h.latest_survey_id"
            + " left join survey_dwelling d on d.survey_id = h.latest_survey_id"
            + " left join survey_assets a on a.survey_id = h.latest_survey_id"
            + " where h.province = ? and h.district = ? and h.id > ?";
    private static final String MEMBERS = "select household_id, date_of_birth, relation, gender, marital_status, disability,"
            + " education_level, in_school, employment_sector, elementary_occupation"
            // With more than a few hundred ids the optimiser estimates from index statistics, which a bulk load
            // leaves stale until they are recomputed; it then scans the whole roster for every chunk.
            + " from household_member force index (household_member_by_household) where household_id in (%s)"
            + " order by household_id, id";

    private final JdbcTemplate jdbc;

    RegistryRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} households of the district in scope with ids above {@code afterId}, with their roster. */
    List<RegistryHousehold> page(RescoringScope scope, long jobInstance, District district, long afterId, int limit) {
        List<Object> args = new ArrayList<>(List.of(district.province(), district.district(), afterId));
        String sql = HOUSEHOLDS + scope.where(jobInstance, args) + " order by h.id limit ?";
        args.add(limit);
        List<Row> rows = new ArrayList<>();
        jdbc.query(sql, (RowCallbackHandler) rs -> rows.add(row(rs)), args.toArray());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<HouseholdAnswers.Member>> members = members(rows);
        List<RegistryHousehold> page = new ArrayList<>(rows.size());
        for (Row r : rows) {
            page.add(r.household(members.getOrDefault(r.id, List.of())));
        }
        return page;
    }

    private Map<Long, List<HouseholdAnswers.Member>> members(List<Row> rows) {
        Map<Long, List<HouseholdAnswers.Member>> members = new HashMap<>(rows.size() * 2);
        jdbc.query(String.format(MEMBERS, String.join(",", Collections.nCopies(rows.size(), "?"))), (RowCallbackHandler) rs ->
                members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new HouseholdAnswers.Member(
                        rs.getObject(2, LocalDate.class), value(Relation.class, rs, 3), value(Gender.class, rs, 4),
                        value(MaritalStatus.class, rs, 5), value(Disability.class, rs, 6), value(EducationLevel.class, rs, 7),
                        rs.getBoolean(8), value(EmploymentSector.class, rs, 9), rs.getBoolean(10))),
                rows.stream().map(r -> (Object) r.id).toArray());
        return members;
    }

    private static Row row(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        long survey = rs.getLong("latest_survey_id");
        if (rs.wasNull()) {
            throw new IllegalStateException("household " + id + " has no latest survey; every registered household has one");
        }
        String water = rs.getString("drinking_water");
        Object land = rs.getObject("agricultural_land_acres");
        if (water == null || land == null) {
            throw new IllegalStateException("household " + id + ": its latest survey " + survey + " has no "
                    + (water == null ? "dwelling" : "assets") + " row");
        }
        return new Row(id, survey, rs.getString("province"), rs.getString("district"), rs.getObject("last_surveyed_on", LocalDate.class),
                (Boolean) rs.getObject("international_travel", Boolean.class), (Integer) rs.getObject("monthly_phone_bill_pkr", Integer.class),
                value(DrinkingWater.class, rs, "drinking_water"), value(Toilet.class, rs, "toilet"), rs.getBoolean("refrigerator"),
                rs.getBoolean("freezer"), rs.getBoolean("television"), rs.getBoolean("motorcycle"), rs.getBoolean("car"),
                rs.getBoolean("other_vehicle"), rs.getDouble("agricultural_land_acres"));
    }

    /** A stored answer as its enum; a value the registry does not know fails the run naming household and column. */
    private static <E extends Enum<E>> E value(Class<E> type, ResultSet rs, int column) throws SQLException {
        return value(type, rs.getString(column), rs.getLong(1), rs.getMetaData().getColumnLabel(column));
    }

    private static <E extends Enum<E>> E value(Class<E> type, ResultSet rs, String column) throws SQLException {
        return value(type, rs.getString(column), rs.getLong(1), column);
    }

    private static <E extends Enum<E>> E value(Class<E> type, String stored, long householdId, String column) {
        try {
            return Enum.valueOf(type, stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("household " + householdId + ": the stored " + column + " '" + stored
                    + "' is not a known value; correct the row and restart the run", e);
        }
    }

    private record Row(long id, long survey, String province, String district, LocalDate lastSurveyedOn, Boolean internationalTravel,
                       Integer monthlyPhoneBillPkr, DrinkingWater water, Toilet toilet, boolean refrigerator, boolean freezer,
                       boolean television, boolean motorcycle, boolean car, boolean otherVehicle, double land) {

        /** Ages are counted on the last survey date, as the latest survey's decision counted them. */
        RegistryHousehold household(List<HouseholdAnswers.Member> members) {
            return new RegistryHousehold(id, survey, new HouseholdAnswers(lastSurveyedOn, province, district, water, toilet, refrigerator,
                    freezer, television, motorcycle, car, otherVehicle, land, internationalTravel, monthlyPhoneBillPkr, members));
        }
    }
}
