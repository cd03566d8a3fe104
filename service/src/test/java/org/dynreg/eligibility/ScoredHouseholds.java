package org.dynreg.eligibility;

import org.dynreg.eligibility.facts.HouseholdFacts;
import org.dynreg.eligibility.facts.MemberFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds household facts that reach a chosen poverty score, by searching combinations of scorecard
 * answers (option codes A, B, ... of the published scorecard, with its points). The facts are kept
 * consistent: the members listed agree with the household's counts (children aged 13 or younger, a
 * child aged 5 to 13 out of school, the female spouse, a disabled member).
 */
public final class ScoredHouseholds {

    public static final LocalDate SURVEY_DATE = LocalDate.of(2024, 1, 15);

    private static final Map<Integer, Map<String, Integer>> POINTS = ScoredHouseholds.loadPoints();

    private ScoredHouseholds() {
    }

    private static Map<Integer, Map<String, Integer>> loadPoints() {
        return ReferenceCsv.scorecardPoints();
    }

    /** Published points of one answer. */
    public static int points(int indicator, String option) {
        return POINTS.get(indicator).get(option);
    }

    /** Facts of a household with this score and no disabled member. */
    public static HouseholdFactsBuilder.Facts withScore(int score) {
        return withScore(score, false);
    }

    public static HouseholdFactsBuilder.Facts withScore(int score, boolean disabledMember) {
        return withScore(score, disabledMember, Map.of());
    }

    /** Facts with this score whose answers include the fixed ones (indicator number to option code). */
    public static HouseholdFactsBuilder.Facts withScore(int score, boolean disabledMember, Map<Integer, String> fixed) {
        Map<Integer, String> answers = answersFor(score, fixed)
                .orElseThrow(() -> new IllegalArgumentException("no combination of answers scores " + score + " with " + fixed));
        return withAnswers(answers, disabledMember);
    }

    /** The first combination of answers (by indicator, options in published order) that sums to the score. */
    public static Optional<Map<Integer, String>> answersFor(int score, Map<Integer, String> fixed) {
        Map<Integer, Set<String>> allowed = new HashMap<>();
        fixed.forEach((indicator, option) -> allowed.put(indicator, Set.of(option)));
        return search(score, allowed);
    }

    private static Optional<Map<Integer, String>> search(int score, Map<Integer, Set<String>> allowed) {
        TreeMap<Integer, String> chosen = new TreeMap<>();
        return search(1, score, allowed, chosen) ? Optional.of(Map.copyOf(chosen)) : Optional.empty();
    }

    private static boolean search(int indicator, int remaining, Map<Integer, Set<String>> allowed, TreeMap<Integer, String> chosen) {
        if (indicator > POINTS.size()) {
            return remaining == 0 && consistent(chosen);
        }
        for (Map.Entry<String, Integer> option : POINTS.get(indicator).entrySet()) {
            if (allowed.containsKey(indicator) && !allowed.get(indicator).contains(option.getKey())) {
                continue;
            }
            if (option.getValue() > remaining) {
                continue;
            }
            chosen.put(indicator, option.getKey());
            if (search(indicator + 1, remaining - option.getValue(), allowed, chosen)) {
                return true;
            }
            chosen.remove(indicator);
        }
        return false;
    }

    /** A child aged 5 to 13 out of school (3A) is a member aged 13 or younger, so 2F (none) cannot go with it. */
    private static boolean consistent(Map<Integer, String> answers) {
        return !("A".equals(answers.get(3)) && "F".equals(answers.get(2)));
    }

    /**
     * Facts with this score for the given roster: the answers the roster decides (children aged 13 or
     * younger, children aged 5 to 13 in school, whether there is a female head or spouse, a disabled
     * member) are taken from it and the other indicators are searched to reach the score.
     */
    public static HouseholdFactsBuilder.Facts withScore(int score, List<MemberFacts> roster) {
        long young = roster.stream().filter(m -> m.getAge() <= 13).count();
        boolean outOfSchool = roster.stream().anyMatch(m -> m.getAge() >= 5 && m.getAge() <= 13 && !m.isInSchool());
        boolean femaleHeadOrSpouse = roster.stream().anyMatch(m -> "FEMALE".equals(m.getGender())
                && ("HEAD".equals(m.getRelation()) || "SPOUSE".equals(m.getRelation())));
        Map<Integer, Set<String>> allowed = new HashMap<>();
        allowed.put(2, Set.of(young >= 5 ? "A" : young == 4 ? "B" : young == 3 ? "C" : young == 2 ? "D" : young == 1 ? "E" : "F"));
        allowed.put(3, Set.of(outOfSchool ? "A" : "B"));
        allowed.put(5, femaleHeadOrSpouse ? Set.of("A", "C") : Set.of("B"));
        Map<Integer, String> answers = search(score, allowed)
                .orElseThrow(() -> new IllegalArgumentException("no combination of answers scores " + score + " with this roster"));
        return withMembers(household(answers), roster);
    }

