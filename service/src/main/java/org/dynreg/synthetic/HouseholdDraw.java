package org.dynreg.synthetic;

import org.dynreg.indicators.IndicatorDefinitions;
import org.dynreg.places.District;
import org.dynreg.registry.ChronicDisease;
import org.dynreg.registry.CookingFuel;
import org.dynreg.registry.Disability;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.EducationLevel;
import org.dynreg.registry.Electricity;
import org.dynreg.registry.Employment;
import org.dynreg.registry.EmploymentSector;
import org.dynreg.registry.Gender;
import org.dynreg.registry.MaritalStatus;
import org.dynreg.registry.Occupation;
import org.dynreg.registry.Province;
import org.dynreg.registry.Relation;
import org.dynreg.registry.RoofMaterial;
import org.dynreg.registry.Toilet;
import org.dynreg.registry.WallMaterial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws household number {@code index} of the registry generated with {@code seed}. Each household has
 * its own random stream, derived from seed and index alone, so a household is the same whatever the
 * order, chunking or number of threads it is generated in.
 *
 * <p>Indicator answers are drawn with the probabilities of {@link Targets} for the household's region and
 * district, and then given a concrete survey answer from the sets of {@link IndicatorDefinitions}; answers
 * the report does not publish (assets, rooms, occupations) follow a latent wealth draw so that poverty
 * scores spread as in a real registry.
 */
final class HouseholdDraw {
    /** Synthetic national ids start with this digit, which no province's identity cards use. */
    static final char NATIONAL_ID_PREFIX = '9';
    static final long MAX_HOUSEHOLDS = 99_999_999L;
    static final int MAX_MEMBERS = org.dynreg.registry.SurveyValidator.MAX_MEMBERS;
    /** Households were last surveyed on a day spread evenly over this many days before the generation day. */
    static final int SURVEY_SPREAD_DAYS = 4 * 365;

    private static final String[] MALE_NAMES = {"Muhammad", "Ahmed", "Ali", "Hassan", "Bilal", "Usman", "Imran",
            "Asif", "Tariq", "Naveed", "Kashif", "Faisal", "Zahid", "Shahid", "Rashid", "Sajid", "Waqar", "Junaid",
            "Hamza", "Umar", "Abdullah", "Irfan", "Khalid", "Javed", "Saleem", "Nadeem", "Aslam", "Akbar", "Gul", "Noor"};
    private static final String[] FEMALE_NAMES = {"Ayesha", "Fatima", "Zainab", "Maryam", "Shazia", "Nasreen",
            "Rukhsana", "Bushra", "Sadia", "Amna", "Hina", "Saima", "Kiran", "Nazia", "Farzana", "Samina", "Rabia",
            "Sana", "Iqra", "Khadija", "Parveen", "Shabana", "Tahira", "Nabila", "Uzma", "Asma", "Gulnaz", "Zubaida",
            "Naseem", "Bibi"};
    private static final String[] FAMILY_NAMES = {"Khan", "Ahmed", "Ali", "Hussain", "Shah", "Qureshi", "Baloch",
            "Bhatti", "Chaudhry", "Malik", "Awan", "Butt", "Mughal", "Siddiqui", "Abbasi", "Jatoi", "Memon", "Rind",
            "Marri", "Yousafzai", "Afridi", "Khattak", "Bugti", "Soomro", "Sheikh", "Rajput", "Arain", "Gujjar",
            "Lashari", "Magsi"};

