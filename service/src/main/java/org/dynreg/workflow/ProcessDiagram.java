package org.dynreg.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Draws a BPMN 2.0 process as SVG from the diagram the file itself carries (BPMNDI): nothing is laid
 * out here, so the picture shows what a modeler shows. A file whose flow nodes or sequence flows lack
 * a shape or edge is refused, which is how "every process file carries its diagram" is enforced.
 * The output depends on the file alone (no clock, no platform fonts), so committed pictures can be
 * compared byte for byte with a fresh rendering.
 *
 * <p>{@code main(processesDir, outputDir)} writes {@code <name>.svg} for every {@code <name>.bpmn};
 * it needs nothing but the JDK, so it also runs as a single source file:
 * {@code java service/src/main/java/org/dynreg/workflow/ProcessDiagram.java processes docs/processes}.
 */
public final class ProcessDiagram {
    static final String MODEL_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC_NS = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI_NS = "http://www.omg.org/spec/DD/20100524/DI";

    private static final Set<String> EVENTS = Set.of(
            "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent");
    private static final Set<String> TASKS = Set.of(
            "task", "userTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask",
            "manualTask", "callActivity");
    private static final Set<String> SUB_PROCESSES = Set.of("subProcess", "adHocSubProcess", "transaction");
    private static final Set<String> GATEWAYS = Set.of(
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");

    private static final double MARGIN = 20;
    private static final double LINE_HEIGHT = 14;
    private static final double BASELINE = 11;
    // No font metrics without a text renderer: an average sans-serif glyph at 12px is about 6.5px wide.
    private static final double CHAR_WIDTH = 6.5;
    private static final double POOL_BAND = 30;
    /** Shapes in lower layers (pools, lanes, sub-processes) are painted before the edges, the rest after. */
    private static final int EDGE_LAYER = 3;

    private static final String STYLE = """
              <style>
                .node { fill: #fff; stroke: #1f2933; stroke-width: 1.5; }
                .end { stroke-width: 4; }
                .call { stroke-width: 4; }
                .non-interrupting, .event-sub { stroke-dasharray: 5 3; }
                .other { stroke-dasharray: 4 3; }
                .container { fill: none; stroke: #1f2933; stroke-width: 1.5; }
                .mark { fill: #fff; stroke: #1f2933; stroke-width: 1.2; }
                .bold { fill: none; stroke: #1f2933; stroke-width: 2.5; }
                .heavy { fill: none; stroke: #1f2933; stroke-width: 3.5; stroke-linecap: round; }
                .solid { fill: #1f2933; stroke: none; }
                .inverse { fill: none; stroke: #fff; stroke-width: 1.2; }
                .flow { fill: none; stroke: #1f2933; stroke-width: 1.5; stroke-linejoin: round; }
                .message { stroke-dasharray: 6 4; }
                .association { stroke-dasharray: 1.5 3; stroke-linecap: round; }
                text { font-family: sans-serif; font-size: 12px; fill: #1f2933; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
              </style>
            """;
    private static final String MARKERS = """
              <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 Z" class="solid"/></marker>
                <marker id="open-arrow" viewBox="-1 -1 12 12" refX="10" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 Z" class="mark"/></marker>
                <marker id="line-arrow" viewBox="-1 -1 12 12" refX="10" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10" class="flow"/></marker>
                <marker id="line-arrow-back" viewBox="-1 -1 12 12" refX="0" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto"><path d="M10,0 L0,5 L10,10" class="flow"/></marker>
                <marker id="message-start" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse"><circle cx="5" cy="5" r="4" class="mark"/></marker>
                <marker id="condition-start" viewBox="0 0 16 10" refX="0" refY="5" markerWidth="16" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,5 L8,0 L16,5 L8,10 Z" class="mark"/></marker>
              </defs>
            """;

    private record Box(double x, double y, double w, double h) {
        double cx() {
            return x + w / 2;
        }

        double cy() {
            return y + h / 2;
        }

        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }
    }

    private record Point(double x, double y) {
    }

