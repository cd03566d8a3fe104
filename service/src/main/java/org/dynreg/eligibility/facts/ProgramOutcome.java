package org.dynreg.eligibility.facts;

/** The decision for one program, with the sentence a household could be told. */
public class ProgramOutcome {
    private final String program;
    private final boolean eligible;
    private final Integer cutoff;
    private final String reason;

    public ProgramOutcome(String program, boolean eligible, Integer cutoff, String reason) {
        this.program = program;
        this.eligible = eligible;
        this.cutoff = cutoff;
        this.reason = reason;
    }

    public String getProgram() { return program; }
    public boolean isEligible() { return eligible; }
    public Integer getCutoff() { return cutoff; }
    public String getReason() { return reason; }
}
