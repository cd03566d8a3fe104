package org.dynreg.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.Arrays;
import java.util.List;

/**
 * Refuses DEBUG and TRACE lines of the loggers that print bound SQL parameters, wire packets, entity
 * contents or request and response bodies, whatever level they are set to: those lines carry names,
 * addresses and dates of birth that no mask can recognise. Configured in the logback files with the
 * logger names (a name covers the loggers under it).
 */
public class ValueDumpingLoggers extends TurboFilter {
    private List<String> prefixes = List.of();

    /** Comma-separated logger names, e.g. {@code org.mariadb.jdbc, org.hibernate.orm.jdbc.bind}. */
    public void setLoggers(String names) {
        prefixes = Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, java.lang.Throwable t) {
        if (level == null || level.isGreaterOrEqual(Level.INFO) || logger == null) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        for (String p : prefixes) {
            if (name.startsWith(p) && (name.length() == p.length() || name.charAt(p.length()) == '.')) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