    private final Element root;
    private final Map<String, Element> elements = new HashMap<>();
    private final List<Element> shapes;
    private final List<Element> edges;
    private final StringBuilder body = new StringBuilder();
    private double minX = Double.POSITIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    private ProcessDiagram(Document document) {
        root = document.getDocumentElement();
        for (Element e : descendants(root, MODEL_NS, "*")) {
            if (!e.getAttribute("id").isEmpty()) {
                elements.putIfAbsent(e.getAttribute("id"), e);
            }
        }
        shapes = descendants(root, BPMNDI_NS, "BPMNShape");
        edges = descendants(root, BPMNDI_NS, "BPMNEdge");
    }

    /** The SVG picture of the process in this file. */
    public static String render(Path bpmnFile) throws IOException {
        try (InputStream in = Files.newInputStream(bpmnFile)) {
            return render(in);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(bpmnFile.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The SVG picture of the BPMN 2.0 XML read from the stream.
     *
     * @throws IllegalArgumentException if the XML is not well-formed, or a flow node or sequence flow has
     *                                  no shape or edge in the diagram (the message names them all), or
     *                                  the diagram refers to an element the file does not hold
     */
    public static String render(InputStream bpmnXml) throws IOException {
        return new ProcessDiagram(parse(bpmnXml)).draw();
    }

    /** Writes {@code <name>.svg} into args[1] for every {@code <name>.bpmn} in args[0]. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ProcessDiagram <processes directory> <output directory>");
            System.exit(2);
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        for (Path file : bpmnFiles(Path.of(args[0]))) {
            Path svg = output.resolve(svgName(file));
            Files.writeString(svg, render(file), StandardCharsets.UTF_8);
            System.out.println(svg);
        }
    }

    /** The *.bpmn files directly in this directory, by name; none if it does not exist. */
    static List<Path> bpmnFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".bpmn") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The picture's file name for a process file: appeal.bpmn gives appeal.svg. */
    static String svgName(Path bpmnFile) {
        String name = bpmnFile.getFileName().toString();
        return name.substring(0, name.length() - ".bpmn".length()) + ".svg";
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(in);
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String draw() {
        requireDiagram();
        List<Element> ordered = new ArrayList<>(shapes);
        // Containers first so that what they contain is painted over them; boundary events over their task.
        ordered.sort(Comparator.comparingInt(shape -> layer(target(shape).getLocalName())));
        for (Element shape : ordered) {
            if (layer(target(shape).getLocalName()) < EDGE_LAYER) {
                shape(shape);
            }
        }
        for (Element edge : edges) {
            edge(edge);
        }
        for (Element shape : ordered) {
            if (layer(target(shape).getLocalName()) > EDGE_LAYER) {
                shape(shape);
            }
        }
        for (Element edge : edges) {
            edgeLabel(edge);
        }
        if (minX > maxX) {
            throw new IllegalArgumentException("the file has no diagram (BPMNDI) to draw");
        }
        double x = minX - MARGIN;
        double y = minY - MARGIN;
        double w = maxX - minX + 2 * MARGIN;
        double h = maxY - minY + 2 * MARGIN;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + num(x) + " " + num(y) + " " + num(w) + " "
                + num(h) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\">\n"
                + "  <title>" + escape(title()) + "</title>\n"
                + STYLE + MARKERS
                + "  <rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" fill=\"#fff\"/>\n"
                + body
                + "</svg>\n";
    }

    private void requireDiagram() {
        Set<String> drawn = new HashSet<>();
        for (Element di : shapes) {
            drawn.add(target(di).getAttribute("id"));
        }
        for (Element di : edges) {
            drawn.add(target(di).getAttribute("id"));
        }
        List<String> missing = new ArrayList<>();
        for (Element e : descendants(root, MODEL_NS, "*")) {
            String kind = e.getLocalName();
            boolean needsDiagram = EVENTS.contains(kind) || TASKS.contains(kind) || SUB_PROCESSES.contains(kind)
                    || GATEWAYS.contains(kind) || kind.equals("sequenceFlow");
            String id = e.getAttribute("id");
            if (needsDiagram && !drawn.contains(id)) {
                missing.add(id.isEmpty() ? "a " + kind + " without id" : id + " (" + kind + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "the diagram (BPMNDI) has no shape or edge for " + String.join(", ", missing));
        }
    }

    private static int layer(String kind) {
        return switch (kind) {
            case "participant" -> 0;
            case "lane" -> 1;
            case "subProcess", "adHocSubProcess", "transaction" -> 2;
            case "boundaryEvent" -> 5;
            default -> 4;
        };
    }

    private String title() {
        List<String> names = new ArrayList<>();
        for (Element e : descendants(root, MODEL_NS, "process")) {
            String name = e.getAttribute("name");
            names.add(name.isBlank() ? e.getAttribute("id") : name);
        }
        return String.join(", ", names);
    }

    // ---- shapes

    private void shape(Element shape) {
        Element element = target(shape);
        Box box = bounds(shape);
        include(box);
        String kind = element.getLocalName();
        String name = element.getAttribute("name");
        open(element, kind);
        if (EVENTS.contains(kind)) {
            event(element, box);
            outsideLabel(shape, box, name);
        } else if (TASKS.contains(kind)) {
            task(kind, box, name);
        } else if (SUB_PROCESSES.contains(kind)) {
            subProcess(shape, element, box, name);
        } else if (GATEWAYS.contains(kind)) {
            gateway(kind, box);
            outsideLabel(shape, box, name);
        } else if (kind.equals("participant") || kind.equals("lane")) {
            pool(shape, kind, box, name);
        } else if (kind.equals("textAnnotation")) {
            annotation(element, box);
        } else {
            rect(box, 0, "node other");
            centred(box, name);
        }
        body.append("  </g>\n");
    }

    private void event(Element event, Box b) {
        String kind = event.getLocalName();
        double r = Math.min(b.w(), b.h()) / 2;
        String stroke = "false".equals(event.getAttribute("cancelActivity")) ? " non-interrupting" : "";
        switch (kind) {
            case "startEvent" -> circle(b.cx(), b.cy(), r, "node");
            case "endEvent" -> circle(b.cx(), b.cy(), r - 1.5, "node end");
            default -> {
                circle(b.cx(), b.cy(), r, "node" + stroke);
                circle(b.cx(), b.cy(), r - 3, "node" + stroke);
            }
        }
        boolean throwing = kind.equals("endEvent") || kind.equals("intermediateThrowEvent");
        String definition = eventDefinition(event);
        double cx = b.cx();
        double cy = b.cy();
        switch (definition) {
            case "timerEventDefinition" -> {
                double c = r * 0.6;
                circle(cx, cy, c, "mark");
                path("M" + pt(cx, cy - c) + " L" + pt(cx, cy - c * 0.75)
                        + " M" + pt(cx + c, cy) + " L" + pt(cx + c * 0.75, cy)
                        + " M" + pt(cx, cy + c) + " L" + pt(cx, cy + c * 0.75)
                        + " M" + pt(cx - c, cy) + " L" + pt(cx - c * 0.75, cy)
                        + " M" + pt(cx, cy - c * 0.65) + " L" + pt(cx, cy) + " L" + pt(cx + c * 0.5, cy),
                        "mark");
            }
            case "messageEventDefinition" -> {
                Box env = new Box(cx - r * 0.5, cy - r * 0.35, r, r * 0.7);
                rect(env, 0, throwing ? "solid" : "mark");
                path("M" + pt(env.x(), env.y()) + " L" + pt(env.cx(), env.cy()) + " L" + pt(env.right(), env.y()),
                        throwing ? "inverse" : "mark");
            }
            case "signalEventDefinition" -> path("M" + pt(cx, cy - r * 0.55) + " L" + pt(cx + r * 0.5, cy + r * 0.35)
                    + " L" + pt(cx - r * 0.5, cy + r * 0.35) + " Z", throwing ? "solid" : "mark");
            case "terminateEventDefinition" -> circle(cx, cy, r * 0.6, "solid");
            default -> {
                // Other triggers (error, escalation, conditional, ...) are told apart by name only.
            }
        }
    }

    private static String eventDefinition(Element event) {
        for (Node n = event.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && MODEL_NS.equals(e.getNamespaceURI())
                    && e.getLocalName().endsWith("EventDefinition")) {
                return e.getLocalName();
            }
        }
        return "";
    }

    private void task(String kind, Box b, String name) {
        rect(b, 10, kind.equals("callActivity") ? "node call" : "node");
        boolean marked = !kind.equals("task") && !kind.equals("manualTask") && !kind.equals("callActivity");
        double x = b.x() + 7;
        double y = b.y() + 7;
        switch (kind) {
            case "userTask" -> {
                circle(x + 8, y + 5, 3.5, "mark");
                path("M" + pt(x + 1, y + 16) + " C" + pt(x + 1, y + 9) + " " + pt(x + 15, y + 9) + " "
                        + pt(x + 15, y + 16) + " Z", "mark");
            }
            case "serviceTask" -> {
                path(gear(x + 8, y + 8), "mark");
                circle(x + 8, y + 8, 2.2, "mark");
            }
            case "businessRuleTask" -> {
                rect(new Box(x, y + 2, 16, 12), 0, "mark");
                rect(new Box(x, y + 2, 16, 3.5), 0, "solid");
                path("M" + pt(x, y + 9.5) + " L" + pt(x + 16, y + 9.5) + " M" + pt(x + 5, y + 5.5) + " L"
                        + pt(x + 5, y + 14), "mark");
            }
            case "scriptTask" -> path("M" + pt(x + 4, y + 1) + " L" + pt(x + 15, y + 1)
                    + " C" + pt(x + 12, y + 4) + " " + pt(x + 12, y + 6) + " " + pt(x + 14, y + 8)
                    + " C" + pt(x + 16, y + 10) + " " + pt(x + 16, y + 12) + " " + pt(x + 12, y + 15)
                    + " L" + pt(x + 1, y + 15)
                    + " C" + pt(x + 4, y + 12) + " " + pt(x + 4, y + 10) + " " + pt(x + 2, y + 8)
                    + " C" + pt(x, y + 6) + " " + pt(x, y + 4) + " " + pt(x + 4, y + 1) + " Z"
                    + " M" + pt(x + 5, y + 5) + " L" + pt(x + 11, y + 5)
                    + " M" + pt(x + 5.5, y + 8) + " L" + pt(x + 11.5, y + 8)
                    + " M" + pt(x + 5, y + 11) + " L" + pt(x + 11, y + 11), "mark");
            case "sendTask", "receiveTask" -> {
                boolean send = kind.equals("sendTask");
                Box env = new Box(x, y + 3, 16, 11);
                rect(env, 0, send ? "solid" : "mark");
                path("M" + pt(env.x(), env.y()) + " L" + pt(env.cx(), env.cy() + 1) + " L" + pt(env.right(), env.y()),
                        send ? "inverse" : "mark");
            }
            case "callActivity" -> collapsedMarker(b);
            default -> {
                // A plain or manual task carries no marker.
            }
        }
        inside(b, name, marked ? 22 : 4, kind.equals("callActivity") ? 20 : 4);
    }

    /** The name centred in the shape, moved off the type marker above or the collapsed marker below. */
    private void inside(Box b, String name, double keepTop, double keepBottom) {
        List<String> lines = wrap(name, b.w() - 12);
        double height = lines.size() * LINE_HEIGHT;
        double top = Math.min(Math.max(b.cy() - height / 2, b.y() + keepTop), b.bottom() - keepBottom - height);
        text(new Box(b.x() + 6, top, b.w() - 12, height), lines, true);
    }

    private static String gear(double cx, double cy) {
        StringBuilder d = new StringBuilder();
        int points = 32;
        for (int i = 0; i < points; i++) {
            double angle = 2 * StrictMath.PI * i / points;
            double radius = i % 4 < 2 ? 7.5 : 5.5;
            d.append(i == 0 ? "M" : " L")
                    .append(pt(cx + radius * StrictMath.cos(angle), cy + radius * StrictMath.sin(angle)));
        }
        return d.append(" Z").toString();
    }

    private void subProcess(Element shape, Element element, Box b, String name) {
        String style = "true".equals(element.getAttribute("triggeredByEvent")) ? "node event-sub" : "node";
        rect(b, 10, style);
        if (expanded(shape, element)) {
            centred(new Box(b.x() + 6, b.y() + 4, b.w() - 12, LINE_HEIGHT), name);
        } else {
            collapsedMarker(b);
            inside(b, name, 4, 20);
        }
    }

    /** As modelers do: said by the diagram, or else expanded when what it contains is drawn. */
    private boolean expanded(Element shape, Element subProcess) {
        String said = shape.getAttribute("isExpanded");
        if (!said.isEmpty()) {
            return said.equals("true");
        }
        Set<String> inside = new HashSet<>();
        for (Node n = subProcess.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                inside.add(e.getAttribute("id"));
            }
        }
        for (Element other : shapes) {
            if (inside.contains(target(other).getAttribute("id"))) {
                return true;
            }
        }
        return false;
    }

    private void collapsedMarker(Box b) {
        Box m = new Box(b.cx() - 7, b.bottom() - 17, 14, 14);
        rect(m, 0, "mark");
        path("M" + pt(m.cx(), m.y() + 3) + " L" + pt(m.cx(), m.bottom() - 3)
                + " M" + pt(m.x() + 3, m.cy()) + " L" + pt(m.right() - 3, m.cy()), "mark");
    }

    private void gateway(String kind, Box b) {
        double cx = b.cx();
        double cy = b.cy();
        polygon("node", new Point(cx, b.y()), new Point(b.right(), cy), new Point(cx, b.bottom()), new Point(b.x(), cy));
        double s = Math.min(b.w(), b.h()) * 0.2;
        switch (kind) {
            case "exclusiveGateway" -> path("M" + pt(cx - s * 0.8, cy - s * 0.8) + " L" + pt(cx + s * 0.8, cy + s * 0.8)
                    + " M" + pt(cx + s * 0.8, cy - s * 0.8) + " L" + pt(cx - s * 0.8, cy + s * 0.8), "heavy");
            case "parallelGateway" -> path(plus(cx, cy, s * 1.1), "heavy");
            case "inclusiveGateway" -> circle(cx, cy, s * 1.1, "bold");
            case "eventBasedGateway" -> {
                circle(cx, cy, s * 1.35, "mark");
                circle(cx, cy, s * 1.1, "mark");
                Point[] pentagon = new Point[5];
                for (int i = 0; i < 5; i++) {
                    double angle = -StrictMath.PI / 2 + 2 * StrictMath.PI * i / 5;
                    pentagon[i] = new Point(cx + s * 0.7 * StrictMath.cos(angle), cy + s * 0.7 * StrictMath.sin(angle));
                }
                polygon("mark", pentagon);
            }
            default -> {
                double d = s * 0.8;
                path(plus(cx, cy, s * 1.1) + " M" + pt(cx - d, cy - d) + " L" + pt(cx + d, cy + d)
                        + " M" + pt(cx + d, cy - d) + " L" + pt(cx - d, cy + d), "heavy");
            }
        }
    }

    private static String plus(double cx, double cy, double s) {
        return "M" + pt(cx, cy - s) + " L" + pt(cx, cy + s) + " M" + pt(cx - s, cy) + " L" + pt(cx + s, cy);
    }

    private void pool(Element shape, String kind, Box b, String name) {
        rect(b, 0, "container");
        if ("false".equals(shape.getAttribute("isHorizontal"))) {
            if (kind.equals("participant")) {
                path("M" + pt(b.x(), b.y() + POOL_BAND) + " L" + pt(b.right(), b.y() + POOL_BAND), "container");
            }
            centred(new Box(b.x(), b.y(), b.w(), POOL_BAND), name);
            return;
        }
        if (kind.equals("participant")) {
            path("M" + pt(b.x() + POOL_BAND, b.y()) + " L" + pt(b.x() + POOL_BAND, b.bottom()), "container");
        }
        double cx = b.x() + POOL_BAND / 2;
        double cy = b.cy();
        body.append("  <g transform=\"rotate(-90 ").append(num(cx)).append(' ').append(num(cy)).append(")\">\n");
        // Written in the rotated frame, where the band's height is the available width.
        List<String> lines = wrap(name, b.h() - 10);
        text(new Box(cx - b.h() / 2, cy - POOL_BAND / 2, b.h(), POOL_BAND), lines, true);
        body.append("  </g>\n");
    }

    private void annotation(Element annotation, Box b) {
        path("M" + pt(b.x() + 10, b.y()) + " L" + pt(b.x(), b.y()) + " L" + pt(b.x(), b.bottom()) + " L"
                + pt(b.x() + 10, b.bottom()), "flow");
        String text = "";
        for (Element t : descendants(annotation, MODEL_NS, "text")) {
            text = t.getTextContent();
        }
        Box area = new Box(b.x() + 5, b.y(), b.w() - 10, b.h());
        List<String> lines = wrap(text, area.w());
        text(area, lines, false);
    }

    /** A name drawn outside its shape, as events and gateways have it: where the diagram says, else below. */
    private void outsideLabel(Element shape, Box b, String name) {
        if (name.isBlank()) {
            return;
        }
        Box label = labelBounds(shape);
        if (label != null) {
            centred(label, name);
            return;
        }
        List<String> lines = wrap(name, Math.max(b.w(), 100));
        Box area = new Box(b.x() - 50, b.bottom() + 4, b.w() + 100, lines.size() * LINE_HEIGHT);
        text(area, lines, true);
    }

    // ---- edges

    private void edge(Element edge) {
        Element element = target(edge);
        List<Point> points = waypoints(edge);
        String kind = element.getLocalName();
        open(element, kind);
        StringBuilder attributes = new StringBuilder();
        switch (kind) {
            case "messageFlow" -> attributes.append(" class=\"flow message\" marker-start=\"url(#message-start)\"")
                    .append(" marker-end=\"url(#open-arrow)\"");
            case "association" -> {
                String direction = element.getAttribute("associationDirection");
                attributes.append(" class=\"flow association\"");
                if (direction.equals("Both")) {
                    attributes.append(" marker-start=\"url(#line-arrow-back)\"");
                }
                if (direction.equals("One") || direction.equals("Both")) {
                    attributes.append(" marker-end=\"url(#line-arrow)\"");
                }
            }
            case "dataInputAssociation", "dataOutputAssociation" ->
                    attributes.append(" class=\"flow association\" marker-end=\"url(#line-arrow)\"");
            default -> {
                attributes.append(" class=\"flow\"");
                if (conditionalFromActivity(element)) {
                    attributes.append(" marker-start=\"url(#condition-start)\"");
                }
                attributes.append(" marker-end=\"url(#arrow)\"");
            }
        }
        StringBuilder coordinates = new StringBuilder();
        for (Point p : points) {
            include(p.x(), p.y());
            coordinates.append(coordinates.isEmpty() ? "" : " ").append(pt(p.x(), p.y()));
        }
        body.append("    <polyline points=\"").append(coordinates).append('"').append(attributes).append("/>\n");
        if (isDefaultFlow(element)) {
            Point a = points.get(0);
            Point b = points.get(1);
            double length = Math.hypot(b.x() - a.x(), b.y() - a.y());
            if (length > 0) {
                double dx = (b.x() - a.x()) / length;
                double dy = (b.y() - a.y()) / length;
                double px = a.x() + dx * 10;
                double py = a.y() + dy * 10;
                path("M" + pt(px - dy * 6 - dx * 3, py + dx * 6 - dy * 3) + " L"
                        + pt(px + dy * 6 + dx * 3, py - dx * 6 + dy * 3), "flow");
            }
        }
        body.append("  </g>\n");
    }

    private boolean isDefaultFlow(Element flow) {
        Element source = elements.get(flow.getAttribute("sourceRef"));
        return source != null && !flow.getAttribute("id").isEmpty()
                && flow.getAttribute("id").equals(source.getAttribute("default"));
    }

    /** A condition on a flow out of a task (not a gateway) is shown by a small diamond where it leaves. */
    private boolean conditionalFromActivity(Element flow) {
        Element source = elements.get(flow.getAttribute("sourceRef"));
        return source != null && (TASKS.contains(source.getLocalName()) || SUB_PROCESSES.contains(source.getLocalName()))
                && !descendants(flow, MODEL_NS, "conditionExpression").isEmpty();
    }

    private void edgeLabel(Element edge) {
        Element element = target(edge);
        String name = element.getAttribute("name");
        if (name.isBlank()) {
            return;
        }
        body.append("  <g data-element=\"").append(escape(element.getAttribute("id"))).append("\" class=\"label\">\n");
        Box label = labelBounds(edge);
        if (label != null) {
            centred(label, name);
        } else {
            List<String> lines = wrap(name, 120);
            double width = widest(lines);
            double height = lines.size() * LINE_HEIGHT;
            Point[] segment = middleSegment(waypoints(edge));
            Point a = segment[0];
            Point b = segment[1];
            double mx = (a.x() + b.x()) / 2;
            double my = (a.y() + b.y()) / 2;
            // Beside the middle of the edge: above a level segment, to the right of a steep one.
            Box area = Math.abs(b.x() - a.x()) >= Math.abs(b.y() - a.y())
                    ? new Box(mx - width / 2, my - 4 - height, width, height)
                    : new Box(mx + 6, my - height / 2, width, height);
            text(area, lines, true);
        }
        body.append("  </g>\n");
    }

    /** The segment holding the point halfway along the edge. */
    private static Point[] middleSegment(List<Point> points) {
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += distance(points.get(i - 1), points.get(i));
        }
        double walked = 0;
        for (int i = 1; i < points.size(); i++) {
            double length = distance(points.get(i - 1), points.get(i));
            if (walked + length >= total / 2) {
                return new Point[] {points.get(i - 1), points.get(i)};
            }
            walked += length;
        }
        return new Point[] {points.get(0), points.get(points.size() - 1)};
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }

    private List<Point> waypoints(Element edge) {
        List<Point> points = new ArrayList<>();
        for (Node n = edge.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DI_NS.equals(e.getNamespaceURI()) && "waypoint".equals(e.getLocalName())) {
                points.add(new Point(number(e, "x", edge), number(e, "y", edge)));
            }
        }
        if (points.size() < 2) {
            throw new IllegalArgumentException("BPMNEdge " + edge.getAttribute("id") + " for "
                    + edge.getAttribute("bpmnElement") + " has fewer than two waypoints");
        }
        return points;
    }

