package org.dynreg.indicators;

import org.dynreg.registry.Gender;

import java.util.EnumMap;
import java.util.Map;

/**
 * The counts of one area (a district, a region or the country) that every indicator is a ratio of.
 * Counts add up, so a region is the sum of its districts and nothing is counted twice.
 */
final class Tally {
    long households;
    /** Households whose latest survey has dwelling answers (walls, water, toilet, electricity). */
    long dwellings;
    long kacha;
    long safeWater;
    long electricity;
    long formalLatrine;
    long openDefecation;
    /** Households whose latest survey has asset answers (livestock among them). */
    long assets;
    long livestock;
    long householdsWithDisabled;
    long householdsWithChronicDisease;
    final Map<Gender, Members> members = new EnumMap<>(Gender.class);

    Tally() {
        for (Gender g : Gender.values()) {
            members.put(g, new Members());
        }
    }

    /** Counts of the current members of one gender. */
    static final class Members {
        long all;
        long schoolAge;
        long outOfSchool;
        long literacyAge;
        long literate;
        long workforce;
        long employed;
        long disabled;

        void add(Members o) {
            all += o.all;
            schoolAge += o.schoolAge;
            outOfSchool += o.outOfSchool;
            literacyAge += o.literacyAge;
            literate += o.literate;
            workforce += o.workforce;
            employed += o.employed;
            disabled += o.disabled;
        }
    }

    Members of(Gender g) {
        return members.get(g);
    }

    /** Every gender together. */
    Members allMembers() {
        Members sum = new Members();
        members.values().forEach(sum::add);
        return sum;
    }

    void add(Tally o) {
        households += o.households;
        dwellings += o.dwellings;
        kacha += o.kacha;
        safeWater += o.safeWater;
        electricity += o.electricity;
        formalLatrine += o.formalLatrine;
        openDefecation += o.openDefecation;
        assets += o.assets;
        livestock += o.livestock;
        householdsWithDisabled += o.householdsWithDisabled;
        householdsWithChronicDisease += o.householdsWithChronicDisease;
        members.forEach((g, m) -> m.add(o.members.get(g)));
    }
}