    /** Facts for an explicit combination of answers, one option code for each of the ten indicators. */
    public static HouseholdFactsBuilder.Facts withAnswers(Map<Integer, String> answers, boolean disabledMember) {
        HouseholdFacts h = household(answers);
        int young = switch (answers.get(2)) {
            case "A" -> 5;
            case "B" -> 4;
            case "C" -> 3;
            case "D" -> 2;
            case "E" -> 1;
            default -> 0;
        };
        boolean childOutOfSchool = "A".equals(answers.get(3));
        List<MemberFacts> members = new ArrayList<>();
        members.add(member(members.size() + 1, 45, "HEAD", "MALE", h.isFemaleHeadOrSpousePresent() ? "MARRIED" : "WIDOWED"));
        if (h.isFemaleHeadOrSpousePresent()) {
            members.add(member(members.size() + 1, 38, "SPOUSE", "FEMALE", "MARRIED"));
        }
        for (int k = 0; k < young; k++) {
            boolean outOfSchool = childOutOfSchool && k == 0;
            members.add(new MemberFacts(members.size() + 1, outOfSchool ? 8 : 1 + k % 4, k % 2 == 0 ? "SON" : "DAUGHTER",
                    k % 2 == 0 ? "MALE" : "FEMALE", "NEVER_MARRIED", false, false));
        }
        if (disabledMember) {
            members.add(new MemberFacts(members.size() + 1, 70, "FATHER", "MALE", "WIDOWED", true, false));
        }
        return withMembers(h, members);
    }

    /** The household-level answers; the member counts are set from the roster by {@link #withMembers}. */
    static HouseholdFacts household(Map<Integer, String> answers) {
        HouseholdFacts h = new HouseholdFacts();
        h.setSurveyDate(SURVEY_DATE);
        h.setDistrict("Test district");
        h.setProvince(switch (answers.get(1)) {
            case "A" -> "BALOCHISTAN";
            case "B" -> "KHYBER_PAKHTUNKHWA";
            case "C" -> "SINDH";
            default -> "PUNJAB";
        });
        h.setElementaryOccupationMembers(switch (answers.get(4)) {
            case "A" -> 2;
            case "B" -> 1;
            default -> 0;
        });
        h.setFemaleHeadOrSpousePresent(!"B".equals(answers.get(5)));
        h.setFemaleHeadOrSpouseClassesCompleted("C".equals(answers.get(5)) ? 5 : 0);
        h.setDrinkingWater("A".equals(answers.get(6)) ? "OPEN_WELL" : "HAND_PUMP");
        h.setToilet(switch (answers.get(7)) {
            case "A" -> "NONE";
            case "B" -> "FLUSH_PIT";
            default -> "FLUSH_SEWER";
        });
        h.setRefrigeratorOrFreezer("B".equals(answers.get(8)));
        h.setTelevision("B".equals(answers.get(9)));
        h.setVehicle("B".equals(answers.get(10)));

        return h;
    }

    /** The same household with another roster; the household's member counts follow the roster given. */
    public static HouseholdFactsBuilder.Facts withMembers(HouseholdFacts h, List<MemberFacts> members) {
        h.setMembers(members.size());
        h.setMembersAged13OrYounger((int) members.stream().filter(m -> m.getAge() <= 13).count());
        h.setChildrenAged5To13((int) members.stream().filter(m -> m.getAge() >= 5 && m.getAge() <= 13).count());
        h.setChildrenAged5To13InSchool((int) members.stream().filter(m -> m.getAge() >= 5 && m.getAge() <= 13 && m.isInSchool()).count());
        h.setAllChildrenAged5To13InSchool(h.getChildrenAged5To13() == h.getChildrenAged5To13InSchool());
        h.setDisabledMembers((int) members.stream().filter(MemberFacts::isDisabled).count());
        return new HouseholdFactsBuilder.Facts(h, List.copyOf(members));
    }

    public static MemberFacts member(int line, int age, String relation, String gender, String maritalStatus) {
        return new MemberFacts(line, age, relation, gender, maritalStatus, false, false);
    }
}
