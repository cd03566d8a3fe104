package org.dynreg.audit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.LibreOffice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The what-if and budget workbooks read back with POI: sheets, figures as numbers, and charts whose
 * series point at the right cells. Where LibreOffice is installed, it must also open and print them.
 */
class WhatIfWorkbookTest {

    static final Instant RAN_AT = Instant.parse("2025-03-04T09:15:30Z");
    static final long TRANSFER = 10_500;
    static final int PAYMENTS = 4;

    /** District figures of a sample run: province, district, households, eligible before, after, newly ineligible. */
    static final Object[][] DISTRICTS = {
            {"PUNJAB", "Rajanpur", 14_200L, 5_610L, 6_240L, 120L},
            {"PUNJAB", "Muzaffargarh", 27_000L, 9_180L, 10_050L, 310L},
            {"SINDH", "Tharparkar", 11_400L, 5_130L, 5_610L, 90L},
            {"SINDH", "Badin", 12_500L, 4_750L, 5_300L, 140L},
            {"KHYBER_PAKHTUNKHWA", "Kohistan", 6_300L, 2_710L, 2_980L, 45L},
            {"KHYBER_PAKHTUNKHWA", "Swat", 9_500L, 2_660L, 3_020L, 80L},
            {"BALOCHISTAN", "Washuk", 2_400L, 1_220L, 1_330L, 15L},
            {"BALOCHISTAN", "Kech", 3_700L, 1_480L, 1_640L, 30L},
            {"ISLAMABAD", "Islamabad", 700L, 90L, 105L, 5L},
            {"AJK", "Muzaffarabad", 1_600L, 380L, 430L, 10L},
            {"GILGIT_BALTISTAN", "Ghizer", 900L, 260L, 300L, 5L},
    };

    static WhatIfReport.Area area(String province, String district, long households, long before, long after, long newlyIneligible) {
        return new WhatIfReport.Area(province, district, households, before, after, after - before + newlyIneligible, newlyIneligible,
                before * TRANSFER * PAYMENTS, after * TRANSFER * PAYMENTS);
    }

    static WhatIfReport.Area sum(String province, List<WhatIfReport.Area> areas) {
        return new WhatIfReport.Area(province, null,
                areas.stream().mapToLong(WhatIfReport.Area::households).sum(),
                areas.stream().mapToLong(WhatIfReport.Area::eligibleBefore).sum(),
                areas.stream().mapToLong(WhatIfReport.Area::eligibleAfter).sum(),
                areas.stream().mapToLong(WhatIfReport.Area::newlyEligible).sum(),
                areas.stream().mapToLong(WhatIfReport.Area::newlyIneligible).sum(),
                areas.stream().mapToLong(WhatIfReport.Area::yearlyCostBefore).sum(),
                areas.stream().mapToLong(WhatIfReport.Area::yearlyCostAfter).sum());
    }

    /**
     * A run of version 4 (cut-off raised) against version 3. docs/images/what-if-report.png is its chart:
     * the workbook printed to PDF by LibreOffice and the chart cut out of page 2 with pdftoppm.
     */
    static WhatIfReport sampleReport() {
        List<WhatIfReport.Area> districts = new ArrayList<>();
        Map<String, List<WhatIfReport.Area>> byProvince = new LinkedHashMap<>();
        for (Object[] d : DISTRICTS) {
            WhatIfReport.Area a = area((String) d[0], (String) d[1], (long) d[2], (long) d[3], (long) d[4], (long) d[5]);
            districts.add(a);
            byProvince.computeIfAbsent(a.province(), p -> new ArrayList<>()).add(a);
        }
        List<WhatIfReport.Area> provinces = byProvince.entrySet().stream().map(e -> sum(e.getKey(), e.getValue())).toList();
        return new WhatIfReport(3, "a".repeat(64), 4, "b".repeat(64), "UCT", null, TRANSFER, PAYMENTS, RAN_AT, "policy.officer",
                sum(null, provinces), provinces, districts);
    }

