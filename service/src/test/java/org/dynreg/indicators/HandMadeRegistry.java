package org.dynreg.indicators;

import org.dynreg.registry.ChronicDisease;
import org.dynreg.registry.Disability;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.Electricity;
import org.dynreg.registry.Employment;
import org.dynreg.registry.Gender;
import org.dynreg.registry.Province;
import org.dynreg.registry.Toilet;
import org.dynreg.registry.WallMaterial;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry of a few households written row by row into a database of its own, beside the test
 * database on the same server: the other tests of the JVM register households in the shared test
 * database, and national figures worked out by hand must count these households and no others. The
 * schema is the service's own (its Flyway migrations); the database is dropped on {@link #close()}.
 */
final class HandMadeRegistry implements AutoCloseable {
    private final JdbcTemplate server;
    private final String database;
    private final JdbcTemplate jdbc;
    private long nextId = 1;

    private HandMadeRegistry(JdbcTemplate server, String database, JdbcTemplate jdbc) {
        this.server = server;
        this.database = database;
        this.jdbc = jdbc;
    }

    /** A new, empty registry beside the test database that {@code testDatabase} (the schema owner's) connects to. */
    static HandMadeRegistry beside(DataSource testDatabase) {
        SimpleDriverDataSource pool = (SimpleDriverDataSource) testDatabase;
        JdbcTemplate server = new JdbcTemplate(testDatabase);
        String current = server.queryForObject("select database()", String.class);
        // still ends in _test, the mark of a database that tests may drop
        String database = current.replaceFirst("_test$", "") + "_indicators_test";
        server.execute("drop database if exists `" + database + "`");
        server.execute("create database `" + database + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        Matcher m = Pattern.compile("^(jdbc:mariadb://[^/]+/)" + Pattern.quote(current) + "(\\?.*)?$").matcher(pool.getUrl());
        if (!m.matches()) {
            throw new IllegalStateException("cannot find the database name in " + pool.getUrl());
        }
        String url = m.group(1) + database + (m.group(2) == null ? "" : m.group(2));
        DataSource own = new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), url, pool.getUsername(), pool.getPassword());
        Flyway.configure().dataSource(own).locations("classpath:db/migration").load().migrate();
        return new HandMadeRegistry(server, database, new JdbcTemplate(own));
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** A current member as the roster holds them; what is not said is "no": not literate, not in school, no disability. */
    static final class Member {
        private final Gender gender;
        private final LocalDate born;
        private boolean literate;
        private boolean inSchool;
        private Employment employment = Employment.NONE;
        private Disability disability = Disability.NONE;
        private ChronicDisease chronicDisease = ChronicDisease.NONE;

        Member(Gender gender, LocalDate born) {
            this.gender = gender;
            this.born = born;
        }

        Member literate() {
            literate = true;
            return this;
        }

        Member inSchool() {
            inSchool = true;
            return this;
        }

        Member employment(Employment e) {
            employment = e;
            return this;
        }

        Member disability(Disability d) {
            disability = d;
            return this;
        }

        Member chronic(ChronicDisease c) {
            chronicDisease = c;
            return this;
        }
    }

    /** A dwelling as the latest survey describes it, with its livestock. */
    record Dwelling(WallMaterial walls, DrinkingWater water, Electricity electricity, Toilet toilet, int cattle, int buffalo,
                    int goats, int sheep) {
    }

    /** Writes a household surveyed on {@code surveyedOn}: the household, its latest survey with dwelling and assets, its roster. */
    void household(Province province, String district, LocalDate surveyedOn, Dwelling d, Member... members) {
        long household = nextId++;
        long survey = nextId++;
        Timestamp at = Timestamp.valueOf(surveyedOn.atTime(10, 0));
        jdbc.update("insert into household (id, province, district, tehsil, union_council, address, registered_at, last_surveyed_on,"
                        + " latest_survey_id) values (?, ?, ?, 'Tehsil', 'UC-1', 'House 1', ?, ?, ?)",
                household, province.name(), district, at, Date.valueOf(surveyedOn), survey);
        jdbc.update("insert into survey (id, household_id, update_type, operator_id, site_id, started_at, submitted_at,"
                        + " utc_offset_minutes, received_at, received_by, province, district, tehsil, union_council, address, payload)"
                        + " values (?, ?, 'MISSED_OUT', 'OP-1', 'DRC-1', ?, ?, 300, ?, 'operator', ?, ?, 'Tehsil', 'UC-1', 'House 1', '{}')",
                survey, household, at, at, at, province.name(), district);
        jdbc.update("insert into survey_dwelling (survey_id, rooms, wall_material, roof_material, drinking_water, toilet, electricity,"
                        + " cooking_fuel) values (?, 2, ?, 'RCC', ?, ?, ?, 'WOOD')",
                survey, d.walls().name(), d.water().name(), d.toilet().name(), d.electricity().name());
        jdbc.update("insert into survey_assets (survey_id, refrigerator, freezer, television, motorcycle, car, other_vehicle,"
                        + " air_conditioner, washing_machine, agricultural_land_acres, cattle, buffalo, goats, sheep)"
                        + " values (?, false, false, false, false, false, false, false, false, 0, ?, ?, ?, ?)",
                survey, d.cattle(), d.buffalo(), d.goats(), d.sheep());
        for (Member m : members) {
            long id = nextId++;
            jdbc.update("insert into household_member (id, household_id, national_id, name, relation, gender, date_of_birth,"
                            + " marital_status, disability, literate, education_level, in_school, employment, occupation,"
                            + " employment_sector, elementary_occupation, chronic_disease)"
                            + " values (?, ?, ?, 'Member', 'OTHER_RELATIVE', ?, ?, 'NEVER_MARRIED', ?, ?, 'NONE', ?, ?, 'NONE', 'NONE', false, ?)",
                    id, household, String.format("35202-%07d-1", id), m.gender.name(), Date.valueOf(m.born), m.disability.name(),
                    m.literate, m.inSchool, m.employment.name(), m.chronicDisease.name());
        }
    }

    @Override
    public void close() {
        server.execute("drop database if exists `" + database + "`");
    }
}
