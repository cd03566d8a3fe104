package org.dynreg.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's own policy files and reference households, read where they live, so that the
 * scenarios change the very tables a policy officer edits.
 */
final class RepositoryFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RepositoryFiles() {
    }

    /** The top of the repository: the nearest directory above the working directory that holds decision-tables/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("decision-tables"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("decision-tables/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** A file of the repository by its path from the top, e.g. decision-tables/program-eligibility.drl.xlsx. */
    static byte[] read(String path) {
        try {
            return Files.readAllBytes(root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The survey of a reference household, e.g. cutoff-33-standard-not-eligible, as its file holds it. */
    static ObjectNode referenceSurvey(String household) {
        try {
            return (ObjectNode) JSON.readTree(read("decision-tables/reference-households/" + household + ".json")).get("survey");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
