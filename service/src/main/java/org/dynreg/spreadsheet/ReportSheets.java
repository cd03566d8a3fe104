package org.dynreg.spreadsheet;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Sheets and charts drawn the same way in every report workbook, so that the reports read and print
 * alike in Excel and LibreOffice Calc.
 */
public final class ReportSheets {
    private static final PresetColor[] COLOURS = {PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE};
    /** How every report shows a moment: to the second, in the notation of Excel's number formats. */
    public static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private ReportSheets() {
    }

    /** The cell styles every report workbook shares: column headers, sheet titles, bold labels and moments. */
    public record Styles(CellStyle header, CellStyle title, CellStyle bold, CellStyle time) {
        public static Styles of(XSSFWorkbook wb) {
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            CellStyle header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle title = wb.createCellStyle();
            title.setFont(titleFont);
            CellStyle bold = wb.createCellStyle();
            bold.setFont(boldFont);
            return new Styles(header, title, bold, format(wb, TIME_FORMAT));
        }
    }

    /** A cell style that shows numbers or moments in the given format (Excel's notation). */
    public static CellStyle format(XSSFWorkbook wb, String pattern) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(pattern));
        return style;
    }

    /** A new sheet printed one page wide in landscape, so that a table never splits from its own columns. */
    public static XSSFSheet sheet(XSSFWorkbook wb, String name) {
        XSSFSheet sheet = wb.createSheet(name);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        return sheet;
    }

    public static byte[] bytes(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /**
     * Where a chart goes on its sheet: from row {@code top}, {@code rows} rows high and {@code columns}
     * columns wide, starting at the first column.
     */
    public record Placement(int top, int rows, int columns) {
    }

    /**
     * A clustered horizontal bar chart of a table on the same sheet: the categories are column A of the
     * {@code rows} rows under {@code headerRow}, in the table's order, one bar per value column, each
     * series named by (and linked to) its column header. The bars read the cells, so a figure corrected in
     * the sheet moves its bar.
     */
    public static XSSFChart barChart(XSSFSheet sheet, int headerRow, int rows, List<Integer> valueColumns, String title,
                                     String valueTitle, String numberFormat, Placement at) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, at.top(), at.columns(), at.top() + at.rows());
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);

        XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
        categories.setTitle(sheet.getRow(headerRow).getCell(0).getStringCellValue());
        // horizontal bars are drawn bottom-up: reverse them so they read in the table's order
        categories.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
        values.setTitle(valueTitle);
        values.setNumberFormat(numberFormat);
        values.setCrosses(AxisCrosses.MAX);
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        values.getOrAddMajorGridProperties();

        int first = headerRow + 1;
        int last = headerRow + rows;
        XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(first, last, 0, 0));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        data.setBarDirection(BarDirection.BAR);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        for (int i = 0; i < valueColumns.size(); i++) {
            int col = valueColumns.get(i);
            XDDFChartData.Series series = data.addSeries(names,
                    XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(first, last, col, col)));
            series.setTitle(sheet.getRow(headerRow).getCell(col).getStringCellValue(),
                    new CellReference(sheet.getSheetName(), headerRow, col, true, true));
            XDDFShapeProperties look = new XDDFShapeProperties();
            look.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(COLOURS[i % COLOURS.length])));
            series.setShapeProperties(look);
        }
        chart.plot(data);
        return chart;
    }
}
