package org.dynreg.registry;

public enum Disability {
    NONE, PHYSICAL, VISUAL, HEARING, SPEECH, INTELLECTUAL, MULTIPLE, OTHER
}
