package org.dynreg.policy;

/**
 * One problem found in a policy file: the file, and where known the sheet, the row (1-based, as a
 * spreadsheet shows it) and the column letter, or the line of a DRL file.
 */
public record PolicyProblem(String file, String sheet, Integer row, String column, Integer line, String message) {

    public static PolicyProblem inFile(String file, String message) {
        return new PolicyProblem(file, null, null, null, null, message);
    }

    public static PolicyProblem atCell(String file, String sheet, int row, String column, String message) {
        return new PolicyProblem(file, sheet, row, column, null, message);
    }

    public static PolicyProblem atLine(String file, Integer line, String message) {
        return new PolicyProblem(file, null, null, null, line, message);
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
        return s.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
