package org.dynreg.database;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's only DataSource. Defining it here makes Boot's DataSource autoconfiguration
 * step aside, while Flyway, JPA and JdbcTemplate pick this one up as usual.
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
        return server;
    }

    /** Pool tuning stays available under Boot's usual spring.datasource.hikari.* names. */
    @Bean
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
        dataSource.addDataSourceProperty("maxAllowedPacket",
                String.valueOf(DatabaseAdmin.maxAllowedPacket(server.jdbcUrl(), server.user(), server.password())));
        return dataSource;
    }
}
