package org.dynreg.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A MariaDB server that someone else runs; we only connect, and create the database if asked.
 *
 * <p>The service works as the application account ({@code dynreg.db.user}); migrations run as the owner
 * ({@code dynreg.db.owner-user}). Without an owner, the application account does both, as it did before
 * the two were told apart: the configuration names that mode a warning at start-up.
 */
final class ExternalDatabase implements DatabaseServer {

    /** Databases already recreated by this JVM: later test contexts must see what earlier ones migrated. */
    private static final Set<String> RECREATED = new HashSet<>();
    /** Accounts created by this JVM per database, so that every test context of the JVM uses the same passwords. */
    private static final Map<String, Accounts> CREATED = new HashMap<>();

    private final MariaDbUrl url;
    private final String jdbcUrl;
    private final Accounts accounts;

    private record Accounts(String user, String password, String ownerUser, String ownerPassword) {}

    private ExternalDatabase(String jdbcUrl, MariaDbUrl url, Accounts accounts) {
        this.jdbcUrl = jdbcUrl;
        this.url = url;
        this.accounts = accounts;
    }

    static ExternalDatabase prepare(DatabaseProperties properties) {
        MariaDbUrl url = MariaDbUrl.parse(properties.url());
        if (properties.recreate()) {
            recreateOnce(properties, url);
        } else if (properties.createDatabase()) {
            boolean owner = properties.separateOwner();
            DatabaseAdmin.createDatabase(url.serverUrl(), owner ? properties.ownerUser() : properties.user(),
                    owner ? properties.ownerPassword() : properties.password(), url.database(), false);
        }
        Accounts accounts;
        if (properties.createAccounts()) {
            accounts = createAccountsOnce(properties, url);
        } else if (properties.separateOwner()) {
            accounts = new Accounts(properties.user(), properties.password(), properties.ownerUser(), properties.ownerPassword());
        } else {
            accounts = new Accounts(properties.user(), properties.password(), properties.user(), properties.password());
        }
        return new ExternalDatabase(properties.url(), url, accounts);
    }

    private static void recreateOnce(DatabaseProperties properties, MariaDbUrl url) {
        requireTestDatabase(url, "dynreg.db.recreate=true drops the database, so it is only allowed for");
        synchronized (RECREATED) {
            if (RECREATED.add(url.describe())) {
                DatabaseAdmin.createDatabase(url.serverUrl(), properties.user(), properties.password(),
                        url.database(), true);
            }
        }
    }

    /**
     * Tests against a server where they sign in as an administrator: an owner and an application account
     * named after the database, so that test JVMs on other databases of the same server keep theirs. The
     * owner may create and drop databases whose names start like this one's (a test's database beside it).
     */
    private static Accounts createAccountsOnce(DatabaseProperties properties, MariaDbUrl url) {
        requireTestDatabase(url, "dynreg.db.create-accounts=true is for tests, so it is only allowed for");
        synchronized (CREATED) {
            return CREATED.computeIfAbsent(url.describe(), k -> {
                String base = url.database().substring(0, url.database().length() - "_test".length());
                Accounts a = new Accounts(url.database() + "_app", EmbeddedAccounts.password(),
                        url.database() + "_owner", EmbeddedAccounts.password());
                String owner = "'" + a.ownerUser() + "'@'%'";
                String application = "'" + a.user() + "'@'%'";
                List<String> statements = new ArrayList<>(DatabaseAdmin.accountWithPassword(owner, a.ownerPassword()));
                // the database by name: the server lets the owner grant on it only from a grant naming it
                statements.add("GRANT ALL PRIVILEGES ON `" + url.database() + "`.* TO " + owner + " WITH GRANT OPTION");
                statements.add("GRANT ALL PRIVILEGES ON `" + base.replace("_", "\\_") + "%`.* TO " + owner);
                statements.addAll(DatabaseAdmin.accountWithPassword(application, a.password()));
                DatabaseAdmin.execute(url.serverUrl(), properties.user(), properties.password(), statements);
                return a;
            });
        }
    }

    private static void requireTestDatabase(MariaDbUrl url, String what) {
        if (!url.database().endsWith("_test")) {
            throw new IllegalStateException(what + " names ending in _test; the URL names '" + url.database() + "'");
        }
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String user() {
        return accounts.user();
    }

    @Override
    public String password() {
        return accounts.password();
    }

    @Override
    public String ownerUser() {
        return accounts.ownerUser();
    }

    @Override
    public String ownerPassword() {
        return accounts.ownerPassword();
    }

    @Override
    public String describe() {
        return "external MariaDB at " + url.describe() + " as user '" + user() + "'"
                + (separateAccounts() ? ", migrations as '" + ownerUser() + "'" : "");
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