    static BudgetPlan samplePlan() {
        List<BudgetPlan.Coverage> districts = List.of(
                new BudgetPlan.Coverage("PUNJAB", "Rajanpur", 14_200, 5_900, 5_900 * TRANSFER * PAYMENTS),
                new BudgetPlan.Coverage("PUNJAB", "Muzaffargarh", 27_000, 9_600, 9_600 * TRANSFER * PAYMENTS),
                new BudgetPlan.Coverage("SINDH", "Tharparkar", 11_400, 5_350, 5_350 * TRANSFER * PAYMENTS),
                new BudgetPlan.Coverage("BALOCHISTAN", "Washuk", 2_400, 0, 0));
        List<BudgetPlan.Coverage> provinces = List.of(
                new BudgetPlan.Coverage("PUNJAB", null, 41_200, 15_500, 15_500 * TRANSFER * PAYMENTS),
                new BudgetPlan.Coverage("SINDH", null, 11_400, 5_350, 5_350 * TRANSFER * PAYMENTS),
                new BudgetPlan.Coverage("BALOCHISTAN", null, 2_400, 0, 0));
        return new BudgetPlan(4, "c".repeat(64), "UCT", "whole registry", 900_000_000L, TRANSFER, PAYMENTS, 33, 20_850 * TRANSFER * PAYMENTS,
                RAN_AT, "policy.officer", new BudgetPlan.Coverage(null, null, 55_000, 20_850, 20_850 * TRANSFER * PAYMENTS),
                provinces, districts);
    }