    /*
     * The answers an indicator is drawn as. Which answers count for an indicator is decided in
     * IndicatorDefinitions alone; HouseholdDrawTest checks these lists against it.
     */
    static final WallMaterial[] KACHA_WALLS = {WallMaterial.UNBAKED_BRICK_MUD, WallMaterial.WOOD_BAMBOO, WallMaterial.OTHER};
    static final WallMaterial[] PACCA_WALLS = {WallMaterial.BURNT_BRICK, WallMaterial.CONCRETE, WallMaterial.STONE};
    static final DrinkingWater[] SAFE_WATER = {DrinkingWater.HAND_PUMP, DrinkingWater.PIPED, DrinkingWater.MOTOR_PUMP,
            DrinkingWater.COVERED_WELL, DrinkingWater.FILTRATION_PLANT};
    static final DrinkingWater[] UNSAFE_WATER = {DrinkingWater.OPEN_WELL, DrinkingWater.SURFACE_WATER, DrinkingWater.TANKER,
            DrinkingWater.SPRING, DrinkingWater.OTHER};
    static final Toilet[] FORMAL_LATRINES = {Toilet.FLUSH_SEPTIC, Toilet.FLUSH_SEWER};
    static final Toilet[] INFORMAL_LATRINES = {Toilet.FLUSH_PIT, Toilet.DRY_PIT, Toilet.FLUSH_OPEN_DRAIN, Toilet.COMMUNAL};
    static final Toilet NO_LATRINE = Toilet.NONE;
    static final Electricity[] GRID = {Electricity.METERED, Electricity.UNMETERED};
    static final Electricity[] OFF_GRID = {Electricity.NONE, Electricity.SOLAR, Electricity.GENERATOR};
    static final Employment[] WORKING = {Employment.EMPLOYED, Employment.SELF_EMPLOYED};

    private final Targets targets;
    private final long seed;
    private final LocalDate today;
    private final String idTag;

    HouseholdDraw(Targets targets, long seed, LocalDate today) {
        this.targets = targets;
        this.seed = seed;
        this.today = today;
        this.idTag = seedTag(seed);
    }

    /** The two digits after {@link #NATIONAL_ID_PREFIX} that mark national ids generated with a seed. */
    static String seedTag(long seed) {
        return String.format("%02d", Math.floorMod(seed, 100L));
    }

    SyntheticHousehold draw(long index) {
        if (index < 0 || index >= MAX_HOUSEHOLDS) {
            throw new IllegalArgumentException("household index " + index + " is outside 0.." + (MAX_HOUSEHOLDS - 1));
        }
        SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        int p = targets.province(r.nextDouble());
        Province province = targets.provinceAt(p);
        int d = r.nextInt(targets.districtCount(p));
        District place = targets.district(p, d);
        String district = place.name();
        LocalDate surveyedOn = today.minusDays(1 + r.nextInt(SURVEY_SPREAD_DAYS));
        double wealth = r.nextDouble();

        boolean kacha = r.nextDouble() < targets.rate(p, d, Measure.KACHA);
        WallMaterial wall = kacha
                ? pick(r, KACHA_WALLS, 0.85, 0.10)
                : pick(r, PACCA_WALLS, 0.85, 0.10);
        RoofMaterial roof = kacha
                ? pick(r, new RoofMaterial[]{RoofMaterial.WOOD_BAMBOO, RoofMaterial.THATCH, RoofMaterial.IRON_CEMENT_SHEET}, 0.6, 0.3)
                : pick(r, new RoofMaterial[]{RoofMaterial.RCC, RoofMaterial.IRON_CEMENT_SHEET, RoofMaterial.WOOD_BAMBOO}, 0.6, 0.3);
        DrinkingWater water = r.nextDouble() < targets.rate(p, d, Measure.SAFE_WATER)
                ? pick(r, SAFE_WATER, 0.35, 0.30, 0.25, 0.05)
                : pick(r, UNSAFE_WATER, 0.3, 0.3, 0.2, 0.1);
        double toiletDraw = r.nextDouble();
        double formal = targets.rate(p, d, Measure.FORMAL_LATRINE);
        double open = targets.rate(p, d, Measure.OPEN_DEFECATION);
        Toilet toilet = toiletDraw < formal
                ? pick(r, FORMAL_LATRINES, 0.5)
                : toiletDraw < 1 - open
                ? pick(r, INFORMAL_LATRINES, 0.4, 0.3, 0.2)
                : NO_LATRINE;
        Electricity electricity = r.nextDouble() < targets.rate(p, d, Measure.ELECTRICITY)
                ? pick(r, GRID, 0.85)
                : pick(r, OFF_GRID, 0.75, 0.2);
        CookingFuel fuel = wealth > 0.6 ? pick(r, new CookingFuel[]{CookingFuel.GAS, CookingFuel.LPG}, 0.7)
                : pick(r, new CookingFuel[]{CookingFuel.WOOD, CookingFuel.DUNG_CAKE, CookingFuel.GAS, CookingFuel.KEROSENE}, 0.6, 0.2, 0.15);
        boolean livestock = r.nextDouble() < targets.rate(p, d, Measure.LIVESTOCK);
        int cattle = 0, buffalo = 0, goats = 0, sheep = 0;
        if (livestock) {
            int kind = r.nextInt(4);
            int head = 1 + r.nextInt(6);
            switch (kind) {
                case 0 -> cattle = head;
                case 1 -> buffalo = head;
                case 2 -> goats = head;
                default -> sheep = head;
            }
            if (r.nextDouble() < 0.3) {
                goats += 1 + r.nextInt(4);
            }
        }

        String family = FAMILY_NAMES[r.nextInt(FAMILY_NAMES.length)];
        List<SyntheticHousehold.Member> members = members(r, p, d, index, surveyedOn, targets.averageSize(p), family);
        int rooms = Math.max(1, (int) Math.round(1 + wealth * 3 + r.nextDouble() - (kacha ? 0.7 : 0)));
        int uc = 1 + r.nextInt(150);
        String tehsil = place.tehsils().get(r.nextInt(place.tehsils().size())).name();
        String unionCouncil = "UC-" + uc;
        String address = "House " + (1 + r.nextInt(400)) + ", Street " + (1 + r.nextInt(40)) + ", " + unionCouncil + ", "
                + district;
        String mobile = "03" + String.format("%09d", r.nextInt(1_000_000_000));
        return new SyntheticHousehold(index, province, district, tehsil, unionCouncil, address, mobile, surveyedOn,
                rooms, wall, roof, water, toilet, electricity, fuel,
                r.nextDouble() < 0.05 + 0.55 * wealth, r.nextDouble() < 0.02 + 0.08 * wealth,
                r.nextDouble() < 0.15 + 0.6 * wealth, r.nextDouble() < 0.05 + 0.45 * wealth,
                r.nextDouble() < 0.002 + 0.04 * wealth * wealth, r.nextDouble() < 0.02,
                r.nextDouble() < 0.01 + 0.12 * wealth * wealth, r.nextDouble() < 0.03 + 0.4 * wealth,
                r.nextDouble() < 0.2 ? 1 + r.nextInt(1 + (int) (wealth * 15)) : 0,
                cattle, buffalo, goats, sheep,
                r.nextDouble() < 0.005 + 0.03 * wealth, (int) (r.nextDouble() * (150 + 950 * wealth * wealth)),
                members);
    }

