package org.dynreg.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's own policy files (decision-tables/, processes/ and rules/ at the top of the repository), read
 * where they live so that tests exercise the real tables, and compiled once per test JVM.
 */
public final class RepositoryPolicy {
    private static CompiledPolicy compiled;

    private RepositoryPolicy() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("decision-tables"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("decision-tables/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static List<PolicyFile> files() {
        List<PolicyFile> files = new ArrayList<>();
        for (String sub : List.of("decision-tables", "processes", "rules")) {
            try (Stream<Path> paths = Files.list(root().resolve(sub))) {
                for (Path p : paths.sorted().toList()) {
                    if (PolicyFile.kindOf(p.getFileName().toString()) != null) {
                        files.add(new PolicyFile(sub + "/" + p.getFileName(), Files.readAllBytes(p)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    public static synchronized CompiledPolicy compiled() {
        if (compiled == null) {
            compiled = new PolicyCompiler().compile(1, files());
        }
        return compiled;
    }
}
