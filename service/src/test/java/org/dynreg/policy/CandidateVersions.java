package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Candidate policy versions for tests: the repository's bundle with one table changed, edited with POI. */
public final class CandidateVersions {
    public static final String ELIGIBILITY = "decision-tables/program-eligibility.drl.xlsx";

    private CandidateVersions() {
    }

    /**
     * The version whose program-eligibility table has the standard cut-off set to {@code cutoff}, the
     * rest as in the repository; uploaded by {@code uploader} unless a test in this JVM already did.
     */
    public static int withStandardCutoff(Policies policies, int cutoff, String uploader) {
        PolicyFile table = new PolicyFile(ELIGIBILITY, edit(file(ELIGIBILITY).content(), "Cut-offs", "32", String.valueOf(cutoff)));
        List<PolicyFile> bundle = RepositoryPolicy.files().stream().map(f -> f.path().equals(ELIGIBILITY) ? table : f).toList();
        String sha = Hashes.bundleSha256(bundle);
        return policies.versions().stream().filter(v -> v.sha256().equals(sha)).map(BundleSummary::version).findFirst()
                .orElseGet(() -> policies.upload(List.of(table), 1, "standard cut-off " + cutoff, uploader).bundle().version());
    }

    public static PolicyFile file(String path) {
        return RepositoryPolicy.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    /** Replaces the first cell of the sheet whose text equals {@code from}. */
    public static byte[] edit(byte[] workbook, String sheetName, String from, String to) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet(sheetName);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    boolean numeric = cell.getCellType() == CellType.NUMERIC;
                    String text = numeric ? String.valueOf((long) cell.getNumericCellValue()) : cell.toString();
                    if (text.equals(from)) {
                        if (numeric) {
                            cell.setCellValue(Double.parseDouble(to));
                        } else {
                            cell.setCellValue(to);
                        }
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        wb.write(out);
                        return out.toByteArray();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(from + " not found on " + sheetName);
    }
}
