package org.dynreg.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test profile's database, embedded or external: a context with only the database
 * configuration and Flyway, so that it does not depend on the rest of the application starting.
 */
@SpringBootTest(classes = MariaDbContextTest.DatabaseOnly.class)
@ActiveProfiles("test")
class MariaDbContextTest {

    @SpringBootConfiguration
    @Import(DatabaseConfiguration.class)
    @ImportAutoConfiguration({FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    static class DatabaseOnly {
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Test
    void talksToMariaDb() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
    }

    @Test
    void usesTheTestDatabaseInUtf8mb4() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo("dynreg_test");
        assertThat(jdbc.queryForObject("SELECT @@character_set_database", String.class)).isEqualTo("utf8mb4");
        assertThat(jdbc.queryForObject("SELECT @@collation_database", String.class)).isEqualTo("utf8mb4_unicode_ci");
    }

    @Autowired
    DatabaseServer server;

    @Test
    void flywayMigratesAsTheOwnerAndTheServiceWorksAsTheApplicationAccount() throws Exception {
        assertThat(flyway.getConfiguration().getDataSource()).isNotSameAs(dataSource);
        try (var c = flyway.getConfiguration().getDataSource().getConnection()) {
            assertThat(c.getMetaData().getUserName()).isEqualTo(server.ownerUser());
        }
        assertThat(jdbc.queryForObject("select current_user()", String.class)).startsWith(server.user() + "@");
        assertThat(server.separateAccounts()).isTrue();
        assertThat(flyway.info().current() == null || flyway.info().current().getState().isApplied()).isTrue();
    }
}
