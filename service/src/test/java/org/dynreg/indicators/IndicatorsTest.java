package org.dynreg.indicators;

import org.dynreg.DynregApplication;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.indicators.HandMadeRegistry.Dwelling;
import org.dynreg.indicators.HandMadeRegistry.Member;
import org.dynreg.indicators.IndicatorReport.Area;
import org.dynreg.indicators.IndicatorReport.Figure;
import org.dynreg.indicators.IndicatorReport.Indicator;
import org.dynreg.indicators.IndicatorReport.PublishedDistrict;
import org.dynreg.registry.Electricity;
import org.dynreg.registry.Toilet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dynreg.registry.ChronicDisease.DIABETES;
import static org.dynreg.registry.ChronicDisease.HEART_DISEASE;
import static org.dynreg.registry.ChronicDisease.HYPERTENSION;
import static org.dynreg.registry.ChronicDisease.TUBERCULOSIS;
import static org.dynreg.registry.Disability.HEARING;
import static org.dynreg.registry.Disability.MULTIPLE;
import static org.dynreg.registry.Disability.PHYSICAL;
import static org.dynreg.registry.Disability.VISUAL;
import static org.dynreg.registry.DrinkingWater.BOTTLED;
import static org.dynreg.registry.DrinkingWater.HAND_PUMP;
import static org.dynreg.registry.DrinkingWater.OPEN_WELL;
import static org.dynreg.registry.DrinkingWater.PIPED;
import static org.dynreg.registry.DrinkingWater.SURFACE_WATER;
import static org.dynreg.registry.DrinkingWater.TANKER;
import static org.dynreg.registry.Electricity.GENERATOR;
import static org.dynreg.registry.Electricity.METERED;
import static org.dynreg.registry.Electricity.SOLAR;
import static org.dynreg.registry.Electricity.UNMETERED;
import static org.dynreg.registry.Employment.EMPLOYED;
import static org.dynreg.registry.Employment.NOT_SEEKING_WORK;
import static org.dynreg.registry.Employment.SELF_EMPLOYED;
import static org.dynreg.registry.Employment.STUDENT;
import static org.dynreg.registry.Employment.UNEMPLOYED;
import static org.dynreg.registry.Gender.FEMALE;
import static org.dynreg.registry.Gender.MALE;
import static org.dynreg.registry.Gender.TRANSGENDER;
import static org.dynreg.registry.Province.PUNJAB;
import static org.dynreg.registry.Province.SINDH;
import static org.dynreg.registry.Toilet.COMMUNAL;
import static org.dynreg.registry.Toilet.DRY_PIT;
import static org.dynreg.registry.Toilet.FLUSH_SEPTIC;
import static org.dynreg.registry.Toilet.FLUSH_SEWER;
import static org.dynreg.registry.WallMaterial.BURNT_BRICK;
import static org.dynreg.registry.WallMaterial.CONCRETE;
import static org.dynreg.registry.WallMaterial.OTHER;
import static org.dynreg.registry.WallMaterial.STONE;
import static org.dynreg.registry.WallMaterial.UNBAKED_BRICK_MUD;
import static org.dynreg.registry.WallMaterial.WOOD_BAMBOO;

