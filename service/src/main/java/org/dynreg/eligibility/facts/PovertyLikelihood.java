package org.dynreg.eligibility.facts;

/** Percent chance that a household with this score is below the named poverty line. */
public class PovertyLikelihood {
    private final String line;
    private final double percent;

    public PovertyLikelihood(String line, double percent) {
        this.line = line;
        this.percent = percent;
    }

    public String getLine() { return line; }
    public double getPercent() { return percent; }
}
