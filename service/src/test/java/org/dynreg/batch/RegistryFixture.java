package org.dynreg.batch;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Households written straight into the registry's tables with JDBC batches (household, current roster, survey with
 * dwelling and assets), thousands in seconds, for tests of registry-wide jobs. Their answers vary with their
 * number so that their scores differ; they have no decision yet. Ids are drawn from the registry's sequences as
 * Hibernate draws them (a value v stands for the block v-49 .. v), so they never meet the ids of registered ones.
 */
public final class RegistryFixture {
    private static final String[] WATER = {"PIPED", "HAND_PUMP", "MOTOR_PUMP", "OPEN_WELL", "TANKER"};
    private static final String[] TOILET = {"FLUSH_SEWER", "FLUSH_PIT", "DRY_PIT", "NONE"};
    private static final String[] EDUCATION = {"NONE", "CLASS_3", "CLASS_5", "CLASS_8", "CLASS_10", "BACHELOR"};

    private final JdbcTemplate jdbc;

    public RegistryFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts {@code count} households in the district, last surveyed on {@code surveyedOn}; national ids start with
     * {@code idPrefix} (five digits no other test uses). Returns their ids in id order.
     */
    public List<Long> insert(String province, String district, int count, String idPrefix, LocalDate surveyedOn) {
        long[] households = ids("household_seq", count);
        long[] surveys = ids("survey_seq", count);
        Timestamp started = Timestamp.from(surveyedOn.atTime(10, 0).toInstant(ZoneOffset.ofHours(5)));
        List<Object[]> h = new ArrayList<>();
        List<Object[]> s = new ArrayList<>();
        List<Object[]> dwelling = new ArrayList<>();
        List<Object[]> assets = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            h.add(new Object[]{households[i], province, district, "Fixture tehsil", "UC-1", "fixture address " + i, started,
                    Date.valueOf(surveyedOn), surveys[i]});
            s.add(new Object[]{surveys[i], households[i], started, started, started, province, district, "Fixture tehsil", "UC-1",
                    "fixture address " + i, i % 7 == 0 ? 1500 : null});
            dwelling.add(new Object[]{surveys[i], WATER[i % WATER.length], TOILET[i % TOILET.length]});
            assets.add(new Object[]{surveys[i], i % 3 == 0, i % 4 == 0, i % 5 == 0, i % 11 == 0, (i % 13) * 1.5});
            int size = 1 + i % 7;
            for (int m = 0; m < size; m++) {
                members.add(member(households[i], idPrefix, i, m, surveyedOn));
            }
        }
        long[] memberIds = ids("member_seq", members.size());
        for (int m = 0; m < members.size(); m++) {
            members.get(m)[0] = memberIds[m];
        }
        jdbc.batchUpdate("insert into household (id, province, district, tehsil, union_council, address, registered_at, last_surveyed_on,"
                + " latest_survey_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", h);
        jdbc.batchUpdate("insert into survey (id, household_id, update_type, operator_id, site_id, started_at, submitted_at, utc_offset_minutes,"
                + " received_at, received_by, province, district, tehsil, union_council, address, monthly_phone_bill_pkr, payload)"
                + " values (?, ?, 'MISSED_OUT', 'DEO-FIXTURE', 'DRC-FIXTURE', ?, ?, 300, ?, 'fixture', ?, ?, ?, ?, ?, ?, '{}')", s);
        jdbc.batchUpdate("insert into survey_dwelling (survey_id, rooms, wall_material, roof_material, drinking_water, toilet, electricity,"
                + " cooking_fuel) values (?, 2, 'BURNT_BRICK', 'RCC', ?, ?, 'METERED', 'GAS')", dwelling);
        jdbc.batchUpdate("insert into survey_assets (survey_id, refrigerator, freezer, television, motorcycle, car, other_vehicle,"
                + " air_conditioner, washing_machine, agricultural_land_acres, cattle, buffalo, goats, sheep)"
                + " values (?, ?, false, ?, ?, ?, false, false, false, ?, 0, 0, 0, 0)", assets);
        jdbc.batchUpdate("insert into household_member (id, household_id, national_id, name, relation, gender, date_of_birth,"
                + " marital_status, disability, literate, education_level, in_school, employment, occupation, employment_sector,"
                + " elementary_occupation, chronic_disease) values (?, ?, ?, 'Fixture member', ?, ?, ?, ?, ?, true, ?, ?, 'NONE', 'NONE', ?,"
                + " ?, 'NONE')", members);
        List<Long> out = new ArrayList<>(count);
        for (long id : households) {
            out.add(id);
        }
        return out;
    }

    /** Head, spouse, then children of 2 to 16: ages and schooling vary with the household's number. */
    private static Object[] member(long household, String idPrefix, int i, int m, LocalDate on) {
        String nationalId = String.format("%s-%07d-%d", idPrefix, i, m);
        String relation = m == 0 ? "HEAD" : m == 1 ? "SPOUSE" : (m % 2 == 0 ? "SON" : "DAUGHTER");
        String gender = m == 0 ? (i % 9 == 0 ? "FEMALE" : "MALE") : m == 1 ? "FEMALE" : (m % 2 == 0 ? "MALE" : "FEMALE");
        int age = m == 0 ? 45 : m == 1 ? 38 : 2 + (i + 3 * m) % 15;
        String marital = m < 2 ? "MARRIED" : "NEVER_MARRIED";
        boolean inSchool = m >= 2 && age >= 5 && (i + m) % 4 != 0;
        return new Object[]{null, household, nationalId, relation, gender, Date.valueOf(on.minusYears(age).minusDays(i % 300)), marital,
                i % 17 == 0 && m == 0 ? "PHYSICAL" : "NONE", EDUCATION[(i + m) % EDUCATION.length], inSchool,
                i % 19 == 0 && m == 0 ? "GOVERNMENT" : "NONE", m == 0 && i % 2 == 0};
    }

    private long[] ids(String sequence, int count) {
        long[] ids = new long[count];
        long next = 0;
        long last = -1;
        for (int i = 0; i < count; i++) {
            if (next > last) {
                long v = jdbc.queryForObject("select nextval(" + sequence + ")", Long.class);
                next = Math.max(1, v - 49);
                last = v;
            }
            ids[i] = next++;
        }
        return ids;
    }
}
