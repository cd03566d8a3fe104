package org.dynreg.policy;

/**
 * One problem found in a policy file: the file, and where known the sheet, the row (1-based, as a
 * spreadsheet shows it) and the column letter, the line of a DRL file, or the id of a process's element.
 */
public record PolicyProblem(String file, String sheet, Integer row, String column, Integer line, String element,
                            String message) {

    public PolicyProblem(String file, String sheet, Integer row, String column, Integer line, String message) {
        this(file, sheet, row, column, line, null, message);
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

    /** Where, as a person would say it: "pmt-scoring.drl.xlsx, sheet Scorecard, cell C12". */
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
