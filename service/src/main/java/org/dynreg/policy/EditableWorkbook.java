package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidationConstraint;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.policy.ColumnTypes.Type;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A decision table as the service hands it out to be edited: the same cells and values as stored (so it compiles to
 * the same rules), with what a common slip would break made hard to type. Each rule table's definition rows (the
 * RuleTable, keyword, object type and code rows) and any hidden column are locked by sheet protection without a
 * password (so that anyone can lift it on purpose: Review &gt; Unprotect Sheet in Excel, Tools &gt; Protect Sheet in
 * LibreOffice Calc); the plain heading row, the rule rows, the settings rows and the empty rows below stay editable,
 * and rows may be inserted and deleted. The rule rows get a drop-down for a TRUE/FALSE column and for a column that
 * takes one code of an enumeration, whole-number or decimal validation for a numeric column, and for a column that
 * takes a comma-separated list of codes only an input message (a strict drop-down would refuse a list).
 *
 * <p>What a column takes is read from its code snippet and the Java types of the facts it names by {@link ColumnTypes},
 * the same reading the value check on upload uses: a condition {@code field == $param} on an object type by the
 * field's type, an action's {@code $param} by the parameter it is passed to ({@code new ProgramCutoff("UCT", $param,
 * ...)}, {@code $r.allowAfterMonths($param, ...)}), {@code field == "$param"} by the codes of a getter marked with
 * {@link Codes}. A column whose type cannot be read gets no validation. The stored file is never changed: its exact bytes stay
 * available to download ({@code ?as=stored}).
 */
final class EditableWorkbook {

    /** Empty rows below the last table of a sheet that keep the table's validations, for rules added at its end. */
    static final int ROWS_FOR_NEW_RULES = 50;

    private static final String RULE_TABLE = "RuleTable";
    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    private EditableWorkbook() {
    }

