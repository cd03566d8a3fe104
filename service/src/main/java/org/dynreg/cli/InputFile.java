package org.dynreg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A text file a command reads (a survey); one that is missing or unreadable is refused like bad input (exit 2). */
final class InputFile {
    private InputFile() {
    }

    static String read(String fileName) {
        Path file = Path.of(fileName);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(CliFailure.REFUSED, "no such file: " + file);
        } catch (IOException e) {
            throw new CliFailure(CliFailure.REFUSED, file + " could not be read: " + e.getMessage());
        }
    }
}
