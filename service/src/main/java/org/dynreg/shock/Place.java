package org.dynreg.shock;

import org.dynreg.places.District;
import org.dynreg.places.Places;
import org.dynreg.places.Spelling;
import org.dynreg.places.Tehsil;
import org.dynreg.registry.Province;

import java.util.Arrays;
import java.util.Optional;

/** An area of a declaration as the reference list knows it: a district, or one tehsil of it ({@code tehsil} null: the whole district). */
record Place(District district, Tehsil tehsil) {

    Declaration.Area area() {
        return new Declaration.Area(district.province().name(), district.name(), tehsil == null ? null : tehsil.name());
    }

    /** Whether the two share ground: the same district, and the whole of it on either side or the same tehsil. */
    boolean meets(Place other) {
        return district.pcode().equals(other.district.pcode())
                && (tehsil == null || other.tehsil == null || tehsil.pcode().equals(other.tehsil.pcode()));
    }

    /** Whether this area already covers the other (the whole district, or the same tehsil). */
    boolean covers(Place other) {
        return district.pcode().equals(other.district.pcode()) && (tehsil == null || other.tehsil != null && tehsil.pcode().equals(other.tehsil.pcode()));
    }

    String describe() {
        return tehsil == null ? district.name() + " (" + district.province() + ")"
                : "tehsil " + tehsil.name() + " of " + district.name() + " (" + district.province() + ")";
    }

    /** A stored area as the list knows it, or empty for one stored before the list was checked that it does not hold. */
    static Optional<Place> of(Declaration.Area a) {
        Places places = Places.pakistan();
        Optional<Province> province = Arrays.stream(Province.values()).filter(p -> p.name().equals(a.province())).findFirst();
        return province.flatMap(p -> places.district(p, a.district())).map(d -> new Place(d,
                a.tehsil() == null || Spelling.key(a.tehsil()).isEmpty() ? null : places.tehsil(d, a.tehsil()).orElse(null)));
    }
}
