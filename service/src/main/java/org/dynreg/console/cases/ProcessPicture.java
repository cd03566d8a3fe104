package org.dynreg.console.cases;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.ProcessDiagram;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's picture, to be put into the page itself: the SVG that {@code workflow.ProcessDiagram} draws from the
 * file of the process version the case runs on (the shipped picture, static/console/processes/, when that file is not
 * at hand), with the steps the case is at marked by the
 * class {@code current}, and a title naming them as its text alternative. The picture's own {@code <style>} is left
 * out (the pages allow no inline style); console.css holds the same rules under {@code .dynreg-diagram}.
 */
@Component
class ProcessPicture {
    static final String LOCATION = "static/console/processes/";
    private static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern STYLE = Pattern.compile("\\s*<style>.*?</style>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title>.*?</title>", Pattern.DOTALL);
    private static final Pattern SVG = Pattern.compile("<svg xmlns=\"http://www.w3.org/2000/svg\" (viewBox=\"[^\"]*\") width=\"([^\"]*)\" height=\"([^\"]*)\">");

    private final Map<String, String> pictures = new ConcurrentHashMap<>();
    private final Cases cases;

    ProcessPicture(Cases cases) {
        this.cases = cases;
    }

    /**
     * The picture of the version of the process the case runs on, as inline SVG (drawn from that version's file; the
     * shipped picture of the process when the version's file is not at hand), or null when there is no picture.
     */
    String svg(String processId, String version, Collection<String> current, String alternative) {
        if (processId == null || !PROCESS_ID.matcher(processId).matches()) {
            return null;
        }
        String svg = pictures.computeIfAbsent(processId + ":" + version, k -> drawn(processId, version));
        if (svg.isEmpty()) {
            return null;
        }
        for (String element : current) {
            svg = svg.replace("<g data-element=\"" + escape(element) + "\" class=\"", "<g data-element=\"" + escape(element) + "\" class=\"current ");
        }
        String title = "<title id=\"diagram-title\">" + escape(alternative) + "</title>";
        return TITLE.matcher(svg).replaceFirst(Matcher.quoteReplacement(title));
    }

    private String drawn(String processId, String version) {
        try {
            Optional<String> xml = version == null ? Optional.empty() : cases.processFile(processId, version);
            if (xml.isPresent()) {
                return inline(ProcessDiagram.render(new ByteArrayInputStream(xml.get().getBytes(StandardCharsets.UTF_8))),
                        "process " + processId + " version " + version);
            }
        } catch (IOException | RuntimeException e) {
            // a version whose file cannot be had or drawn: the shipped picture of the process
        }
        return load(processId);
    }

    private static String load(String processId) {
        ClassPathResource r = new ClassPathResource(LOCATION + processId + ".svg");
        if (!r.exists()) {
            return "";
        }
        try (InputStream in = r.getInputStream()) {
            return inline(new String(in.readAllBytes(), StandardCharsets.UTF_8), r.getPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture drawn by ProcessDiagram as SVG to put into a page: without its style, with the page's class and role. */
    private static String inline(String drawn, String what) {
        String svg = drawn.substring(drawn.indexOf("<svg"));
        svg = STYLE.matcher(svg).replaceFirst("");
        Matcher m = SVG.matcher(svg);
        if (!m.find()) {
            throw new IllegalStateException("not a picture drawn by ProcessDiagram: " + what);
        }
        return m.replaceFirst(Matcher.quoteReplacement("<svg xmlns=\"http://www.w3.org/2000/svg\" " + m.group(1)
                + " width=\"" + m.group(2) + "\" height=\"" + m.group(3)
                + "\" class=\"dynreg-diagram\" role=\"img\" aria-labelledby=\"diagram-title\" focusable=\"false\">"));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