/**
 * The indicators of a registry of six households, every figure worked out by hand below. Lahore (three
 * households) and Narowal (one) are in Punjab, Tharparkar (two) in Sindh; all were surveyed on
 * 1 January 2024, so ages are taken on that day and not today (the girl of 3 is 5 by now and would count
 * as out of school, the young woman turning 18 that day would be too old). Districts need two
 * households to be ranked here, so Narowal never is.
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest {
    static final LocalDate SURVEYED = LocalDate.of(2024, 1, 1);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T08:00:00Z"), ZoneOffset.UTC);

    /** The owner's: the hand-made registry is a database of its own, created and migrated beside the test database. */
    @Autowired @FlywayDataSource DataSource testDatabase;
    HandMadeRegistry registry;
    IndicatorReport report;

    /** Born seven months past a birthday, so that the age on the survey day is beyond doubt. */
    static LocalDate aged(int years) {
        return SURVEYED.minusYears(years).minusMonths(7);
    }

    @BeforeAll
    void registerSixHouseholds() {
        registry = HandMadeRegistry.beside(testDatabase);
        // H1, Lahore: mud walls (kacha), piped water, metered, flush to sewer, two goats
        registry.household(PUNJAB, "Lahore", SURVEYED, new Dwelling(UNBAKED_BRICK_MUD, PIPED, METERED, FLUSH_SEWER, 0, 0, 2, 0),
                new Member(MALE, aged(40)).literate().employment(EMPLOYED).chronic(HEART_DISEASE),
                new Member(FEMALE, aged(35)).employment(NOT_SEEKING_WORK).disability(VISUAL).chronic(DIABETES),
                new Member(MALE, aged(10)).literate().inSchool().employment(STUDENT),
                new Member(FEMALE, aged(3)));
        // H2, Lahore: stone walls (pacca), tanker water (unsafe), solar only (no access), no toilet; two disabled men
        registry.household(PUNJAB, "Lahore", SURVEYED, new Dwelling(STONE, TANKER, SOLAR, Toilet.NONE, 0, 0, 0, 0),
                new Member(MALE, aged(19)).literate().employment(UNEMPLOYED).disability(PHYSICAL),
                new Member(MALE, aged(50)).employment(SELF_EMPLOYED).disability(HEARING),
                new Member(FEMALE, SURVEYED.minusYears(18)).literate().employment(NOT_SEEKING_WORK));
        // H3, Lahore: bamboo walls (kacha), hand pump, unmetered connection, dry pit, one cow
        registry.household(PUNJAB, "Lahore", SURVEYED, new Dwelling(WOOD_BAMBOO, HAND_PUMP, UNMETERED, DRY_PIT, 1, 0, 0, 0),
                new Member(TRANSGENDER, aged(30)).literate().employment(EMPLOYED),
                new Member(FEMALE, aged(4)));
        // H4, Narowal: other walls (kacha), open well, generator, septic tank, three sheep
        registry.household(PUNJAB, "Narowal", SURVEYED, new Dwelling(OTHER, OPEN_WELL, GENERATOR, FLUSH_SEPTIC, 0, 0, 0, 3),
                new Member(MALE, aged(61)).employment(EMPLOYED),
                new Member(MALE, aged(14)).literate().inSchool().employment(STUDENT));
        // H5, Tharparkar: burnt brick, bottled water, solar, communal latrine
        registry.household(SINDH, "Tharparkar", SURVEYED, new Dwelling(BURNT_BRICK, BOTTLED, SOLAR, COMMUNAL, 0, 0, 0, 0),
                new Member(FEMALE, aged(25)).literate().employment(EMPLOYED).chronic(HYPERTENSION),
                new Member(MALE, aged(9)));
        // H6, Tharparkar: concrete, surface water, no electricity, no toilet, a buffalo
        registry.household(SINDH, "Tharparkar", SURVEYED, new Dwelling(CONCRETE, SURFACE_WATER, Electricity.NONE, Toilet.NONE, 0, 1, 0, 0),
                new Member(MALE, aged(60)).employment(UNEMPLOYED).disability(MULTIPLE).chronic(TUBERCULOSIS));
        report = indicators(1.0).report(null);
    }

    @AfterAll
    void dropTheRegistry() {
        registry.close();
    }

    Indicators indicators(double tolerancePoints) {
        return new Indicators(registry.jdbc(), CLOCK, 2, tolerancePoints);
    }

    static Indicator indicator(IndicatorReport r, String name) {
        return r.indicators().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    Indicator indicator(String name) {
        return indicator(report, name);
    }

    static Area region(Indicator i, String region) {
        return i.regions().stream().filter(a -> a.region().equals(region)).findFirst().orElseThrow();
    }

    static Area district(Indicator i, String district) {
        return i.districts().stream().filter(a -> a.district().equals(district)).findFirst().orElseThrow();
    }

    /** The registry's figures of a measure: national, Punjab, Sindh. */
    List<Double> nationalPunjabSindh(String indicator, String measure) {
        Indicator i = indicator(indicator);
        return Arrays.asList(i.national().figure(measure).computed(), region(i, "PUNJAB").figure(measure).computed(),
                region(i, "SINDH").figure(measure).computed());
    }

    /** The registry's figures of a measure in Lahore, Narowal and Tharparkar. */
    List<Double> districts(String indicator, String measure) {
        Indicator i = indicator(indicator);
        return Arrays.asList(district(i, "Lahore").figure(measure).computed(), district(i, "Narowal").figure(measure).computed(),
                district(i, "Tharparkar").figure(measure).computed());
    }

    static List<String> names(List<Area> areas) {
        return areas.stream().map(Area::district).toList();
    }

    @Test
    void householdsMembersAndAverageSize() {
        assertThat(report.households()).isEqualTo(6);
        assertThat(report.scope()).isEqualTo("whole registry");
        assertThat(report.computedAt()).isEqualTo(CLOCK.instant());
        assertThat(report.indicators()).extracting(Indicator::name).containsExactly("households", "kacha_housing", "safe_water",
                "electricity", "out_of_school", "literacy", "disability", "sanitation", "chronic_disease", "livestock", "employment");
        // 4 + 3 + 2 + 2 = 11 members in 4 Punjab households, 2 + 1 = 3 in 2 Sindh households
        assertThat(nationalPunjabSindh("households", "registered_households")).containsExactly(6.0, 4.0, 2.0);
        assertThat(nationalPunjabSindh("households", "members")).containsExactly(14.0, 11.0, 3.0);
        assertThat(nationalPunjabSindh("households", "average_size")).containsExactly(2.33, 2.75, 1.5);
        assertThat(districts("households", "average_size")).containsExactly(3.0, 2.0, 1.5);
        assertThat(indicator("households").regions()).extracting(Area::region)
                .as("every region, those without households too").containsExactly("PUNJAB", "SINDH", "KHYBER_PAKHTUNKHWA",
                        "BALOCHISTAN", "ISLAMABAD", "AJK", "GILGIT_BALTISTAN");
        assertThat(region(indicator("households"), "BALOCHISTAN").figure("average_size").computed()).isNull();
        assertThat(region(indicator("households"), "BALOCHISTAN").figure("average_size").published()).isEqualTo(5.1);
    }

    @Test
    void dwellingIndicatorsCountStoneAsPaccaTankerAsUnsafeAndSolarAsNoAccess() {
        // kacha: H1 mud, H3 bamboo, H4 other; stone (H2), burnt brick (H5) and concrete (H6) are pacca
        assertThat(nationalPunjabSindh("kacha_housing", "kacha")).containsExactly(50.0, 75.0, 0.0);
        assertThat(nationalPunjabSindh("kacha_housing", "pacca")).containsExactly(50.0, 25.0, 100.0);
        assertThat(districts("kacha_housing", "kacha")).containsExactly(66.7, 100.0, 0.0);
        // safe: H1 piped, H3 hand pump, H5 bottled; tanker (H2), open well (H4), surface water (H6) are not
        assertThat(nationalPunjabSindh("safe_water", "safe")).containsExactly(50.0, 50.0, 50.0);
        assertThat(districts("safe_water", "safe")).containsExactly(66.7, 0.0, 50.0);
        // access: H1 metered, H3 unmetered; solar (H2, H5), a generator (H4) and none (H6) are not
        assertThat(nationalPunjabSindh("electricity", "access")).containsExactly(33.3, 50.0, 0.0);
        // formal: H1 sewer, H4 septic; open: H2, H6; informal: H3 dry pit, H5 communal
        assertThat(nationalPunjabSindh("sanitation", "formal_latrine")).containsExactly(33.3, 50.0, 0.0);
        assertThat(nationalPunjabSindh("sanitation", "informal_latrine")).containsExactly(33.3, 25.0, 50.0);
        assertThat(nationalPunjabSindh("sanitation", "open_defecation")).containsExactly(33.3, 25.0, 50.0);
        // goats (H1), a cow (H3), sheep (H4), a buffalo (H6)
        assertThat(nationalPunjabSindh("livestock", "owns")).containsExactly(66.7, 75.0, 50.0);
    }

    @Test
    void outOfSchoolCountsAges4To18OnTheSurveyDay() {
        // aged 4-18: boys of 10 (in school), 14 (in school) and 9 (Sindh, out); girls of 18 and 4 (out).
        // Not counted: the girl of 3 and the young man of 19, neither in school.
        assertThat(nationalPunjabSindh("out_of_school", "male")).containsExactly(33.3, 0.0, 100.0);
        assertThat(nationalPunjabSindh("out_of_school", "female")).containsExactly(100.0, 100.0, null);
        assertThat(nationalPunjabSindh("out_of_school", "total")).containsExactly(60.0, 50.0, 100.0);
        assertThat(districts("out_of_school", "total")).containsExactly(66.7, 0.0, 100.0);
    }

    @Test
    void literacyCountsAges10AndOver() {
        // Punjab men 40, 10, 19, 14 literate, 50 and 61 not: 4 of 6; women 18 literate, 35 not; the transgender member literate.
        // Sindh: the man of 60 not, the woman of 25 literate; the boy of 9 is too young to count.
        assertThat(nationalPunjabSindh("literacy", "male")).containsExactly(57.1, 66.7, 0.0);
        assertThat(nationalPunjabSindh("literacy", "female")).containsExactly(66.7, 50.0, 100.0);
        assertThat(nationalPunjabSindh("literacy", "transgender")).containsExactly(100.0, 100.0, null);
        assertThat(nationalPunjabSindh("literacy", "total")).containsExactly(63.6, 66.7, 50.0);
        assertThat(districts("literacy", "total")).containsExactly(71.4, 50.0, 50.0);
    }

    @Test
    void employmentCountsAges14To60() {
        // Punjab men employed at 40 and 50 (self-employed), not at 19 and 14; the man of 61 is past the workforce age.
        // Women of 35 and 18 not employed; the transgender member employed. Sindh: the woman employed, the man of 60 not.
        assertThat(nationalPunjabSindh("employment", "male")).containsExactly(40.0, 50.0, 0.0);
        assertThat(nationalPunjabSindh("employment", "female")).containsExactly(33.3, 0.0, 100.0);
        assertThat(nationalPunjabSindh("employment", "total")).containsExactly(44.4, 42.9, 50.0);
    }

    @Test
    void aHouseholdWithSeveralDisabledOrChronicallyIllMembersCountsOnce() {
        // disabled members: H1 one, H2 two, H6 one: 3 households of 6, in Punjab 2 of 4 (not 3)
        assertThat(nationalPunjabSindh("disability", "households")).containsExactly(50.0, 50.0, 50.0);
        assertThat(districts("disability", "households")).containsExactly(66.7, 0.0, 50.0);
        // by gender, members of that gender: men 2 of 6 in Punjab, 1 of 2 in Sindh; women 1 of 4 in Punjab
        assertThat(nationalPunjabSindh("disability", "male")).containsExactly(37.5, 33.3, 50.0);
        assertThat(nationalPunjabSindh("disability", "female")).containsExactly(20.0, 25.0, 0.0);
        assertThat(nationalPunjabSindh("disability", "transgender")).containsExactly(0.0, 0.0, null);
        // chronic disease: H1 (two members), H5, H6
        assertThat(nationalPunjabSindh("chronic_disease", "households")).containsExactly(50.0, 25.0, 100.0);
    }

    @Test
    void figuresStandBesideThePublishedOnesAndOnlyPercentagesBeyondTheToleranceAreFlagged() {
        Figure punjabKacha = region(indicator("kacha_housing"), "PUNJAB").figure("kacha");
        assertThat(punjabKacha).isEqualTo(new Figure("kacha", 75.0, 48.0, 27.0, true));
        assertThat(indicator("kacha_housing").national().figure("kacha")).isEqualTo(new Figure("kacha", 50.0, 55.0, -5.0, true));
        assertThat(region(indicator("kacha_housing"), "PUNJAB").figure("pacca").published()).as("not in the published table").isNull();
        assertThat(indicator("households").national().figure("average_size")).as("an average is never flagged")
                .isEqualTo(new Figure("average_size", 2.33, 5.2, -2.87, false));
        assertThat(region(indicator("literacy"), "SINDH").figure("transgender")).as("no transgender member aged 10+ in Sindh")
                .isEqualTo(new Figure("transgender", null, 64.0, null, false));
        assertThat(region(indicator("disability"), "PUNJAB").figure("male")).as("published gender columns are not compared")
                .isEqualTo(new Figure("male", 33.3, 4.4, null, false));
        assertThat(indicator("disability").measure("male").note()).contains("does not say");
        assertThat(district(indicator("safe_water"), "Lahore").figure("safe")).as("Lahore is in the published highest five")
                .isEqualTo(new Figure("safe", 66.7, 96.0, -29.3, true));
        assertThat(report.beyondTolerance()).isEqualTo(report.indicators().stream()
                .flatMap(i -> Stream.concat(Stream.of(i.national()), i.regions().stream()))
                .flatMap(a -> a.figures().stream()).filter(Figure::flagged).count()).isPositive();

        IndicatorReport lenient = indicators(30.0).report(null);
        assertThat(region(indicator(lenient, "kacha_housing"), "PUNJAB").figure("kacha").flagged()).as("27 points within 30").isFalse();
        assertThat(region(indicator(lenient, "safe_water"), "PUNJAB").figure("safe").flagged()).as("-42 points beyond 30").isTrue();
    }

    @Test
    void districtsAreRankedOnTheirOwnFiguresLeavingOutThoseWithTooFewHouseholds() {
        // Narowal (one household, 100% kacha) would lead, but two households are needed to be ranked
        assertThat(names(indicator("kacha_housing").highest())).containsExactly("Lahore", "Tharparkar");
        assertThat(names(indicator("kacha_housing").lowest())).containsExactly("Tharparkar", "Lahore");
        assertThat(names(indicator("chronic_disease").highest())).containsExactly("Tharparkar", "Lahore");
        assertThat(indicator("chronic_disease").highest().get(0).figure("households").computed()).isEqualTo(100.0);
        assertThat(names(indicator("out_of_school").highest())).containsExactly("Tharparkar", "Lahore");
        assertThat(indicator("kacha_housing").districts()).extracting(Area::district)
                .as("every district is reported, ranked or not").containsExactly("Lahore", "Narowal", "Tharparkar");

        // the published lists, with the registry's figure for each district it holds
        Indicator water = indicator("safe_water");
        assertThat(water.publishedHighest()).extracting(PublishedDistrict::district)
                .containsExactly("Sialkot", "Gujranwala", "Jhang", "Narowal", "Lahore");
        assertThat(water.publishedHighest().get(3)).isEqualTo(new PublishedDistrict("PUNJAB", "Narowal", 97.0, 0.0, -97.0));
        assertThat(water.publishedHighest().get(0)).isEqualTo(new PublishedDistrict("PUNJAB", "Sialkot", 98.0, null, null));
        assertThat(water.publishedLowest().get(4)).isEqualTo(new PublishedDistrict("SINDH", "Tharparkar", 28.0, 50.0, 22.0));
        assertThat(indicator("households").publishedHighest()).as("the report listed no districts by size").isEmpty();
    }

    @Test
    void oneProvinceHasItsRegionAndDistrictsOnlyAndNoNationalFigures() {
        IndicatorReport sindh = indicators(1.0).report("sindh");

        assertThat(sindh.province()).isEqualTo("SINDH");
        assertThat(sindh.scope()).isEqualTo("province SINDH");
        assertThat(sindh.households()).isEqualTo(2);
        Indicator kacha = indicator(sindh, "kacha_housing");
        assertThat(kacha.national()).isNull();
        assertThat(kacha.regions()).extracting(Area::region).containsExactly("SINDH");
        assertThat(kacha.districts()).extracting(Area::district).containsExactly("Tharparkar");
        assertThat(region(indicator(sindh, "chronic_disease"), "SINDH").figure("households").computed()).isEqualTo(100.0);

        IndicatorReport empty = indicators(1.0).report("BALOCHISTAN");
        assertThat(empty.households()).isZero();
        assertThat(region(indicator(empty, "kacha_housing"), "BALOCHISTAN").figure("kacha"))
                .isEqualTo(new Figure("kacha", null, 88.0, null, false));
        assertThat(indicator(empty, "kacha_housing").highest()).isEmpty();
    }

    @Test
    void anUnknownProvinceIsRefusedNamingTheField() {
        assertThatThrownBy(() -> indicators(1.0).report("NARNIA"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("province"))
                .hasMessageContaining("PUNJAB");
    }
}
