package org.dynreg.database;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives a test class's Spring context a database of its own on the same MariaDB server, for tests
 * that fill the registry with many households (or count all of it) and so must not share the
 * database the other tests of the JVM use.
 */
public final class OwnDatabase {
    private OwnDatabase() {
    }

    /** Call from a {@code @DynamicPropertySource} method; {@code name} must end in {@code _test}. */
    public static void use(DynamicPropertyRegistry registry, String name) {
        MariaDbUrl.requireSafeName(name, "database name");
        if (!name.endsWith("_test")) {
            throw new IllegalArgumentException("a test database's name must end in _test: " + name);
        }
        String external = System.getenv("DYNREG_DB_URL");
        if (external != null && !external.isBlank()) {
            MariaDbUrl url = MariaDbUrl.parse(external);
            registry.add("dynreg.db.url", () -> url.scheme() + url.hosts() + "/" + name
                    + (url.options().isEmpty() ? "" : "?" + url.options()));
        } else {
            registry.add("dynreg.db.name", () -> name);
        }
    }
}
