package org.dynreg.synthetic;

import org.dynreg.indicators.IndicatorDefinitions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers the generator draws an indicator as mean that indicator by the report's definitions. */
class HouseholdDrawTest {

    @Test
    void kachaAndPaccaWallsAreThoseOfTheDefinition() {
        assertThat(IndicatorDefinitions.KACHA_WALLS).contains(HouseholdDraw.KACHA_WALLS);
        assertThat(IndicatorDefinitions.KACHA_WALLS).doesNotContain(HouseholdDraw.PACCA_WALLS);
    }

    @Test
    void safeAndUnsafeWaterAreThoseOfTheDefinition() {
        assertThat(IndicatorDefinitions.SAFE_WATER).contains(HouseholdDraw.SAFE_WATER);
        assertThat(IndicatorDefinitions.SAFE_WATER).doesNotContain(HouseholdDraw.UNSAFE_WATER);
    }

    @Test
    void gridAndOffGridAreThoseOfTheDefinition() {
        assertThat(IndicatorDefinitions.ELECTRICITY_ACCESS).contains(HouseholdDraw.GRID);
        assertThat(IndicatorDefinitions.ELECTRICITY_ACCESS).doesNotContain(HouseholdDraw.OFF_GRID);
    }

    @Test
    void latrinesAreFormalInformalOrNoneByTheDefinition() {
        assertThat(IndicatorDefinitions.FORMAL_LATRINE).contains(HouseholdDraw.FORMAL_LATRINES);
        assertThat(IndicatorDefinitions.FORMAL_LATRINE).doesNotContain(HouseholdDraw.INFORMAL_LATRINES);
        assertThat(IndicatorDefinitions.OPEN_DEFECATION).doesNotContain(HouseholdDraw.INFORMAL_LATRINES);
        assertThat(IndicatorDefinitions.OPEN_DEFECATION).contains(HouseholdDraw.NO_LATRINE);
    }

    @Test
    void workingMembersAreEmployedByTheDefinition() {
        assertThat(IndicatorDefinitions.EMPLOYED).contains(HouseholdDraw.WORKING);
    }
}
