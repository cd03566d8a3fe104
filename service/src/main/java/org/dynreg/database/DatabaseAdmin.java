package org.dynreg.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
        List<String> statements = new ArrayList<>();
        if (dropFirst) {
            statements.add("DROP DATABASE IF EXISTS `" + database + "`");
        }
        statements.add("CREATE DATABASE IF NOT EXISTS `" + database + "` " + CHARSET);
        execute(serverUrl, user, password, statements, "Cannot create database '" + database + "'");
    }

    /** Statements an administrator runs before the service connects (accounts for tests, say). */
    static void execute(String serverUrl, String user, String password, List<String> statements) {
        execute(serverUrl, user, password, statements, "Cannot prepare the database accounts");
    }

    private static void execute(String serverUrl, String user, String password, List<String> statements, String failure) {
        try (Connection connection = connect(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(failure + " on " + MariaDbUrl.parse(serverUrl).hosts() + " as '" + user + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * The account as the server names it (user@host), signed in without a database: an account not yet
     * granted anything on the database may still connect to the server.
     */
    static String currentUser(String serverUrl, String user, String password) {
        return serverValue(serverUrl, user, password, "SELECT CURRENT_USER()", "the account's name");
    }

    /** The server's max_allowed_packet: the largest statement it accepts, a record's columns included. */
    static int maxAllowedPacket(String serverUrl, String user, String password) {
        long packet = Long.parseLong(serverValue(serverUrl, user, password, "SELECT @@global.max_allowed_packet",
                "max_allowed_packet"));
        return (int) Math.min(Integer.MAX_VALUE, packet);
    }

    /** The one value {@code query} answers, signed in to the server as {@code user} without a database. */
    private static String serverValue(String serverUrl, String user, String password, String query, String what) {
        try (Connection connection = connect(serverUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + what + " from " + MariaDbUrl.parse(serverUrl).hosts() + " as '"
                    + user + "': " + e.getMessage(), e);
        }
    }

    /** Creates {@code account} ('user'@'host') if missing and sets its password, whether it was there or not. */
    static List<String> accountWithPassword(String account, String password) {
        return List.of("CREATE USER IF NOT EXISTS " + account, "ALTER USER " + account + " IDENTIFIED BY '" + password + "'");
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
