package org.dynreg.benchmark;

import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.eligibility.facts.HouseholdFacts;
import org.dynreg.eligibility.facts.MemberFacts;

/**
 * The default policy bundle written out by hand in plain Java: the ten scorecard indicators, the cash
 * transfer cut-offs (32, or 37 with a disabled member), the five exclusion filters, the payment recipient
 * and the education stipends. It is the engine-free baseline of the benchmark, not a second source of
 * policy: the benchmark checks that it agrees with the decision tables on every household it measures.
 */
final class PlainScorecard {
    static final int CUTOFF = 32;
    static final int CUTOFF_DISABLED = 37;

    /** What a decision needs: score, outcome, recipient line (0: none) and stipends. */
    record Outcome(int score, boolean eligible, int cutoff, int exclusions, int recipientLine, int stipends) {
    }

    private PlainScorecard() {
    }

    static Outcome decide(HouseholdFactsBuilder.Facts facts) {
        HouseholdFacts h = facts.household();
        int score = switch (h.getProvince()) {
            case "BALOCHISTAN" -> 0;
            case "SINDH" -> 11;
            case "PUNJAB", "ISLAMABAD" -> 12;
            default -> 9;
        };
        score += switch (Math.min(h.getMembersAged13OrYounger(), 5)) {
            case 5 -> 0;
            case 4 -> 6;
            case 3 -> 11;
            case 2 -> 15;
            case 1 -> 22;
            default -> 31;
        };
        score += h.isAllChildrenAged5To13InSchool() ? 5 : 0;
        score += h.getElementaryOccupationMembers() >= 2 ? 0 : h.getElementaryOccupationMembers() == 1 ? 5 : 12;
        score += !h.isFemaleHeadOrSpousePresent() ? 4 : h.getFemaleHeadOrSpouseClassesCompleted() >= 1 ? 6 : 0;
        score += switch (h.getDrinkingWater()) {
            case "PIPED", "HAND_PUMP", "MOTOR_PUMP", "COVERED_WELL" -> 3;
            default -> 0;
        };
        score += switch (h.getToilet()) {
            case "FLUSH_SEWER" -> 4;
            case "FLUSH_SEPTIC", "FLUSH_PIT", "FLUSH_OPEN_DRAIN" -> 2;
            default -> 0;
        };
        score += h.isRefrigeratorOrFreezer() ? 12 : 0;
        score += h.isTelevision() ? 3 : 0;
        score += h.isVehicle() ? 12 : 0;

        int cutoff = h.getDisabledMembers() > 0 ? CUTOFF_DISABLED : CUTOFF;
        int exclusions = (h.getGovernmentEmployees() >= 1 ? 1 : 0) + (h.isCar() ? 1 : 0)
                + (h.getAgriculturalLandAcres() > 12.5 ? 1 : 0) + (h.isInternationalTravel() ? 1 : 0)
                + (h.getMonthlyPhoneBillPkr() > 1000 ? 1 : 0);
        boolean eligible = score <= cutoff && exclusions == 0;
        int recipient = 0;
        int stipends = 0;
        if (eligible) {
            MemberFacts best = null;
            int bestPriority = Integer.MAX_VALUE;
            for (MemberFacts m : facts.members()) {
                if (!"FEMALE".equals(m.getGender()) || !m.isEverMarried() || m.getAge() < 18) {
                    continue;
                }
                int priority = "HEAD".equals(m.getRelation()) ? 1 : "SPOUSE".equals(m.getRelation()) ? 2 : 3;
                if (best == null || priority < bestPriority
                        || priority == bestPriority && (m.getAge() > best.getAge()
                        || m.getAge() == best.getAge() && m.getLine() < best.getLine())) {
                    best = m;
                    bestPriority = priority;
                }
            }
            recipient = best == null ? 0 : best.getLine();
            for (MemberFacts m : facts.members()) {
                if (m.getAge() >= 5 && m.getAge() <= 16) {
                    stipends++;
                }
            }
        }
        return new Outcome(score, eligible, cutoff, exclusions, recipient, stipends);
    }
}
