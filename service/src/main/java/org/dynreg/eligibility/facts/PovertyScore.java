package org.dynreg.eligibility.facts;

/** The household's total score, 0 (poorest) to 100, once every indicator has been scored. */
public class PovertyScore {
    private final int value;

    public PovertyScore(int value) {
        this.value = value;
    }

    public int getValue() { return value; }
}
