package org.dynreg.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application's DataSource, connected as the application account, and the owner's, which only
 * Flyway uses. Defining them here makes Boot's DataSource autoconfiguration step aside, while JPA and
 * JdbcTemplate pick up the primary one as usual.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        DatabaseServer server = properties.external()
                ? ExternalDatabase.prepare(properties)
                : EmbeddedMariaDb.acquire(properties);
        log.info("Database: {}", server.describe());
        if (!server.separateAccounts()) {
            log.warn("The service works as the schema's owner '{}', who may alter, truncate and drop every table:"
                    + " set dynreg.db.owner-user and dynreg.db.owner-password (DYNREG_DB_OWNER_USER,"
                    + " DYNREG_DB_OWNER_PASSWORD) for the migrations, and give dynreg.db.user only what"
                    + " README (\"Database accounts\") lists", server.user());
        }
        return server;
    }

    /** Pool tuning stays available under Boot's usual spring.datasource.hikari.* names. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.mariadb.jdbc.Driver");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setPoolName("dynreg");
        // The driver then refuses a statement over the server's packet limit itself, with an error that says so, where
        // the server would drop the connection half-way through it (answered 413, docs/operator-guide.md).
        // Read on the server, not in the database: on a fresh installation the application account is granted its
        // database only once the owner's migrations have run, after this pool is built.
        dataSource.addDataSourceProperty("maxAllowedPacket", String.valueOf(DatabaseAdmin.maxAllowedPacket(
                MariaDbUrl.parse(server.jdbcUrl()).serverUrl(), server.user(), server.password())));
        return dataSource;
    }

    /**
     * The schema owner's connections, for Flyway only (and for tests that must tamper with the schema to
     * show that the service notices). One connection at a time is all a migration needs.
     */
    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(DatabaseServer server) {
        return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), server.jdbcUrl(), server.ownerUser(),
                server.ownerPassword());
    }

    @Bean
    ApplicationGrants applicationGrants(DatabaseServer server) {
        return new ApplicationGrants(server, () -> ApplicationGrants.quoted(DatabaseAdmin.currentUser(
                MariaDbUrl.parse(server.jdbcUrl()).serverUrl(), server.user(), server.password())));
    }
}
