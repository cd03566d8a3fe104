package org.dynreg.registry;

public enum Employment {
    EMPLOYED, SELF_EMPLOYED, UNEMPLOYED, NOT_SEEKING_WORK, STUDENT, RETIRED, NONE
}