    // ---- diagram interchange

    private Element target(Element di) {
        String ref = di.getAttribute("bpmnElement");
        // bpmnElement is a QName; BPMN ids are NCNames, so a prefix is all a colon can introduce.
        String id = ref.substring(ref.indexOf(':') + 1);
        Element element = elements.get(id);
        if (element == null) {
            throw new IllegalArgumentException(di.getLocalName() + " " + di.getAttribute("id") + " refers to '" + ref
                    + "', which is not in the file");
        }
        return element;
    }

    private Box bounds(Element shape) {
        Element bounds = child(shape, DC_NS, "Bounds");
        if (bounds == null) {
            throw new IllegalArgumentException("BPMNShape " + shape.getAttribute("id") + " for "
                    + shape.getAttribute("bpmnElement") + " has no dc:Bounds");
        }
        return box(bounds, shape);
    }

    private static Box labelBounds(Element di) {
        Element label = child(di, BPMNDI_NS, "BPMNLabel");
        Element bounds = label == null ? null : child(label, DC_NS, "Bounds");
        return bounds == null ? null : box(bounds, di);
    }

    private static Box box(Element bounds, Element owner) {
        return new Box(number(bounds, "x", owner), number(bounds, "y", owner), number(bounds, "width", owner),
                number(bounds, "height", owner));
    }

