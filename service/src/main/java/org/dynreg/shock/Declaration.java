package org.dynreg.shock;

import java.time.LocalDate;
import java.util.List;

/**
 * A shock as a policy officer declares it: its kind (FLOOD, EARTHQUAKE ...), when it struck, where, and
 * why it is declared (the source, e.g. the disaster authority's notification).
 */
public record Declaration(String kind, LocalDate startsOn, LocalDate endsOn, List<Area> areas, String comment) {

    /** A district, or one tehsil of it when {@code tehsil} is given. */
    public record Area(String province, String district, String tehsil) {}
}