    static XSSFWorkbook read(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The value cell next to the label in column A, on a label-and-value sheet. */
    static Cell valueOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row.getCell(1);
            }
        }
        throw new AssertionError("no line '" + label + "' on sheet " + sheet.getSheetName());
    }

    static List<String> headers(Sheet sheet) {
        List<String> out = new ArrayList<>();
        sheet.getRow(0).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    static XSSFChart onlyChart(XSSFSheet sheet) {
        assertThat(sheet.getDrawingPatriarch()).as("a drawing on " + sheet.getSheetName()).isNotNull();
        List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
        assertThat(charts).hasSize(1);
        return charts.get(0);
    }

    static String seriesTitleReference(XDDFChartData.Series series) {
        return ((XDDFBarChartData.Series) series).getCTBarSer().getTx().getStrRef().getF();
    }

    @Test
    void theSummaryNamesTheRunAndGivesTheNationalTotals() throws Exception {
        WhatIfReport report = sampleReport();

        try (XSSFWorkbook wb = read(WhatIfWorkbook.write(report))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            assertThat(wb.getSheetName(0)).isEqualTo("Summary");
            assertThat(wb.getSheetName(1)).isEqualTo("Provinces");
            assertThat(wb.getSheetName(2)).isEqualTo("Districts");
            assertThat(wb.getSheetName(3)).isEqualTo("Causes");
            assertThat(wb.getSheetName(4)).isEqualTo("Sample");
            Sheet s = wb.getSheet("Summary");
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("What-if report: UCT");
            assertThat(valueOf(s, "Version in force (before)").getNumericCellValue()).isEqualTo(3);
            assertThat(valueOf(s, "Candidate version (after)").getNumericCellValue()).isEqualTo(4);
            assertThat(valueOf(s, "Households selected by").getStringCellValue()).isEqualTo(WhatIfWorkbook.WHOLE_REGISTRY);
            assertThat(valueOf(s, "Transfer amount (PKR)").getNumericCellValue()).isEqualTo(10_500);
            assertThat(valueOf(s, "Payments per year").getNumericCellValue()).isEqualTo(4);
            assertThat(valueOf(s, "Ran by").getStringCellValue()).isEqualTo("policy.officer");
            Cell ranAt = valueOf(s, "Ran at (UTC)");
            assertThat(ranAt.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 4, 9, 15, 30));
            assertThat(ranAt.getCellStyle().getDataFormatString()).isEqualTo(org.dynreg.spreadsheet.ReportSheets.TIME_FORMAT);
            List<String> shas = new ArrayList<>();
            s.forEach(row -> {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Its bundle sha256")) {
                    shas.add(row.getCell(1).getStringCellValue());
                }
            });
            assertThat(shas).containsExactly("a".repeat(64), "b".repeat(64));

            WhatIfReport.Area n = report.national();
            assertThat(n.households()).isEqualTo(90_200);
            assertThat(valueOf(s, "Households").getNumericCellValue()).isEqualTo(90_200);
            assertThat(valueOf(s, "Eligible before (version 3)").getNumericCellValue()).isEqualTo(n.eligibleBefore());
            assertThat(valueOf(s, "Eligible after (version 4)").getNumericCellValue()).isEqualTo(n.eligibleAfter());
            assertThat(valueOf(s, "Newly eligible").getNumericCellValue()).isEqualTo(n.newlyEligible());
            assertThat(valueOf(s, "Newly ineligible").getNumericCellValue()).isEqualTo(n.newlyIneligible());
            assertThat(valueOf(s, "Yearly cost before (PKR)").getNumericCellValue()).isEqualTo(n.yearlyCostBefore());
            Cell difference = valueOf(s, "Difference in yearly cost (PKR)");
            assertThat(difference.getNumericCellValue()).isEqualTo(n.yearlyCostAfter() - n.yearlyCostBefore()).isPositive();
            assertThat(difference.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
    }

    @Test
    void aFilterIsShownAsGiven() throws Exception {
        WhatIfReport r = sampleReport();
        WhatIfReport filtered = new WhatIfReport(r.baselineVersion(), r.baselineSha256(), r.candidateVersion(), r.candidateSha256(),
                r.program(), "province=SINDH", r.transferAmount(), r.paymentsPerYear(), r.ranAt(), r.ranBy(), r.national(),
                r.provinces(), r.districts());

        try (XSSFWorkbook wb = read(WhatIfWorkbook.write(filtered))) {
            assertThat(valueOf(wb.getSheet("Summary"), "Households selected by").getStringCellValue()).isEqualTo("province=SINDH");
        }
    }

    @Test
    void provincesAndDistrictsHaveOneRowPerAreaWithTheSameFigures() throws Exception {
        WhatIfReport report = sampleReport();

        try (XSSFWorkbook wb = read(WhatIfWorkbook.write(report))) {
            Sheet provinces = wb.getSheet("Provinces");
            Sheet districts = wb.getSheet("Districts");
            List<String> figures = List.of("Households", "Eligible before (version 3)", "Eligible after (version 4)",
                    "Newly eligible", "Newly ineligible", "Yearly cost before (PKR)", "Yearly cost after (PKR)",
                    "Difference in yearly cost (PKR)");
            assertThat(headers(provinces)).first().isEqualTo("Province");
            assertThat(headers(provinces).subList(1, 9)).isEqualTo(figures);
            assertThat(headers(districts).subList(0, 2)).containsExactly("Province", "District");
            assertThat(headers(districts).subList(2, 10)).isEqualTo(figures);
            assertThat(provinces.getLastRowNum()).isEqualTo(7);
            assertThat(districts.getLastRowNum()).isEqualTo(11);

            Row sindh = provinces.getRow(2);
            assertThat(sindh.getCell(0).getStringCellValue()).isEqualTo("SINDH");
            assertThat(sindh.getCell(1).getNumericCellValue()).isEqualTo(23_900);
            assertThat(sindh.getCell(2).getNumericCellValue()).isEqualTo(9_880);
            assertThat(sindh.getCell(3).getNumericCellValue()).isEqualTo(10_910);
            assertThat(sindh.getCell(7).getNumericCellValue()).isEqualTo(10_910L * 42_000);
            assertThat(sindh.getCell(8).getNumericCellValue()).isEqualTo((10_910L - 9_880L) * 42_000);
            assertThat(sindh.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0");

            Row kech = districts.getRow(8);
            assertThat(kech.getCell(0).getStringCellValue()).isEqualTo("BALOCHISTAN");
            assertThat(kech.getCell(1).getStringCellValue()).isEqualTo("Kech");
            assertThat(kech.getCell(2).getNumericCellValue()).isEqualTo(3_700);
            assertThat(kech.getCell(6).getNumericCellValue()).isEqualTo(30);
            assertThat(kech.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void theProvincesSheetChartsEligibleHouseholdsBeforeAndAfterFromItsOwnCells() throws Exception {
        try (XSSFWorkbook wb = read(WhatIfWorkbook.write(sampleReport()))) {
            XSSFChart chart = onlyChart(wb.getSheet("Provinces"));

            assertThat(chart.getTitleText().getString()).isEqualTo("Eligible households by province, version 3 and version 4");
            assertThat(chart.getChartSeries()).singleElement().isInstanceOf(XDDFBarChartData.class);
            XDDFBarChartData bars = (XDDFBarChartData) chart.getChartSeries().get(0);
            assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
            assertThat(bars.getBarGrouping()).isEqualTo(BarGrouping.CLUSTERED);
            assertThat(bars.getSeriesCount()).isEqualTo(2);
            XDDFChartData.Series before = bars.getSeries(0);
            XDDFChartData.Series after = bars.getSeries(1);
            assertThat(before.getCategoryData().getDataRangeReference()).isEqualTo("Provinces!$A$2:$A$8");
            assertThat(before.getValuesData().getDataRangeReference()).isEqualTo("Provinces!$C$2:$C$8");
            assertThat(after.getCategoryData().getDataRangeReference()).isEqualTo("Provinces!$A$2:$A$8");
            assertThat(after.getValuesData().getDataRangeReference()).isEqualTo("Provinces!$D$2:$D$8");
            assertThat(seriesTitleReference(before)).isEqualTo("Provinces!$C$1");
            assertThat(seriesTitleReference(after)).isEqualTo("Provinces!$D$1");
            assertThat(wb.getSheet("Provinces").getRow(0).getCell(2).getStringCellValue()).isEqualTo("Eligible before (version 3)");
            assertThat(chart.getAxes()).hasSize(2);
        }
    }

    @Test
    void noChartWithoutProvinces() throws Exception {
        WhatIfReport r = sampleReport();
        WhatIfReport empty = new WhatIfReport(r.baselineVersion(), r.baselineSha256(), r.candidateVersion(), r.candidateSha256(),
                r.program(), "province=NONE", r.transferAmount(), r.paymentsPerYear(), r.ranAt(), r.ranBy(),
                new WhatIfReport.Area(null, null, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of());

        try (XSSFWorkbook wb = read(WhatIfWorkbook.write(empty))) {
            assertThat(wb.getSheet("Provinces").getLastRowNum()).isZero();
            assertThat(wb.getSheet("Provinces").getDrawingPatriarch()).isNull();
            assertThat(valueOf(wb.getSheet("Summary"), "Households").getNumericCellValue()).isZero();
        }
    }

    @Test
    void theBudgetPlanGivesItsParametersCutoffAndCoverage() throws Exception {
        try (XSSFWorkbook wb = read(WhatIfWorkbook.write(samplePlan()))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("Budget plan", "Provinces", "Districts");
            Sheet s = wb.getSheet("Budget plan");
            assertThat(valueOf(s, "Yearly budget (PKR)").getNumericCellValue()).isEqualTo(900_000_000);
            assertThat(valueOf(s, "Chosen cut-off (highest score covered)").getNumericCellValue()).isEqualTo(33);
            assertThat(valueOf(s, "Yearly cost at that cut-off (PKR)").getNumericCellValue()).isEqualTo(875_700_000);
            assertThat(valueOf(s, "Covered at cut-off 33").getNumericCellValue()).isEqualTo(20_850);
            assertThat(valueOf(s, "Share covered").getNumericCellValue()).isCloseTo(20_850.0 / 55_000, offset(1e-9));

            Sheet provinces = wb.getSheet("Provinces");
            assertThat(headers(provinces)).containsExactly("Province", "Households", "Covered at cut-off 33", "Yearly cost (PKR)", "Share covered");
            assertThat(provinces.getRow(3).getCell(0).getStringCellValue()).isEqualTo("BALOCHISTAN");
            assertThat(provinces.getRow(3).getCell(2).getNumericCellValue()).isZero();
            assertThat(provinces.getRow(3).getCell(4).getNumericCellValue()).isZero();
            Sheet districts = wb.getSheet("Districts");
            assertThat(headers(districts)).startsWith("Province", "District");
            assertThat(districts.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Muzaffargarh");
            assertThat(districts.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(9_600);

            XSSFChart chart = onlyChart(wb.getSheet("Provinces"));
            XDDFBarChartData bars = (XDDFBarChartData) chart.getChartSeries().get(0);
            assertThat(bars.getSeriesCount()).isEqualTo(1);
            assertThat(bars.getSeries(0).getCategoryData().getDataRangeReference()).isEqualTo("Provinces!$A$2:$A$4");
            assertThat(bars.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("Provinces!$C$2:$C$4");
            assertThat(seriesTitleReference(bars.getSeries(0))).isEqualTo("Provinces!$C$1");
        }
    }

    @Test
    void aBudgetTooSmallForAnyCutoffSaysSo() throws Exception {
        BudgetPlan p = samplePlan();
        BudgetPlan none = new BudgetPlan(p.policyVersion(), p.policySha256(), p.program(), p.filter(), 1_000, p.transferAmount(), p.paymentsPerYear(),
                null, 0, p.ranAt(), p.ranBy(), new BudgetPlan.Coverage(null, null, 55_000, 0, 0), List.of(), List.of());

        try (XSSFWorkbook wb = read(WhatIfWorkbook.write(none))) {
            assertThat(valueOf(wb.getSheet("Budget plan"), "Chosen cut-off").getStringCellValue()).startsWith("none");
            assertThat(valueOf(wb.getSheet("Budget plan"), "Covered").getNumericCellValue()).isZero();
        }
    }

    @Test
    void libreOfficeOpensBothWorkbooksAndPrintsThem(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = LibreOffice.soffice();
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        Path report = Files.write(dir.resolve("what-if.xlsx"), WhatIfWorkbook.write(sampleReport()));
        Path plan = Files.write(dir.resolve("budget-plan.xlsx"), WhatIfWorkbook.write(samplePlan()));

        for (Path workbook : List.of(report, plan)) {
            Path pdf = LibreOffice.convert(soffice.get(), workbook, "pdf", dir.resolve("pdf"));

            String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("%PDF-");
            assertThat(Pattern.compile("/Type\\s*/Page(?!s)").matcher(text).results().count())
                    .as("one printed page per sheet, each table with its chart").isEqualTo(workbook == report ? 5 : 3);
        }
    }
}
