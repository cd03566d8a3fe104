package org.dynreg.eligibility.facts;

/** The member chosen to receive the household's cash transfer, and why. */
public class PaymentRecipient {
    private final String program;
    private final int memberLine;
    private final String basis;

    public PaymentRecipient(String program, int memberLine, String basis) {
        this.program = program;
        this.memberLine = memberLine;
        this.basis = basis;
    }

    public String getProgram() { return program; }
    public int getMemberLine() { return memberLine; }
    public String getBasis() { return basis; }
}
