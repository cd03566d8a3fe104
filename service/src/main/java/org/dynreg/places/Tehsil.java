package org.dynreg.places;

import java.util.List;
import java.util.stream.Stream;

/** A tehsil (taluka, town) of the reference list, with the P-code of its district and the other spellings accepted for it. */
public record Tehsil(String pcode, String name, String districtPcode, List<String> aliases) {

    /** The name and every alias: what a stored location may say for this tehsil. */
    public List<String> spellings() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
