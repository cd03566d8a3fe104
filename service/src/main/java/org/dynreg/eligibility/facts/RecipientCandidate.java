package org.dynreg.eligibility.facts;

/** A member who may receive the household's payment, with the table's priority (1 = first choice). */
public class RecipientCandidate {
    private final MemberFacts member;
    private final int priority;
    private final String basis;

    public RecipientCandidate(MemberFacts member, int priority, String basis) {
        this.member = member;
        this.priority = priority;
        this.basis = basis;
    }

    public MemberFacts getMember() { return member; }
    public int getPriority() { return priority; }
    public String getBasis() { return basis; }
}
