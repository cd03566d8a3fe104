package org.dynreg.places;

import org.dynreg.registry.Province;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference list of administrative units as shipped: whole, unambiguous, and answering a misspelt name with what it may mean. */
class PlacesTest {
    final Places places = Places.pakistan();

    /** Districts and tehsils per province as the source counts them (places/README.md). */
    static final Map<Province, int[]> SOURCE = Map.of(Province.AJK, new int[] {10, 32}, Province.BALOCHISTAN, new int[] {35, 103},
            Province.GILGIT_BALTISTAN, new int[] {14, 24}, Province.ISLAMABAD, new int[] {1, 1},
            Province.KHYBER_PAKHTUNKHWA, new int[] {35, 153}, Province.PUNJAB, new int[] {36, 139}, Province.SINDH, new int[] {29, 125});

    @Test
    void theListHoldsEveryDistrictAndTehsilOfTheSourceAndNoSpellingTwiceUnderOneParent() {
        SOURCE.forEach((province, counts) -> {
            List<District> listed = places.districts(province).stream().filter(d -> d.pcode().startsWith("PK")).toList();
            assertThat(listed).as(province.name()).hasSize(counts[0]);
            assertThat(listed.stream().mapToInt(d -> d.tehsils().size()).sum()).as(province.name()).isEqualTo(counts[1]);
            assertThat(listed).allSatisfy(d -> assertThat(d.pcode()).startsWith("PK" + "1234567".charAt(order(province))));
            Set<String> keys = new HashSet<>();
            places.districts(province).forEach(d -> d.spellings().forEach(s -> assertThat(keys.add(Spelling.key(s))).as(s).isTrue()));
            for (District d : places.districts(province)) {
                Set<String> tehsils = new HashSet<>();
                d.tehsils().forEach(t -> t.spellings().forEach(s -> assertThat(tehsils.add(Spelling.key(s))).as(d.name() + " " + s).isTrue()));
                assertThat(d.tehsils()).allSatisfy(t -> assertThat(t.pcode()).startsWith(d.pcode()));
            }
        });
    }

    @Test
    void namesAreFoundWhateverTheCaseSpacesOrPunctuationAndUnderTheirOtherSpellings() {
        assertThat(places.district(Province.SINDH, " jamshoro").orElseThrow().name()).isEqualTo("Jamshoro");
        assertThat(places.district(Province.SINDH, "Karachi Central").orElseThrow().name()).isEqualTo("Central Karachi");
        assertThat(places.district(Province.SINDH, "Tando Allah Yar").orElseThrow().name()).isEqualTo("Tando Allahyar");
        assertThat(places.district(Province.PUNJAB, "Layyah").orElseThrow().name()).isEqualTo("Leiah");
        assertThat(places.district(Province.KHYBER_PAKHTUNKHWA, "Dera Ismail Khan").orElseThrow().name()).isEqualTo("D. I. Khan");
        assertThat(places.district(Province.KHYBER_PAKHTUNKHWA, "di khan")).isPresent();
        District jamshoro = places.district(Province.SINDH, "Jamshoro").orElseThrow();
        assertThat(places.tehsil(jamshoro, "Sehwan").orElseThrow().name()).isEqualTo("Sehwan Sharif");
        District kech = places.district(Province.BALOCHISTAN, "Kech").orElseThrow();
        assertThat(places.tehsil(kech, "turbat").orElseThrow().pcode()).isEqualTo("PK21103");
        assertThat(places.district(Province.PUNJAB, "Dadu")).as("a district of another province").isEmpty();
    }

    @Test
    void aNameTheListDoesNotHoldIsAnsweredWithWhatItMayMean() {
        assertThatThrownBy(() -> places.requireDistrict(Province.PUNJAB, "Multann")).isInstanceOf(UnknownPlaceException.class)
                .hasMessage("'Multann' is not a district of PUNJAB in the reference list of Pakistan's administrative units; did you mean Multan?");
        assertThatThrownBy(() -> places.requireDistrict(Province.PUNJAB, "Muzaffar")).hasMessageContaining("did you mean Muzaffargarh?");
        assertThatThrownBy(() -> places.requireDistrict(Province.PUNJAB, "Dadu")).hasMessage("'Dadu' is a district of SINDH, not of PUNJAB");
        assertThatThrownBy(() -> places.requireDistrict(Province.PUNJAB, "Atlantis"))
                .hasMessageContaining("is not a district of PUNJAB").hasMessageContaining("docs/survey-format.md");
        District dadu = places.requireDistrict(Province.SINDH, "Dadu");
        assertThatThrownBy(() -> places.requireTehsil(dadu, "Sehwan")).hasMessage("'Sehwan' is not a tehsil of Dadu; it is a tehsil of Jamshoro");
        assertThatThrownBy(() -> places.requireTehsil(dadu, "Johee")).hasMessageContaining("did you mean Johi?");
        assertThatThrownBy(() -> places.requireTehsil(dadu, "Nowhere"))
                .hasMessageContaining("the tehsils of Dadu are Dadu, Johi, Khairpur Nathan Shah, Mehar");
    }

    @Test
    void aUnionCouncilIsCheckedForTheShapeOfANameOrNumber() {
        assertThat(places.unionCouncilProblem("UC-112")).isEmpty();
        assertThat(places.unionCouncilProblem("Tarlai Kalan")).isEmpty();
        assertThat(places.unionCouncilProblem("UC 7 (Gharo)")).isEmpty();
        assertThat(places.unionCouncilProblem("--")).isPresent();
        assertThat(places.unionCouncilProblem("UC#12; drop")).isPresent();
    }

    static int order(Province p) {
        return List.of(Province.AJK, Province.BALOCHISTAN, Province.GILGIT_BALTISTAN, Province.ISLAMABAD, Province.KHYBER_PAKHTUNKHWA,
                Province.PUNJAB, Province.SINDH).indexOf(p);
    }
}
