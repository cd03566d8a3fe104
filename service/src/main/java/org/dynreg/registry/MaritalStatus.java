package org.dynreg.registry;

public enum MaritalStatus {
    NEVER_MARRIED, MARRIED, WIDOWED, DIVORCED, SEPARATED
}