    private List<SyntheticHousehold.Member> members(SplittableRandom r, int p, int d, long index, LocalDate on,
                                                    double averageSize, String family) {
        int size = Math.min(MAX_MEMBERS, 1 + poisson(r, averageSize - 1));
        List<SyntheticHousehold.Member> members = new ArrayList<>(size);
        int headAge = 22 + r.nextInt(50);
        double g = r.nextDouble();
        Gender headGender = g < 0.90 ? Gender.MALE : g < 0.999 ? Gender.FEMALE : Gender.TRANSGENDER;
        boolean spouse = size >= 2 && headGender != Gender.TRANSGENDER && r.nextDouble() < 0.92;
        int disabledLine = r.nextDouble() < targets.rate(p, d, Measure.DISABILITY) ? 1 + r.nextInt(size) : 0;
        int chronicLine = r.nextDouble() < targets.rate(p, d, Measure.CHRONIC_DISEASE) ? 1 + r.nextInt(size) : 0;
        int parentLine = size >= 4 && r.nextDouble() < 0.15 ? size : 0;
        for (int line = 1; line <= size; line++) {
            Relation relation;
            Gender gender;
            int age;
            if (line == 1) {
                relation = Relation.HEAD;
                gender = headGender;
                age = headAge;
            } else if (line == 2 && spouse) {
                relation = Relation.SPOUSE;
                gender = headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
                age = Math.max(18, headAge + (gender == Gender.FEMALE ? -r.nextInt(10) : r.nextInt(8)));
            } else if (line == parentLine) {
                gender = r.nextBoolean() ? Gender.MALE : Gender.FEMALE;
                relation = gender == Gender.MALE ? Relation.FATHER : Relation.MOTHER;
                age = Math.min(95, headAge + 20 + r.nextInt(12));
            } else {
                double cg = r.nextDouble();
                gender = cg < 0.4995 ? Gender.MALE : cg < 0.999 ? Gender.FEMALE : Gender.TRANSGENDER;
                relation = gender == Gender.FEMALE ? Relation.DAUGHTER : Relation.SON;
                age = r.nextInt(Math.max(1, Math.min(headAge - 16, 36)));
            }
            String[] first = gender == Gender.FEMALE ? FEMALE_NAMES : MALE_NAMES;
            String name = first[r.nextInt(first.length)] + " " + family;
            members.add(member(r, p, d, index, line, name, relation, gender, age, on, spouse,
                    line == disabledLine, line == chronicLine));
        }
        return members;
    }

