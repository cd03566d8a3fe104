package org.dynreg.workflow.engine;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's {@code processes/*.bpmn}, as the build puts them on the class path, each as version
 * {@value #VERSION} and in force: the version the processes had when they were compiled at build time, so cases
 * started then continue on it.
 */
class RepositoryProcessSources implements ProcessSources {
    static final String VERSION = "1.0";
    private static final Pattern PROCESS_ID = Pattern.compile("<(?:\\w+:)?process\\s[^>]*?\\bid=\"([^\"]+)\"");

    private final List<Source> sources;

    RepositoryProcessSources() {
        this("classpath*:processes/*.bpmn");
    }

    RepositoryProcessSources(String pattern) {
        List<Source> found = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
            java.util.Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    found.add(new Source(processId(xml, file.getFilename()), VERSION, xml));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the processes on the class path (" + pattern + ")", e);
        }
        this.sources = List.copyOf(found);
    }

    /** The id of the process a BPMN file holds (its first {@code process} element). */
    static String processId(String xml, String file) {
        Matcher m = PROCESS_ID.matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException(file + " holds no process element with an id");
        }
        return m.group(1);
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    @Override
    public Map<String, String> inForce() {
        Map<String, String> inForce = new LinkedHashMap<>();
        sources.forEach(s -> inForce.put(s.processId(), s.version()));
        return inForce;
    }
}
