package org.dynreg.registry;

public enum Toilet {
    FLUSH_SEWER, FLUSH_SEPTIC, FLUSH_PIT, FLUSH_OPEN_DRAIN, DRY_PIT, COMMUNAL, NONE, OTHER
}
