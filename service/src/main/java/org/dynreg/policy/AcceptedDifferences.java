package org.dynreg.policy;

import java.util.List;

/** The kinds of difference accepted under a version, in words, as the approver reads them beside the diff. */
public final class AcceptedDifferences {

    private AcceptedDifferences() {
    }

    /** One paragraph per accepted kind: who accepted it, why, and each household's change; empty when none was accepted. */
    public static String text(int version, List<AcceptedDifference> accepted) {
        if (accepted.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("\nDifferences of the regression gate accepted under version " + version + ":\n");
        for (AcceptedDifference a : accepted) {
            long households = a.households().stream().map(AcceptedDifference.Household::household).distinct().count();
            s.append("  ").append(a.label()).append(" (").append(a.kind()).append("), ").append(households)
                    .append(households == 1 ? " household" : " households").append(", accepted by ").append(a.acceptedBy())
                    .append(" at ").append(a.acceptedAt()).append(": ").append(a.reason()).append('\n');
            for (AcceptedDifference.Household h : a.households()) {
                s.append("    ").append(h.household()).append(": ").append(change(h)).append('\n');
            }
        }
        return s.toString();
    }

    /** "32 → 34", or for a sentence that came or went, the sentence. */
    static String change(AcceptedDifference.Household h) {
        if (h.before() == null) {
            return h.field() + " added: " + h.after();
        }
        if (h.after() == null) {
            return h.field() + " removed: " + h.before();
        }
        return h.field() + " " + h.before() + " → " + h.after();
    }
}
