package org.dynreg.database;

import java.util.HashSet;
import java.util.Set;

/** A MariaDB server that someone else runs; we only connect, and create the database if asked. */
final class ExternalDatabase implements DatabaseServer {

    /** Databases already recreated by this JVM: later test contexts must see what earlier ones migrated. */
    private static final Set<String> RECREATED = new HashSet<>();

    private final DatabaseProperties properties;
    private final MariaDbUrl url;

    private ExternalDatabase(DatabaseProperties properties, MariaDbUrl url) {
        this.properties = properties;
        this.url = url;
    }

    static ExternalDatabase prepare(DatabaseProperties properties) {
        MariaDbUrl url = MariaDbUrl.parse(properties.url());
        if (properties.recreate()) {
            recreateOnce(properties, url);
        } else if (properties.createDatabase()) {
            DatabaseAdmin.createDatabase(url.serverUrl(), properties.user(), properties.password(), url.database(),
                    false);
        }
        return new ExternalDatabase(properties, url);
    }

    private static void recreateOnce(DatabaseProperties properties, MariaDbUrl url) {
        if (!url.database().endsWith("_test")) {
            throw new IllegalStateException("dynreg.db.recreate=true drops the database, so it is only allowed for"
                    + " names ending in _test; the URL names '" + url.database() + "'");
        }
        synchronized (RECREATED) {
            if (RECREATED.add(url.describe())) {
                DatabaseAdmin.createDatabase(url.serverUrl(), properties.user(), properties.password(),
                        url.database(), true);
            }
        }
    }

    @Override
    public String jdbcUrl() {
        return properties.url();
    }

    @Override
    public String user() {
        return properties.user();
    }

    @Override
    public String password() {
        return properties.password();
    }

    @Override
    public String describe() {
        return "external MariaDB at " + url.describe() + " as user '" + properties.user() + "'";
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
