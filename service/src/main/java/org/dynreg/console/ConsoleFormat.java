package org.dynreg.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and times as pages show them: in the registry's zone ({@code dynreg.console.zone}, Asia/Karachi) and
 * the user's language. Templates call it as {@code ${@consoleFormat.when(x)}}.
 */
@Component("consoleFormat")
public class ConsoleFormat {
    private final ZoneId zone;

    ConsoleFormat(@Value("${dynreg.console.zone}") ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A moment (Instant, OffsetDateTime, ZonedDateTime, an ISO string) as a date and time in the zone; "" for null. */
    public String when(Object moment) {
        ZonedDateTime z = zoned(moment);
        return z == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).format(z);
    }

    /** A date (LocalDate, or a moment's date in the zone); "" for null. */
    public String day(Object date) {
        TemporalAccessor d = date instanceof LocalDate l ? l : zoned(date);
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(d);
    }

    /** A duration in whole days and hours ("3 d 4 h"), or minutes when under an hour. */
    public String span(Object duration) {
        Duration d = duration instanceof Duration x ? x : duration instanceof String s && !s.isBlank() ? Duration.parse(s) : null;
        if (d == null) {
            return "";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min";
    }

    private ZonedDateTime zoned(Object moment) {
        if (moment == null) {
            return null;
        }
        if (moment instanceof Instant i) {
            return i.atZone(zone);
        }
        if (moment instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone);
        }
        if (moment instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone);
        }
        if (moment instanceof LocalDateTime l) {
            return l.atZone(zone);
        }
        if (moment instanceof java.util.Date d) {
            return d.toInstant().atZone(zone);
        }
        if (moment instanceof String s && !s.isBlank()) {
            return OffsetDateTime.parse(s).atZoneSameInstant(zone);
        }
        return null;
    }
}
