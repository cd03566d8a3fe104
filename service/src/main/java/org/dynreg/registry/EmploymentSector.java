package org.dynreg.registry;

public enum EmploymentSector {
    NONE, GOVERNMENT, PRIVATE, SELF_EMPLOYED, AGRICULTURE, INFORMAL
}
