package org.dynreg.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The query of a request path, built from the options given; an option left out is not sent. */
final class Query {
    private Query() {
    }

    /** Appends {@code name=value} (encoded) to a path ending in '?' or in earlier parameters; nothing for a blank value. */
    static void add(StringBuilder path, String name, String value) {
        if (value != null && !value.isBlank()) {
            path.append(path.charAt(path.length() - 1) == '?' ? "" : "&")
                    .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
