package org.dynreg.eligibility.facts;

/** An exclusion filter that matched the household; it removes eligibility for cash programs. */
public class Exclusion {
    private final String filter;
    private final String reason;

    public Exclusion(String filter, String reason) {
        this.filter = filter;
        this.reason = reason;
    }

    public String getFilter() { return filter; }
    public String getReason() { return reason; }
}
