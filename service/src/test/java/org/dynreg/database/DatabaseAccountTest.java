package org.dynreg.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The database itself keeps the evidence: the application account cannot alter, empty or drop tables nor
 * touch triggers, nor change or remove evidence; and the triggers refuse changes to evidence to the
 * schema's owner as well. Every statement runs in one transaction that is rolled back, so nothing stays.
 */
@SpringBootTest(classes = MariaDbContextTest.DatabaseOnly.class)
@ActiveProfiles("test")
class DatabaseAccountTest {

    /** Evidence: never changed, never removed, whoever asks. */
    static final List<String> APPEND_ONLY = List.of("survey", "survey_member", "survey_dwelling", "survey_assets",
            "eligibility_decision", "policy_bundle", "policy_file", "policy_review", "policy_activation",
            "policy_activation_cancellation", "reference_expectation", "audit_entry", "notification");

    @Autowired
    DataSource application;

    @Autowired
    @FlywayDataSource
    DataSource owner;

    @Test
    void theApplicationAccountCannotTruncateDropAlterCreateOrTouchTriggers() {
        JdbcTemplate jdbc = new JdbcTemplate(application);
        assertThat(jdbc.queryForObject("select count(*) from household", Long.class)).isNotNegative();

        for (String ddl : List.of("truncate table household_member", "truncate table audit_entry",
                "drop trigger survey_no_update", "drop table notification", "alter table survey add column x int",
                "alter table eligibility_decision drop column reasons", "create table intruder (id int)",
                "create trigger intruder before insert on survey for each row set @x = 1",
                "drop database " + jdbc.queryForObject("select database()", String.class),
                "grant update on survey to current_user()")) {
            assertThatThrownBy(() -> jdbc.execute(ddl)).as(ddl).hasStackTraceContaining("denied");
        }
    }

    @Test
    void theApplicationAccountMayNeitherUpdateNorDeleteEvidence() {
        JdbcTemplate jdbc = new JdbcTemplate(application);
        for (String table : APPEND_ONLY) {
            assertThatThrownBy(() -> jdbc.update("update " + table + " set " + firstColumn(table) + " = "
                    + firstColumn(table) + " where 1 = 0")).as("update " + table).hasStackTraceContaining("denied");
            assertThatThrownBy(() -> jdbc.update("delete from " + table + " where 1 = 0"))
                    .as("delete from " + table).hasStackTraceContaining("denied");
        }
    }

    @Test
    void triggersRefuseTheOwnerToChangeOrRemoveEvidence() throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                insertOneOfEach(s);
                for (String table : List.of("survey", "survey_member", "survey_dwelling", "survey_assets",
                        "policy_bundle", "policy_file", "policy_review", "policy_activation", "policy_activation_cancellation")) {
                    String column = firstColumn(table);
                    assertThatThrownBy(() -> s.executeUpdate("update " + table + " set " + column + " = " + column))
                            .as("update " + table).hasMessageContaining(table + " is");
                    assertThatThrownBy(() -> s.executeUpdate("delete from " + table))
                            .as("delete from " + table).hasMessageContaining(table + " is");
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** One survey with a member, dwelling and assets, one bundle with a file, a review step and a cancelled activation. */
    private static void insertOneOfEach(Statement s) throws SQLException {
        long id = 900_000_000_000L + System.nanoTime() % 1_000_000_000L;
        s.executeUpdate("insert into household (id, province, district, tehsil, union_council, address, registered_at,"
                + " last_surveyed_on) values (" + id + ", 'PUNJAB', 'Lahore', 'Lahore City', 'UC-1', 'House 1', now(), curdate())");
        s.executeUpdate("insert into survey (id, household_id, update_type, operator_id, site_id, started_at, submitted_at,"
                + " utc_offset_minutes, received_at, received_by, province, district, tehsil, union_council, address, payload)"
                + " values (" + id + ", " + id + ", 'NEW', 'op', 'site', now(), now(), 300, now(), 'operator', 'PUNJAB',"
                + " 'Lahore', 'Lahore City', 'UC-1', 'House 1', '{}')");
        s.executeUpdate("insert into survey_member (survey_id, line_no, national_id, name, relation, gender, date_of_birth,"
                + " marital_status, disability, literate, education_level, in_school, employment, occupation,"
                + " employment_sector, elementary_occupation, chronic_disease) values (" + id + ", 1, '35202-0000000-1',"
                + " 'Name', 'HEAD', 'MALE', '1980-01-01', 'MARRIED', 'NONE', true, 'NONE', false, 'EMPLOYED', 'NONE',"
                + " 'NONE', false, 'NONE')");
        s.executeUpdate("insert into survey_dwelling values (" + id + ", 2, 'BURNT_BRICK', 'CONCRETE', 'PIPED',"
                + " 'FLUSH_SEWER', 'METERED', 'GAS')");
        s.executeUpdate("insert into survey_assets values (" + id + ", false, false, true, false, false, false, false,"
                + " false, 0, 0, 0, 0, 0)");
        int version = 1_000_000 + (int) (id % 1_000_000);
        s.executeUpdate("insert into policy_bundle (version, sha256, uploaded_state, comment, uploaded_by, uploaded_at)"
                + " values (" + version + ", repeat('0', 64), 'DRAFT', 'c', 'officer', now())");
        s.executeUpdate("insert into policy_file (bundle_version, path, kind, sha256, content) values (" + version
                + ", 'a.drl', 'DRL', repeat('0', 64), 'rule')");
        s.executeUpdate("insert into policy_review (version, state, reviewed_by, reviewed_at) values (" + version
                + ", 'VALIDATED', 'officer', now())");
        s.executeUpdate("insert into policy_activation (id, version, kind, effective_from, requested_by, requested_at, comment)"
                + " values (" + id + ", " + version + ", 'ACTIVATE', now() + interval 1 day, 'officer2', now(), 'c')");
        s.executeUpdate("insert into policy_activation_cancellation (activation_id, cancelled_by, cancelled_at, comment) values ("
                + id + ", 'officer', now(), 'c')");
    }

    private String firstColumn(String table) {
        return new JdbcTemplate(owner).queryForObject("select column_name from information_schema.columns"
                + " where table_schema = database() and table_name = ? order by ordinal_position limit 1", String.class, table);
    }
}
