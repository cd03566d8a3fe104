package org.dynreg.indicators;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The indicator workbook of a report made by hand, read back with POI. */
class IndicatorWorkbookTest {

    static XSSFWorkbook workbook() throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(IndicatorWorkbook.write(SampleIndicatorReport.report())));
    }

    /** The first row whose first cell reads {@code text}. */
    static Row rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith(text)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + text + "' on " + sheet.getSheetName());
    }

    /** The rows of the table that follows the row {@code header}, until the first empty row. */
    static List<Row> tableAfter(Sheet sheet, Row header) {
        List<Row> rows = new ArrayList<>();
        for (int r = header.getRowNum() + 1; sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null; r++) {
            rows.add(sheet.getRow(r));
        }
        return rows;
    }

    static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : String.valueOf(c.getNumericCellValue())));
        return out;
    }

    static Row find(List<Row> rows, String... firstCells) {
        return rows.stream().filter(r -> {
            for (int i = 0; i < firstCells.length; i++) {
                if (!firstCells[i].equals(r.getCell(i).getStringCellValue())) {
                    return false;
                }
            }
            return true;
        }).findFirst().orElseThrow(() -> new AssertionError("no row " + String.join(", ", firstCells)));
    }

    @Test
    void aSummaryAndOneSheetPerIndicatorInTheReportsOrder() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("Summary", "Households", "Kacha housing", "Disability");
            Sheet s = wb.getSheet("Summary");
            assertThat(rowStartingWith(s, "Scope").getCell(1).getStringCellValue()).isEqualTo("whole registry");
            assertThat(rowStartingWith(s, "Computed at").getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 6, 30, 8, 15));
            assertThat(rowStartingWith(s, "Households").getCell(1).getNumericCellValue()).isEqualTo(2_300);
            assertThat(rowStartingWith(s, "National and regional figures beyond").getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(rowStartingWith(s, "Districts ranked from").getCell(1).getNumericCellValue()).isEqualTo(100);
        }
    }

    @Test
    void theSummaryGivesNationalFiguresAndEveryRegionalFigureBesideThePublishedOneFlaggingThoseBeyondOnePoint() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            Sheet s = wb.getSheet("Summary");
            Row nationalHeader = s.getRow(rowStartingWith(s, "National figures").getRowNum() + 1);
            assertThat(texts(nationalHeader)).containsExactly("Indicator", "Measure", "Registry", "Published", "Difference", "Beyond the tolerance");
            List<Row> national = tableAfter(s, nationalHeader);
            assertThat(national).hasSize(6);
            Row kacha = find(national, "Kacha housing", "Kacha houses %");
            assertThat(kacha.getCell(2).getNumericCellValue()).isEqualTo(50.0);
            assertThat(kacha.getCell(3).getNumericCellValue()).isEqualTo(55.0);
            assertThat(kacha.getCell(4).getNumericCellValue()).isEqualTo(-5.0);
            assertThat(kacha.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("+0.0;-0.0;0.0");
            assertThat(kacha.getCell(5).getStringCellValue()).isEqualTo("yes");
            Row size = find(national, "Households", "Average household size");
            assertThat(size.getCell(4).getNumericCellValue()).isEqualTo(-0.07);
            assertThat(size.getCell(5)).as("an average is never flagged").isNull();

            Row regionalHeader = s.getRow(rowStartingWith(s, "Regional figures").getRowNum() + 1);
            assertThat(texts(regionalHeader)).containsExactly("Indicator", "Measure", "Region", "Registry", "Published", "Difference",
                    "Beyond the tolerance");
            List<Row> regional = tableAfter(s, regionalHeader);
            assertThat(regional).as("6 measures x 3 regions").hasSize(18);
            Row punjab = find(regional, "Kacha housing", "Kacha houses %", "PUNJAB");
            assertThat(punjab.getCell(5).getNumericCellValue()).isEqualTo(0.6);
            assertThat(punjab.getCell(6)).as("0.6 points is within 1").isNull();
            Row sindh = find(regional, "Kacha housing", "Kacha houses %", "SINDH");
            assertThat(sindh.getCell(5).getNumericCellValue()).isEqualTo(6.0);
            assertThat(sindh.getCell(6).getStringCellValue()).isEqualTo("yes");
            XSSFFont red = ((XSSFWorkbook) s.getWorkbook()).getFontAt(sindh.getCell(5).getCellStyle().getFontIndex());
            assertThat(red.getBold()).isTrue();
            Row islamabad = find(regional, "Kacha housing", "Kacha houses %", "ISLAMABAD");
            assertThat(islamabad.getCell(3).getCellType()).as("no households: no figure").isEqualTo(CellType.BLANK);
            assertThat(islamabad.getCell(4).getNumericCellValue()).isEqualTo(18.0);
            Row men = find(regional, "Disability", "Male members disabled %", "SINDH");
            assertThat(men.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(men.getCell(6).getStringCellValue()).isEqualTo("not compared");
            assertThat(rowStartingWith(s, "Disability: The annual report does not say").getCell(0).getStringCellValue())
                    .contains("Only the household figure is compared");
        }
    }

    @Test
    void anIndicatorSheetHasTheRegionalTableWithTheNationalRowLast() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            Sheet k = wb.getSheet("Kacha housing");
            assertThat(k.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kacha housing");
            assertThat(k.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Walls of mud make a house kacha.");
            Row header = k.getRow(IndicatorWorkbook.TABLE_HEADER);
            assertThat(texts(header)).containsExactly("Region", "Households", "Kacha houses % (registry)", "Kacha houses % (published)",
                    "Kacha houses % (difference)", "Pacca houses % (registry)", "Pacca houses % (published)", "Pacca houses % (difference)");
            List<Row> rows = tableAfter(k, header);
            assertThat(rows).extracting(r -> r.getCell(0).getStringCellValue()).containsExactly("PUNJAB", "SINDH", "ISLAMABAD", "PAKISTAN");
            assertThat(rows.get(0).getCell(1).getNumericCellValue()).isEqualTo(1_500);
            assertThat(rows.get(0).getCell(2).getNumericCellValue()).isEqualTo(48.6);
            assertThat(rows.get(0).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(rows.get(1).getCell(4).getNumericCellValue()).isEqualTo(6.0);
            assertThat(rows.get(3).getCell(3).getNumericCellValue()).isEqualTo(55.0);
            assertThat(rows.get(3).getCell(6).getCellType()).as("pacca was not published").isEqualTo(CellType.BLANK);

            Sheet h = wb.getSheet("Households");
            Row pakistan = tableAfter(h, h.getRow(IndicatorWorkbook.TABLE_HEADER)).get(3);
            assertThat(pakistan.getCell(3).getNumericCellValue()).isEqualTo(35_645_850);
            assertThat(pakistan.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(pakistan.getCell(5).getNumericCellValue()).isEqualTo(5.13);
            assertThat(pakistan.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        }
    }

    @Test
    void theChartComparesTheRegistrysAndThePublishedFigureOfEachRegionFromTheTable() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            XSSFSheet k = wb.getSheet("Kacha housing");
            List<XSSFChart> charts = k.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            XSSFChart chart = charts.get(0);
            assertThat(chart.getTitleText().getString()).isEqualTo("Kacha houses %: registry and published, by region");
            XDDFBarChartData bars = (XDDFBarChartData) chart.getChartSeries().get(0);
            assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
            assertThat(bars.getSeriesCount()).isEqualTo(2);
            XDDFChartData.Series registry = bars.getSeries(0);
            XDDFChartData.Series published = bars.getSeries(1);
            assertThat(registry.getCategoryData().getDataRangeReference()).as("the regions, not the national row").isEqualTo("'Kacha housing'!$A$5:$A$7");
            assertThat(registry.getValuesData().getDataRangeReference()).isEqualTo("'Kacha housing'!$C$5:$C$7");
            assertThat(published.getValuesData().getDataRangeReference()).isEqualTo("'Kacha housing'!$D$5:$D$7");
            assertThat(((XDDFBarChartData.Series) registry).getCTBarSer().getTx().getStrRef().getF()).isEqualTo("'Kacha housing'!$C$4");
            var anchor = k.getDrawingPatriarch().getCTDrawing().getTwoCellAnchorArray(0);
            assertThat(anchor.getFrom().getRow()).as("under the table and its notes")
                    .isGreaterThan(rowStartingWith(k, "A difference of more than").getRowNum());
            assertThat(anchor.getTo().getRow()).as("above the district tables")
                    .isLessThan(rowStartingWith(k, "Highest five districts in the registry").getRowNum());

            XDDFBarChartData sizes = (XDDFBarChartData) wb.getSheet("Households").getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0);
            assertThat(sizes.getSeries(0).getValuesData().getDataRangeReference()).as("ranked by average size, the second measure")
                    .isEqualTo("Households!$F$5:$F$7");
        }
    }

    @Test
    void theHighestAndLowestDistrictsOfTheRegistryAndOfThePublishedListsFollowTheChart() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            Sheet k = wb.getSheet("Kacha housing");
            Row title = rowStartingWith(k, "Highest five districts in the registry");
            assertThat(title.getCell(0).getStringCellValue()).contains("at least 100 households");
            Row header = k.getRow(title.getRowNum() + 1);
            assertThat(texts(header)).containsExactly("Region", "District", "Households", "Kacha houses % (registry)",
                    "Pacca houses % (registry)", "Kacha houses % (published)");
            List<Row> highest = tableAfter(k, header);
            assertThat(highest).extracting(r -> r.getCell(1).getStringCellValue()).containsExactly("Tharparkar", "Narowal", "Lahore");
            assertThat(highest.get(0).getCell(3).getNumericCellValue()).isEqualTo(93.25);
            assertThat(highest.get(0).getCell(2).getNumericCellValue()).isEqualTo(800);
            List<Row> lowest = tableAfter(k, k.getRow(rowStartingWith(k, "Lowest five districts in the registry").getRowNum() + 1));
            assertThat(lowest.get(0).getCell(1).getStringCellValue()).isEqualTo("Lahore");

            List<Row> publishedLowest = tableAfter(k, k.getRow(rowStartingWith(k, "Lowest five districts as published").getRowNum() + 1));
            assertThat(publishedLowest).singleElement().satisfies(r -> {
                assertThat(r.getCell(1).getStringCellValue()).isEqualTo("Karachi South");
                assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(8.0);
                assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(10.0);
                assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(2.0);
            });
            Row sherani = tableAfter(k, k.getRow(rowStartingWith(k, "Highest five districts as published").getRowNum() + 1)).get(0);
            assertThat(sherani.getCell(3).getCellType()).as("not in the registry").isEqualTo(CellType.BLANK);

            Sheet h = wb.getSheet("Households");
            assertThat(h.getRow(rowStartingWith(h, "Highest five districts as published").getRowNum() + 1).getCell(0).getStringCellValue())
                    .startsWith("none");
        }
    }
}