    /** The workbook's bytes with its rule tables protected and validated as described above. */
    static byte[] of(byte[] stored) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(stored))) {
            Styles styles = new Styles(wb);
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                protect(wb.getSheetAt(s), styles);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the workbook could not be prepared for editing: " + e.getMessage(), e);
        }
    }

    /** One rule table of a sheet: its RuleTable row, first rule row and last rule row (0-based), and its columns. */
    record Table(int titleRow, int firstRule, int lastRule, List<TableColumn> columns) {}

    record TableColumn(int index, String keyword, String objectType, String code, String heading) {}

    private static void protect(XSSFSheet sheet, Styles styles) {
        List<Table> tables = tables(sheet);
        if (tables.isEmpty()) {
            return; // a sheet without a rule table (notes of one's own) is not read by the compiler
        }
        int width = 0;
        for (Row row : sheet) {
            width = Math.max(width, row.getLastCellNum());
        }
        width += 10;
        List<Integer> definitionRows = new ArrayList<>();
        for (Table t : tables) {
            for (int r = t.titleRow(); r < t.titleRow() + 4; r++) {
                definitionRows.add(r);
            }
        }
        for (int c = 0; c < width; c++) {
            sheet.setDefaultColumnStyle(c, sheet.isColumnHidden(c) ? styles.locked(0) : styles.unlocked(0));
        }
        for (Row row : sheet) {
            boolean definition = definitionRows.contains(row.getRowNum());
            for (Cell cell : row) {
                boolean lock = definition || sheet.isColumnHidden(cell.getColumnIndex());
                int style = cell.getCellStyle().getIndex();
                cell.setCellStyle(lock ? styles.locked(style) : styles.unlocked(style));
            }
        }
        for (int r : definitionRows) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            row.setRowStyle(styles.locked(0));
            for (int c = 0; c < width; c++) {
                if (row.getCell(c) == null) {
                    row.createCell(c, CellType.BLANK).setCellStyle(styles.locked(0));
                }
            }
        }
        ColumnTypes types = ColumnTypes.of(sheet);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            int last = i == tables.size() - 1 ? Math.max(t.lastRule(), t.firstRule()) + ROWS_FOR_NEW_RULES : t.lastRule();
            if (last < t.firstRule()) {
                continue;
            }
            Map<String, Class<?>> bindings = types.bindings(t.columns().stream().map(TableColumn::objectType).toList());
            for (TableColumn c : t.columns()) {
                Type type = types.of(c.keyword(), c.objectType(), c.code(), bindings);
                if (type == null) {
                    continue;
                }
                validation(helper, type, c.heading()).ifPresent(v -> {
                    DataValidation dv = helper.createValidation(v.constraint(),
                            new CellRangeAddressList(t.firstRule(), last, c.index(), c.index()));
                    dv.setEmptyCellAllowed(true);
                    if (v.error() != null) {
                        dv.setShowErrorBox(true);
                        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
                        dv.createErrorBox(clip(c.heading(), 32), clip(v.error(), 255));
                    } else {
                        dv.setShowErrorBox(false);
                    }
                    dv.setShowPromptBox(true);
                    dv.createPromptBox(clip(c.heading(), 32), clip(v.prompt(), 255));
                    if (v.dropDown()) {
                        dv.setSuppressDropDownArrow(true); // in an .xlsx file this shows the drop-down arrow
                    }
                    sheet.addValidationData(dv);
                });
            }
        }
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockFormatCells(false);
        sheet.lockSort(false);
        sheet.lockAutoFilter(false);
    }

    private record Validation(DataValidationConstraint constraint, String prompt, String error, boolean dropDown) {}

    private static Optional<Validation> validation(DataValidationHelper helper, Type type, String heading) {
        return switch (type.kind()) {
            case SWITCH, BOOLEAN -> Optional.of(new Validation(helper.createExplicitListConstraint(new String[]{"TRUE", "FALSE"}),
                    "TRUE or FALSE (blank: not a condition of the rule)", "\"" + heading + "\" takes TRUE or FALSE, or a blank cell.", true));
            case WHOLE -> Optional.of(new Validation(helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-2000000000", "2000000000"), "A whole number", "\"" + heading + "\" takes a whole number, or a blank cell.", false));
            case NUMBER -> Optional.of(new Validation(helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-1000000000000", "1000000000000"), "A number", "\"" + heading + "\" takes a number, or a blank cell.", false));
            case CODE -> type.codes().isEmpty() || String.join(",", type.codes()).length() > 250 ? Optional.empty()
                    : Optional.of(new Validation(helper.createExplicitListConstraint(type.codes().toArray(String[]::new)),
                    "One of: " + String.join(", ", type.codes()), "\"" + heading + "\" takes one of: " + String.join(", ", type.codes()), true));
            case CODES -> Optional.of(new Validation(new XSSFDataValidationConstraint(
                    DataValidationConstraint.ValidationType.ANY, null),
                    "One code or several separated by commas" + (type.codes().isEmpty() ? "" : ", of: " + String.join(", ", type.codes())),
                    null, false));
            case TEXT -> Optional.empty();
        };
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    // ---- reading the layout the compiler reads ----

    static List<Table> tables(XSSFSheet sheet) {
        List<Table> tables = new ArrayList<>();
        int last = sheet.getLastRowNum();
        int r = 0;
        while (r <= last) {
            if (!ColumnTypes.text(sheet, r, 0).startsWith(RULE_TABLE)) {
                r++;
                continue;
            }
            int title = r;
            List<TableColumn> columns = new ArrayList<>();
            Row keywords = sheet.getRow(title + 1);
            for (int c = 0; keywords != null && c < keywords.getLastCellNum(); c++) {
                String keyword = ColumnTypes.text(sheet, title + 1, c);
                if (!keyword.isEmpty()) {
                    columns.add(new TableColumn(c, keyword, ColumnTypes.text(sheet, title + 2, c), ColumnTypes.text(sheet, title + 3, c), ColumnTypes.text(sheet, title + 4, c)));
                }
            }
            int d = title + 5;
            while (d <= last && !blank(sheet.getRow(d)) && !ColumnTypes.text(sheet, d, 0).startsWith(RULE_TABLE)) {
                d++;
            }
            tables.add(new Table(title, title + 5, d - 1, columns));
            r = d;
        }
        return tables;
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!FORMAT.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Copies of the workbook's cell styles that differ only in being locked or not, made once each. */
    private static final class Styles {
        private final XSSFWorkbook wb;
        private final Map<Integer, XSSFCellStyle> locked = new HashMap<>();
        private final Map<Integer, XSSFCellStyle> unlocked = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
        }

        XSSFCellStyle locked(int style) {
            return copy(style, true, locked);
        }

        XSSFCellStyle unlocked(int style) {
            return copy(style, false, unlocked);
        }

        private XSSFCellStyle copy(int style, boolean lock, Map<Integer, XSSFCellStyle> made) {
            XSSFCellStyle original = wb.getCellStyleAt(style);
            if (original.getLocked() == lock) {
                return original;
            }
            return made.computeIfAbsent(style, s -> {
                XSSFCellStyle c = wb.createCellStyle();
                c.cloneStyleFrom(original);
                c.setLocked(lock);
                return c;
            });
        }
    }
}
