package org.dynreg.registry;

public enum Gender {
    MALE, FEMALE, TRANSGENDER
}
