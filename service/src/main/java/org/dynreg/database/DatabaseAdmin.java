package org.dynreg.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Server-level statements, run before the DataSource exists. It goes through the MariaDB driver
 * directly rather than DriverManager so that no other JDBC driver on the classpath can pick up the
 * URL.
 */
final class DatabaseAdmin {

    private static final String CHARSET = "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private DatabaseAdmin() {
    }

    static void createDatabase(String serverUrl, String user, String password, String database, boolean dropFirst) {
        MariaDbUrl.requireSafeName(database, "Database name");
        try (Connection connection = connect(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            if (dropFirst) {
                statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` " + CHARSET);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database '" + database + "' on "
                    + MariaDbUrl.parse(serverUrl).hosts() + ": " + e.getMessage(), e);
        }
    }

    /** The server's max_allowed_packet: the largest statement it accepts, a record's columns included. */
    static int maxAllowedPacket(String url, String user, String password) {
        try (Connection connection = connect(url, user, password);
             Statement statement = connection.createStatement();
             java.sql.ResultSet rs = statement.executeQuery("SELECT @@global.max_allowed_packet")) {
            rs.next();
            return (int) Math.min(Integer.MAX_VALUE, rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read max_allowed_packet from " + MariaDbUrl.parse(url).hosts() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties info = new Properties();
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        Connection connection = new org.mariadb.jdbc.Driver().connect(url, info);
        if (connection == null) {
            throw new SQLException("The MariaDB driver does not accept the URL");
        }
        return connection;
    }
}
