package org.dynreg.features;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The repository's program-eligibility table with one change on its Cut-offs sheet, made cell by
 * cell as an officer would make it in a spreadsheet program.
 */
final class EligibilityTable {
    static final String FILE = "program-eligibility.drl.xlsx";
    private static final String PATH = "decision-tables/" + FILE;
    private static final String CUTOFFS = "Cut-offs";
    /** Columns of the cut-off table: the cut-off's name (as the household is told it), its value, its source. */
    private static final int NAME = 0;
    private static final int VALUE = 2;
    private static final int SOURCE = 3;

    private EligibilityTable() {
    }

    /** {@code cutoff} is the name in the table's first column, e.g. "the standard cut-off". */
    static byte[] withCutoff(String cutoff, int value) {
        return edit(s -> cell(s, cutoff, VALUE).setCellValue(value));
    }

    /** The cut-off written as text instead of a number, as a slip of the keyboard would leave it. */
    static byte[] withCutoffWritten(String cutoff, String text) {
        return edit(s -> cell(s, cutoff, VALUE).setCellValue(text));
    }

    static byte[] withSource(String cutoff, String source) {
        return edit(s -> cell(s, cutoff, SOURCE).setCellValue(source));
    }

    /** The first cell of the sheet reading {@code heading} (a keyword such as CONDITION) made to read {@code text}. */
    static byte[] withHeading(String heading, String text) {
        return edit(s -> {
            for (Row row : s) {
                for (Cell c : row) {
                    if (c.toString().equals(heading)) {
                        c.setCellValue(text);
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no cell reads " + heading + " on sheet " + CUTOFFS + " of " + PATH);
        });
    }

    private static Cell cell(Sheet sheet, String cutoff, int column) {
        for (Row row : sheet) {
            Cell name = row.getCell(NAME);
            if (name != null && name.toString().equals(cutoff)) {
                return row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            }
        }
        throw new IllegalArgumentException("no cut-off named '" + cutoff + "' on sheet " + CUTOFFS + " of " + PATH);
    }

    private static byte[] edit(Consumer<Sheet> change) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(RepositoryFiles.read(PATH)))) {
            change.accept(wb.getSheet(CUTOFFS));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