    private SyntheticHousehold.Member member(SplittableRandom r, int p, int d, long index, int line, String name,
                                             Relation relation,
                                             Gender gender, int age, LocalDate on, boolean headHasSpouse,
                                             boolean disabled, boolean chronic) {
        LocalDate born = on.minusYears(age).minusDays(r.nextInt(365));
        boolean inSchool;
        if (age >= IndicatorDefinitions.SCHOOL_AGE_FROM && age <= IndicatorDefinitions.SCHOOL_AGE_TO) {
            inSchool = r.nextDouble() >= rate(p, d, gender, Measure.OUT_OF_SCHOOL_MALE, Measure.OUT_OF_SCHOOL_FEMALE,
                    Measure.OUT_OF_SCHOOL_TOTAL);
        } else {
            inSchool = age > IndicatorDefinitions.SCHOOL_AGE_TO && age <= 23 && r.nextDouble() < 0.1;
        }
        boolean literate = age >= IndicatorDefinitions.LITERACY_AGE_FROM
                ? r.nextDouble() < rate(p, d, gender, Measure.LITERATE_MALE, Measure.LITERATE_FEMALE, Measure.LITERATE_TRANSGENDER)
                : inSchool && age >= 7;
        EducationLevel education = education(r, age, inSchool, literate);
        MaritalStatus marital = marital(r, relation, age, headHasSpouse);
        Employment employment;
        Occupation occupation = Occupation.NONE;
        EmploymentSector sector = EmploymentSector.NONE;
        boolean elementary = false;
        if (age >= IndicatorDefinitions.WORKFORCE_AGE_FROM && age <= IndicatorDefinitions.WORKFORCE_AGE_TO
                && r.nextDouble() < rate(p, d, gender, Measure.EMPLOYED_MALE, Measure.EMPLOYED_FEMALE, Measure.EMPLOYED_TOTAL)) {
            employment = pick(r, WORKING, 0.6);
            double o = r.nextDouble();
            if (o < 0.35) {
                occupation = Occupation.DAY_LABOURER; sector = EmploymentSector.INFORMAL; elementary = true;
            } else if (o < 0.50) {
                occupation = Occupation.AGRICULTURAL_LABOURER; sector = EmploymentSector.AGRICULTURE; elementary = true;
            } else if (o < 0.62) {
                occupation = Occupation.FARMER; sector = EmploymentSector.AGRICULTURE;
            } else if (o < 0.72) {
                occupation = Occupation.SKILLED_WORKER; sector = EmploymentSector.PRIVATE;
            } else if (o < 0.78) {
                occupation = Occupation.DRIVER; sector = EmploymentSector.PRIVATE;
            } else if (o < 0.85) {
                occupation = Occupation.SHOPKEEPER; sector = EmploymentSector.SELF_EMPLOYED;
            } else if (o < 0.90) {
                occupation = Occupation.VENDOR; sector = EmploymentSector.INFORMAL; elementary = true;
            } else if (o < 0.93) {
                occupation = Occupation.DOMESTIC_WORKER; sector = EmploymentSector.INFORMAL; elementary = true;
            } else if (o < 0.95) {
                occupation = Occupation.TEACHER; sector = EmploymentSector.GOVERNMENT;
            } else if (o < 0.96) {
                occupation = Occupation.CLERK; sector = EmploymentSector.GOVERNMENT;
            } else if (o < 0.97) {
                occupation = Occupation.SECURITY_GUARD; sector = EmploymentSector.PRIVATE; elementary = true;
            } else {
                occupation = Occupation.OTHER; sector = EmploymentSector.PRIVATE;
            }
        } else if (inSchool) {
            employment = Employment.STUDENT;
        } else if (age > IndicatorDefinitions.WORKFORCE_AGE_TO) {
            employment = r.nextDouble() < 0.4 ? Employment.RETIRED : Employment.NONE;
        } else if (age < IndicatorDefinitions.WORKFORCE_AGE_FROM) {
            employment = Employment.NONE;
        } else if (gender == Gender.FEMALE && r.nextDouble() < 0.85) {
            employment = Employment.NOT_SEEKING_WORK;
            occupation = Occupation.HOMEMAKER;
        } else {
            employment = r.nextDouble() < 0.6 ? Employment.UNEMPLOYED : Employment.NOT_SEEKING_WORK;
        }
        Disability disability = disabled
                ? pick(r, new Disability[]{Disability.PHYSICAL, Disability.VISUAL, Disability.HEARING, Disability.SPEECH,
                        Disability.INTELLECTUAL, Disability.MULTIPLE}, 0.4, 0.15, 0.15, 0.1, 0.1)
                : Disability.NONE;
        ChronicDisease disease = chronic
                ? pick(r, new ChronicDisease[]{ChronicDisease.HYPERTENSION, ChronicDisease.DIABETES,
                        ChronicDisease.HEART_DISEASE, ChronicDisease.RESPIRATORY, ChronicDisease.HEPATITIS,
                        ChronicDisease.TUBERCULOSIS}, 0.3, 0.25, 0.15, 0.1, 0.1)
                : ChronicDisease.NONE;
        return new SyntheticHousehold.Member(line, nationalId(index, line), name, relation, gender, born, age, marital,
                disability, literate, education, inSchool, employment, occupation, sector, elementary, disease);
    }

