package org.dynreg;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice run headless, for the tests that check files against a real office program. It is not
 * part of the build's requirements: tests that use it assume it is on the PATH and are skipped
 * otherwise.
 */
public final class LibreOffice {

    private LibreOffice() {
    }

    /** The soffice (or libreoffice) program on the PATH, if any. */
    public static Optional<Path> soffice() {
        return onPath("soffice").or(() -> onPath("libreoffice"));
    }

    /**
     * Converts a file with the given output filter ("pdf", "xlsx:Calc MS Excel 2007 XML", ...) into
     * the output folder and returns the written file. A profile of its own under the output folder keeps
     * the conversion from waiting on, or changing, a LibreOffice the user has open.
     */
    public static Path convert(Path soffice, Path file, String filter, Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path profile = Files.createTempDirectory(outDir, "profile");
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "-env:UserInstallation=" + profile.toUri(),
                "--convert-to", filter, "--outdir", outDir.toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("soffice did not finish converting " + file + " within 5 minutes");
        }
        String name = file.getFileName().toString();
        String extension = filter.contains(":") ? filter.substring(0, filter.indexOf(':')) : filter;
        Path converted = outDir.resolve(name.substring(0, name.lastIndexOf('.') + 1) + extension);
        if (p.exitValue() != 0 || !Files.isRegularFile(converted)) {
            throw new IllegalStateException("soffice could not convert " + file + " (exit " + p.exitValue() + "): " + output);
        }
        return converted;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