    private static double number(Element e, String attribute, Element owner) {
        try {
            return Double.parseDouble(e.getAttribute(attribute));
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(owner.getLocalName() + " " + owner.getAttribute("id") + ": "
                    + e.getLocalName() + " " + attribute + "=\"" + e.getAttribute(attribute) + "\" is not a number", ex);
        }
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> descendants(Element root, String ns, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    // ---- SVG primitives

    private void open(Element element, String kind) {
        body.append("  <g data-element=\"").append(escape(element.getAttribute("id"))).append("\" class=\"")
                .append(kind).append("\">\n");
    }

    private void rect(Box b, double radius, String cls) {
        body.append("    <rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y()))
                .append("\" width=\"").append(num(b.w())).append("\" height=\"").append(num(b.h())).append('"');
        if (radius > 0) {
            body.append(" rx=\"").append(num(radius)).append('"');
        }
        body.append(" class=\"").append(cls).append("\"/>\n");
    }

    private void circle(double cx, double cy, double r, String cls) {
        body.append("    <circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" class=\"").append(cls).append("\"/>\n");
    }

    private void path(String d, String cls) {
        body.append("    <path d=\"").append(d).append("\" class=\"").append(cls).append("\"/>\n");
    }

    private void polygon(String cls, Point... points) {
        StringBuilder coordinates = new StringBuilder();
        for (Point p : points) {
            coordinates.append(coordinates.isEmpty() ? "" : " ").append(pt(p.x(), p.y()));
        }
        body.append("    <polygon points=\"").append(coordinates).append("\" class=\"").append(cls).append("\"/>\n");
    }

    private void centred(Box area, String text) {
        if (text.isBlank()) {
            return;
        }
        text(area, wrap(text, area.w()), true);
    }

    /** Lines centred vertically in the area, each centred horizontally or starting at its left edge. */
    private void text(Box area, List<String> lines, boolean centred) {
        if (lines.isEmpty()) {
            return;
        }
        double width = widest(lines);
        double height = lines.size() * LINE_HEIGHT;
        double top = area.cy() - height / 2;
        double x = centred ? area.cx() : area.x();
        include(new Box(centred ? x - width / 2 : x, top, width, height));
        body.append("    <text").append(centred ? " text-anchor=\"middle\"" : "").append('>');
        for (int i = 0; i < lines.size(); i++) {
            body.append("<tspan x=\"").append(num(x)).append("\" y=\"").append(num(top + i * LINE_HEIGHT + BASELINE))
                    .append("\">").append(escape(lines.get(i))).append("</tspan>");
        }
        body.append("</text>\n");
    }

    private static double widest(List<String> lines) {
        int longest = 0;
        for (String line : lines) {
            longest = Math.max(longest, line.length());
        }
        return longest * CHAR_WIDTH;
    }

    /** Greedy word wrap to the width; explicit line breaks in the name are kept, overlong words cut. */
    static List<String> wrap(String text, double width) {
        int max = Math.max(1, (int) Math.floor(width / CHAR_WIDTH));
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.replace("\r\n", "\n").split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!line.isEmpty() && line.length() + 1 + word.length() > max) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (word.length() > max) {
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    lines.add(word.substring(0, max));
                    word = word.substring(max);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private void include(Box b) {
        include(b.x(), b.y());
        include(b.right(), b.bottom());
    }

    private void include(double x, double y) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
    }

    private static String pt(double x, double y) {
        return num(x) + "," + num(y);
    }

    /** At most two decimals, no trailing zeros, no locale: the same number always prints the same. */
    static String num(double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths % 100 == 0) {
            return Long.toString(hundredths / 100);
        }
        return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