    private double rate(int p, int d, Gender gender, Measure male, Measure female, Measure other) {
        return targets.rate(p, d, switch (gender) {
            case MALE -> male;
            case FEMALE -> female;
            case TRANSGENDER -> other;
        });
    }

    private static EducationLevel education(SplittableRandom r, int age, boolean inSchool, boolean literate) {
        if (inSchool) {
            int classes = Math.min(12, age - 5);
            return classes <= 0 ? EducationLevel.PRE_PRIMARY : EducationLevel.valueOf("CLASS_" + classes);
        }
        if (!literate) {
            return EducationLevel.NONE;
        }
        if (age < 18) {
            return EducationLevel.valueOf("CLASS_" + Math.max(1, Math.min(8, age - 7)));
        }
        return pick(r, new EducationLevel[]{EducationLevel.CLASS_5, EducationLevel.CLASS_8, EducationLevel.CLASS_10,
                EducationLevel.CLASS_12, EducationLevel.BACHELOR, EducationLevel.MASTER}, 0.25, 0.2, 0.3, 0.12, 0.1);
    }

    private static MaritalStatus marital(SplittableRandom r, Relation relation, int age, boolean headHasSpouse) {
        return switch (relation) {
            case HEAD -> headHasSpouse ? MaritalStatus.MARRIED
                    : pick(r, new MaritalStatus[]{MaritalStatus.WIDOWED, MaritalStatus.NEVER_MARRIED,
                    MaritalStatus.DIVORCED, MaritalStatus.SEPARATED}, 0.5, 0.3, 0.1);
            case SPOUSE -> MaritalStatus.MARRIED;
            case FATHER, MOTHER -> r.nextDouble() < 0.5 ? MaritalStatus.WIDOWED : MaritalStatus.MARRIED;
            default -> age >= 18 && r.nextDouble() < 0.4 ? MaritalStatus.MARRIED : MaritalStatus.NEVER_MARRIED;
        };
    }

    /** {@code 9TTII-IIIIIIL-L}: prefix, seed tag, household index (8 digits) and member line (2 digits). */
    String nationalId(long index, int line) {
        String digits = NATIONAL_ID_PREFIX + idTag + String.format("%08d%02d", index, line);
        return digits.substring(0, 5) + "-" + digits.substring(5, 12) + "-" + digits.substring(12);
    }

    /** A draw from the first values by the given probabilities, the last value taking what is left. */
    private static <T> T pick(SplittableRandom r, T[] values, double... probabilities) {
        double u = r.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) {
            cumulative += probabilities[i];
            if (u < cumulative) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }

    /** Stafford's variant 13 of the 64-bit finaliser: nearby seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
