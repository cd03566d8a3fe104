package org.dynreg.eligibility.facts;

/** A cut-off that applies to this household for a program: eligible when the score is at or below it. */
public class ProgramCutoff {
    private final String program;
    private final int cutoff;
    private final String basis;

    public ProgramCutoff(String program, int cutoff, String basis) {
        this.program = program;
        this.cutoff = cutoff;
        this.basis = basis;
    }

    public String getProgram() { return program; }
    public int getCutoff() { return cutoff; }
    public String getBasis() { return basis; }
}
