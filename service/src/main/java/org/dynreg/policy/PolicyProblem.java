package org.dynreg.policy;

/**
 * One problem found in a policy file: the file, and where known the sheet, the row (1-based, as a
 * spreadsheet shows it) and the column letter, the line of a DRL file, or the id of a process's element.
 * A problem with a value an officer typed also carries the column's plain heading (the heading row's text),
 * what was found in the cell (as it shows; "" when blank) and what the column expects, in plain words.
 */
public record PolicyProblem(String file, String sheet, Integer row, String column, Integer line, String element,
                            String message, String heading, String found, String expected) {

    public PolicyProblem(String file, String sheet, Integer row, String column, Integer line, String element, String message) {
        this(file, sheet, row, column, line, element, message, null, null, null);
    }

    public PolicyProblem(String file, String sheet, Integer row, String column, Integer line, String message) {
        this(file, sheet, row, column, line, null, message);
    }

    /** A value in a rule row's cell that its column cannot take, or a required cell left blank. */
    public static PolicyProblem atValue(String file, String sheet, int row, String column, String heading, String found,
                                        String expected, String message) {
        return new PolicyProblem(file, sheet, row, column, null, null, message, heading, found, expected);
    }

    public static PolicyProblem inFile(String file, String message) {
        return new PolicyProblem(file, null, null, null, null, message);
    }

    public static PolicyProblem atCell(String file, String sheet, int row, String column, String message) {
        return new PolicyProblem(file, sheet, row, column, null, message);
    }

    public static PolicyProblem atLine(String file, Integer line, String message) {
        return new PolicyProblem(file, null, null, null, line, message);
    }

    /** A problem in a process file at the element with this id (the process's own id for the whole process). */
    public static PolicyProblem atElement(String file, String element, String message) {
        return new PolicyProblem(file, null, null, null, null, element, message);
    }

    /**
     * Where, as a person would say it: "pmt-scoring.drl.xlsx, sheet Scorecard, cell C12", followed by the column's
     * heading where the problem has one: "..., cell C12 ("Points")".
     */
    public String location() {
        StringBuilder s = new StringBuilder(file);
        if (sheet != null) {
            s.append(", sheet ").append(sheet);
        }
        if (row != null && column != null) {
            s.append(", cell ").append(column).append(row);
        } else if (row != null) {
            s.append(", row ").append(row);
        }
        if (heading != null && !heading.isEmpty()) {
            s.append(" (\"").append(heading).append("\")");
        }
        if (line != null) {
            s.append(", line ").append(line);
        }
        if (element != null) {
            s.append(", element ").append(element);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
