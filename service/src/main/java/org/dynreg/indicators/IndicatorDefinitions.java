package org.dynreg.indicators;

import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.Electricity;
import org.dynreg.registry.Employment;
import org.dynreg.registry.Toilet;
import org.dynreg.registry.WallMaterial;

import java.util.EnumSet;
import java.util.Set;

/**
 * How the annual report's definitions read in the registry's survey answers (docs/indicators.md):
 * the one place both the indicator report and the synthetic registry take them from.
 */
public final class IndicatorDefinitions {
    /** Walls of bamboo, mud, bushes, reed, straw, leaves or unburnt bricks; burnt brick, concrete and stone are pacca. */
    public static final Set<WallMaterial> KACHA_WALLS = EnumSet.of(WallMaterial.UNBAKED_BRICK_MUD,
            WallMaterial.WOOD_BAMBOO, WallMaterial.OTHER);
    /** Covered sources: taps, covered wells, hand and motor pumps, filtration plants and bottled water. */
    public static final Set<DrinkingWater> SAFE_WATER = EnumSet.of(DrinkingWater.PIPED, DrinkingWater.COVERED_WELL,
            DrinkingWater.HAND_PUMP, DrinkingWater.MOTOR_PUMP, DrinkingWater.FILTRATION_PLANT, DrinkingWater.BOTTLED);
    /** A metered (own) or an extended (unmetered) connection; solar panels and generators are not the grid. */
    public static final Set<Electricity> ELECTRICITY_ACCESS = EnumSet.of(Electricity.METERED, Electricity.UNMETERED);
    /** Flush toilets connected to a sewer or a septic tank. */
    public static final Set<Toilet> FORMAL_LATRINE = EnumSet.of(Toilet.FLUSH_SEWER, Toilet.FLUSH_SEPTIC);
    /** No toilet at all. Every other answer is an informal latrine. */
    public static final Set<Toilet> OPEN_DEFECATION = EnumSet.of(Toilet.NONE);
    public static final Set<Employment> EMPLOYED = EnumSet.of(Employment.EMPLOYED, Employment.SELF_EMPLOYED);

    /** Out-of-school children are counted among members aged 4 to 18 on the date of the latest survey. */
    public static final int SCHOOL_AGE_FROM = 4;
    public static final int SCHOOL_AGE_TO = 18;
    /** Literacy is counted among members aged 10 or more. */
    public static final int LITERACY_AGE_FROM = 10;
    /** The workforce: members aged 14 to 60. */
    public static final int WORKFORCE_AGE_FROM = 14;
    public static final int WORKFORCE_AGE_TO = 60;

    private IndicatorDefinitions() {
    }
}
