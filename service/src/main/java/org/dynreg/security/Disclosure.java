package org.dynreg.security;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What of a household's personal data one caller is shown (docs/personal-data.md). With {@code personalData}
 * everything; without, coordinates rounded to {@code coarseCoordinateDecimals} decimal places of a degree
 * (none when negative), and names, national ids, dates of birth, phone numbers, addresses and each member's
 * disability and chronic disease not at all.
 */
public record Disclosure(boolean personalData, int coarseCoordinateDecimals) {
    /** Everything, for the roles that may see personal data. */
    public static final Disclosure FULL = new Disclosure(true, 0);
    /** Nothing personal and no coordinates, for the service's own steps that need neither. */
    public static final Disclosure NONE = new Disclosure(false, -1);

    /** A latitude or longitude as this caller may see it: exact, rounded, or null. */
    public BigDecimal coordinate(BigDecimal exact) {
        if (exact == null || personalData) {
            return exact;
        }
        return coarseCoordinateDecimals < 0 ? null : exact.setScale(coarseCoordinateDecimals, RoundingMode.HALF_UP);
    }
}
