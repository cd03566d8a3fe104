package org.dynreg.api;

import jakarta.persistence.Column;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one database column can hold, read from the {@link Column} annotation of the entity field that maps it, so
 * that a request is checked against the same numbers the schema has (a test compares every annotated field with
 * {@code information_schema.COLUMNS}). Text is counted in characters (code points), as MariaDB counts a
 * {@code VARCHAR}; a decimal has {@code precision - scale} digits before the point; every {@link Instant} column
 * is a {@code TIMESTAMP}, whose range is {@link #TIMESTAMP_MIN} to {@link #TIMESTAMP_MAX}.
 */
public record ColumnLimit(String column, int length, int precision, int scale) {
    /** The first instant a MariaDB {@code TIMESTAMP(3)} holds; 1970-01-01 00:00:00.000 itself is its "zero" value. */
    public static final Instant TIMESTAMP_MIN = Instant.parse("1970-01-01T00:00:00.001Z");
    /** The last instant a MariaDB {@code TIMESTAMP(3)} holds (a signed 32-bit count of seconds). */
    public static final Instant TIMESTAMP_MAX = Instant.parse("2038-01-19T03:14:07.999Z");

    /** The limit of the column that {@code field} of {@code entity} maps. */
    public static ColumnLimit of(Class<?> entity, String field) {
        Field f;
        try {
            f = entity.getDeclaredField(field);
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(entity.getSimpleName() + " has no field " + field, e);
        }
        Column c = f.getAnnotation(Column.class);
        if (c == null) {
            throw new IllegalArgumentException(entity.getSimpleName() + "." + field + " has no @Column giving its limits");
        }
        return new ColumnLimit(c.name().isEmpty() ? field : c.name(), c.length(), c.precision(), c.scale());
    }

    /** Why {@code text} does not fit, or null when it does. */
    public String problem(String text) {
        int chars = text.codePointCount(0, text.length());
        return chars <= length ? null : "is " + chars + " characters long; at most " + length + " are allowed";
    }

    /** The largest number the decimal column holds. */
    public BigDecimal max() {
        return BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
    }

    /** Why {@code number} does not fit the decimal column (digits after the point beyond its scale are rounded), or null. */
    public String problem(BigDecimal number) {
        return number.abs().compareTo(max()) <= 0 ? null
                : "is too large; at most " + max().toPlainString() + " can be stored";
    }

    /** Why {@code instant} does not fit a {@code TIMESTAMP} column, or null when it does. */
    public static String problem(Instant instant) {
        if (instant.isBefore(TIMESTAMP_MIN)) {
            return "is before " + TIMESTAMP_MIN + ", the earliest time the registry can store";
        }
        return instant.isAfter(TIMESTAMP_MAX) ? "is after " + TIMESTAMP_MAX + ", the latest time the registry can store" : null;
    }
}
