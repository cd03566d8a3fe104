package org.dynreg.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration, the owner grants the application account what the service needs of the schema
 * and nothing more: the statements of {@value #GRANTS} (SELECT and INSERT on the whole database, UPDATE
 * or DELETE only on the tables whose rows the design changes). GRANT adds to what an account has, so
 * running them again at each start is harmless, and a table added by a later migration is covered from
 * its first start.
 */
final class ApplicationGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(ApplicationGrants.class);

    static final String GRANTS = "db/application-grants.sql";
    static final String ACCOUNT = "${application}";
    static final String DATABASE = "${database}";

    private final DatabaseServer server;
    /** The application account as the server names it ('user'@'host'), asked through the application's own pool. */
    private final Supplier<String> applicationAccount;

    ApplicationGrants(DatabaseServer server, Supplier<String> applicationAccount) {
        this.server = server;
        this.applicationAccount = applicationAccount;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && server.separateAccounts();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String account = applicationAccount.get();
        Connection connection = context.getConnection();
        String sql = null;
        try (Statement statement = connection.createStatement()) {
            String database = connection.getCatalog();
            MariaDbUrl.requireSafeName(database, "Database name");
            for (String s : statements()) {
                sql = s.replace(ACCOUNT, account).replace(DATABASE, "`" + database + "`");
                statement.execute(sql);
            }
            log.info("Application account {} granted what {} lists on {}", account, GRANTS, database);
        } catch (SQLException e) {
            throw new IllegalStateException("The owner account '" + server.ownerUser() + "' could not run '" + sql
                    + "': it needs ALL PRIVILEGES on the database WITH GRANT OPTION (README, \"Database accounts\"): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "application account grants";
    }

    /** The statements of the grants file, without its comments. */
    static List<String> statements() {
        try (InputStream in = ApplicationGrants.class.getClassLoader().getResourceAsStream(GRANTS)) {
            if (in == null) {
                throw new IllegalStateException(GRANTS + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "");
            return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + GRANTS + ": " + e.getMessage(), e);
        }
    }

    /** 'user'@'host' from CURRENT_USER()'s user@host. */
    static String quoted(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        String user = currentUser.substring(0, at);
        String host = currentUser.substring(at + 1);
        if (!user.matches("[A-Za-z0-9_.-]+") || !host.matches("[A-Za-z0-9_.%:-]+")) {
            throw new IllegalStateException("The application account's name cannot be spliced into GRANT: " + currentUser);
        }
        return "'" + user + "'@'" + host + "'";
    }
}
