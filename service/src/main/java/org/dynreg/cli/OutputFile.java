package org.dynreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file a command writes where its user asked; one that cannot be written is refused like bad input (exit 2). */
final class OutputFile {
    private OutputFile() {
    }

    static void write(String file, byte[] bytes) {
        try {
            Files.write(Path.of(file), bytes);
        } catch (IOException e) {
            throw new CliFailure(CliFailure.REFUSED, file + " could not be written: " + e.getMessage());
        }
    }
}
