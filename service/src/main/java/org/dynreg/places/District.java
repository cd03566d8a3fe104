package org.dynreg.places;

import org.dynreg.registry.Province;

import java.util.List;
import java.util.stream.Stream;

/**
 * A district of the reference list: its province, P-code, name as the list writes it, its tehsils and the
 * other spellings accepted for it.
 */
public record District(Province province, String pcode, String name, List<Tehsil> tehsils, List<String> aliases) {

    /** The name and every alias: what a stored location may say for this district. */
    public List<String> spellings() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
