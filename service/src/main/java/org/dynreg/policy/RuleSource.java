package org.dynreg.policy;

/** Where a compiled rule comes from, so an auditor can open the row that fired. */
public record RuleSource(String file, String sheet, Integer row) {

    @Override
    public String toString() {
        return sheet == null ? file : file + ", sheet " + sheet + ", row " + row;
    }
}
