package org.dynreg.registry;

public enum Province {
    PUNJAB, SINDH, KHYBER_PAKHTUNKHWA, BALOCHISTAN, ISLAMABAD, AJK, GILGIT_BALTISTAN
}
