package org.dynreg.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code jdbc:mariadb://hosts/database?options} URL that this package needs: the
 * database name (to create or recreate it) and the same URL without it (to connect before the
 * database exists).
 */
record MariaDbUrl(String scheme, String hosts, String database, String options) {

    private static final Pattern URL =
            Pattern.compile("^(jdbc:(?:mariadb|mysql):(?:[a-z]+:)?//)([^/?]*)(?:/([^?]*))?(?:\\?(.*))?$");

    /** Names are spliced into DDL, where placeholders are not allowed, so only plain ones pass. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    static MariaDbUrl parse(String url) {
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "dynreg.db.url must look like jdbc:mariadb://host:port/database, got: " + withoutOptions(url));
        }
        return new MariaDbUrl(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3),
                m.group(4) == null ? "" : m.group(4));
    }

    String serverUrl() {
        return scheme + hosts + "/" + (options.isEmpty() ? "" : "?" + options);
    }

    /** Host, port and database only: options may carry a password. */
    String describe() {
        return hosts + "/" + database;
    }

    static String requireSafeName(String name, String what) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1-64 letters, digits or underscores, got: '" + name + "'");
        }
        return name;
    }

    private static String withoutOptions(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}
