package org.dynreg.shock;

import java.time.LocalDate;
import java.util.List;

/**
 * More days or more ground for a declared shock, as the disaster authority extends its notification: a later
 * last day, districts or tehsils added, and why (the notification extending it).
 */
public record Extension(LocalDate endsOn, List<Declaration.Area> areas, String comment) {
}
