package org.dynreg.registry;

public enum Electricity {
    METERED, UNMETERED, SOLAR, GENERATOR, NONE
}
