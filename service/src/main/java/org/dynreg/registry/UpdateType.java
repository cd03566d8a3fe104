package org.dynreg.registry;

public enum UpdateType {
    MISSED_OUT, ROSTER_UPDATE, SHOCK_UPDATE, APPEAL, CYCLIC_UPDATE, RECERTIFICATION
}
