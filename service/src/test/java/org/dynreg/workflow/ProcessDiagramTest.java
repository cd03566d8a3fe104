package org.dynreg.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The process picture, drawn from the sample appeal process (test resources, bpmn/sample.bpmn). */
class ProcessDiagramTest {
    static final String SAMPLE = "/bpmn/sample.bpmn";

    static String sample() throws IOException {
        try (InputStream in = ProcessDiagramTest.class.getResourceAsStream(SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String render(String bpmn) throws IOException {
        return ProcessDiagram.render(new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(String svg, String fragment) {
        return svg.split(Pattern.quote(fragment), -1).length - 1;
    }

    private static Document svgDocument(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String texts(Document svg, String expression) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        NodeList spans = (NodeList) xpath.evaluate(expression, svg, XPathConstants.NODESET);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            lines.add(spans.item(i).getTextContent());
        }
        return String.join(" ", lines);
    }

    @Test
    void everyShapeIsDrawnByTheKindOfItsElement() throws Exception {
        String svg = render(sample());

        for (String id : List.of("Start", "CheckAdmissible", "AdmissibleGateway", "EndRejected", "EvaluateEligibility",
                "Review", "ReviewTimer", "Escalate", "EndEscalated", "Approve", "EndDone")) {
            assertThat(svg).contains("data-element=\"" + id + "\"");
        }
        assertThat(count(svg, "<g data-element=\"Review\" class=\"userTask\">")).isEqualTo(1);
        assertThat(count(svg, "<g data-element=\"CheckAdmissible\" class=\"serviceTask\">")).isEqualTo(1);
        // five tasks (service, plain, two user, script): rounded rectangles
        assertThat(count(svg, "rx=\"10\" class=\"node\"/>")).isEqualTo(5);
        // one gateway: a diamond with its X
        assertThat(count(svg, "<polygon ")).isEqualTo(1);
        assertThat(svg).contains("<polygon points=\"335,173 360,198 335,223 310,198\" class=\"node\"/>");
        assertThat(count(svg, "class=\"heavy\"/>")).isEqualTo(1);
        // one thin start circle, three thick end circles, the timer's double circle with a clock face
        assertThat(count(svg, "class=\"node\"/>\n") - count(svg, "rx=\"10\" class=\"node\"/>")
                - count(svg, "<polygon ")).isEqualTo(1);
        assertThat(count(svg, "class=\"node end\"/>")).isEqualTo(3);
        assertThat(count(svg, "class=\"node non-interrupting\"/>")).as("a non-interrupting boundary timer")
                .isEqualTo(2);
        Document doc = svgDocument(svg);
        XPath xpath = XPathFactory.newInstance().newXPath();
        assertThat(((Number) xpath.evaluate("count(//g[@data-element='ReviewTimer']/circle)", doc,
                XPathConstants.NUMBER)).intValue()).as("double circle and clock face").isEqualTo(3);
        assertThat(((Number) xpath.evaluate("count(//g[@data-element='Review']/circle)", doc,
                XPathConstants.NUMBER)).intValue()).as("the person's head").isEqualTo(1);
    }

    @Test
    void namesAreWrittenInsideTasksAndBesideEventsAndGateways() throws Exception {
        Document svg = svgDocument(render(sample()));

        assertThat(texts(svg, "//g[@data-element='CheckAdmissible']//tspan")).isEqualTo("Check admissibility");
        assertThat(texts(svg, "//g[@data-element='EvaluateEligibility']//tspan")).isEqualTo("Evaluate eligibility");
        assertThat(texts(svg, "//g[@data-element='AdmissibleGateway']//tspan")).isEqualTo("Admissible?");
        assertThat(texts(svg, "//g[@data-element='EndEscalated']//tspan")).isEqualTo("Escalation noted");
        assertThat(texts(svg, "//title")).isEqualTo("Appeal");
    }

    @Test
    void everyEdgeIsAPolylineThroughItsWaypointsEndingInAnArrowhead() throws IOException {
        String svg = render(sample());

        assertThat(count(svg, "<polyline ")).isEqualTo(9);
        assertThat(count(svg, "marker-end=\"url(#arrow)\"")).isEqualTo(9);
        assertThat(svg).contains("<marker id=\"arrow\"")
                .contains("<g data-element=\"Flow_Gateway_Rejected\" class=\"sequenceFlow\">\n"
                        + "    <polyline points=\"335,223 335,300\" class=\"flow\" marker-end=\"url(#arrow)\"/>");
    }

    @Test
    void aFlowsNameIsWrittenNearTheMiddleOfItsEdgeOrInItsLabelBounds() throws Exception {
        Document svg = svgDocument(render(sample()));
        XPath xpath = XPathFactory.newInstance().newXPath();

        assertThat(texts(svg, "//g[@data-element='Flow_Gateway_Evaluate'][@class='label']//tspan")).isEqualTo("yes");
        assertThat(texts(svg, "//g[@data-element='Flow_Gateway_Rejected'][@class='label']//tspan")).isEqualTo("no");
        assertThat(xpath.evaluate("//g[@data-element='Flow_Gateway_Evaluate'][@class='label']//tspan/@x", svg))
                .as("centred over the middle of the level edge 360..410").isEqualTo("385");
        assertThat(Double.parseDouble(
                xpath.evaluate("//g[@data-element='Flow_Gateway_Rejected'][@class='label']//tspan/@y", svg)))
                .as("beside the middle of the vertical edge 223..300").isBetween(250.0, 280.0);

        String labelled = sample().replace(
                "<di:waypoint x=\"410\" y=\"198\"/>",
                "<di:waypoint x=\"410\" y=\"198\"/>\n<bpmndi:BPMNLabel><dc:Bounds x=\"500\" y=\"100\" width=\"40\" height=\"20\"/>"
                        + "</bpmndi:BPMNLabel>");
        Document moved = svgDocument(render(labelled));
        assertThat(xpath.evaluate("//g[@data-element='Flow_Gateway_Evaluate'][@class='label']//tspan/@x", moved))
                .isEqualTo("520");
        assertThat(xpath.evaluate("//g[@data-element='Flow_Gateway_Evaluate'][@class='label']//tspan/@y", moved))
                .isEqualTo("114");
    }

    @Test
    void theViewBoxHoldsEveryBoundWithAMargin() throws IOException {
        String bpmn = sample();
        String svg = render(bpmn);

        Matcher viewBox = Pattern.compile("viewBox=\"(\\S+) (\\S+) (\\S+) (\\S+)\"").matcher(svg);
        assertThat(viewBox.find()).isTrue();
        double x = Double.parseDouble(viewBox.group(1));
        double y = Double.parseDouble(viewBox.group(2));
        double right = x + Double.parseDouble(viewBox.group(3));
        double bottom = y + Double.parseDouble(viewBox.group(4));
        Matcher bounds = Pattern.compile(
                "<dc:Bounds x=\"([\\d.]+)\" y=\"([\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"/>").matcher(bpmn);
        int seen = 0;
        while (bounds.find()) {
            seen++;
            double bx = Double.parseDouble(bounds.group(1));
            double by = Double.parseDouble(bounds.group(2));
            assertThat(bx).isGreaterThanOrEqualTo(x + 20);
            assertThat(by).isGreaterThanOrEqualTo(y + 20);
            assertThat(bx + Double.parseDouble(bounds.group(3))).isLessThanOrEqualTo(right - 20);
            assertThat(by + Double.parseDouble(bounds.group(4))).isLessThanOrEqualTo(bottom - 20);
        }
        assertThat(seen).isEqualTo(11);
    }

    @Test
    void theSameFileGivesTheSameBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sample.bpmn");
        Files.writeString(file, sample());

        String first = render(sample());
        assertThat(render(sample())).isEqualTo(first);
        assertThat(ProcessDiagram.render(file)).isEqualTo(first);
        assertThat(first).doesNotContain(dir.toString()).endsWith("</svg>\n");
        assertThat(svgDocument(first).getDocumentElement().getNodeName()).isEqualTo("svg");
    }

    @Test
    void mainWritesAPicturePerProcessFile(@TempDir Path dir) throws Exception {
        Path processes = Files.createDirectory(dir.resolve("processes"));
        Files.writeString(processes.resolve("appeal.bpmn"), sample());
        Files.writeString(processes.resolve("notes.txt"), "not a process");

        ProcessDiagram.main(new String[] {processes.toString(), dir.resolve("docs/processes").toString()});

        try (var written = Files.list(dir.resolve("docs/processes"))) {
            assertThat(written.map(p -> p.getFileName().toString()).toList()).containsExactly("appeal.svg");
        }
        assertThat(Files.readString(dir.resolve("docs/processes/appeal.svg"))).isEqualTo(render(sample()));
    }

    @Test
    void aFlowNodeWithoutAShapeIsRefusedByName() throws IOException {
        String withoutReview = sample().replaceAll(
                "(?s)<bpmndi:BPMNShape id=\"shape_Review\" .*?</bpmndi:BPMNShape>", "");
        assertThat(withoutReview).doesNotContain("shape_Review\"");

        assertThatThrownBy(() -> render(withoutReview))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no shape or edge for Review (userTask)")
                .hasMessageNotContaining("ReviewTimer");
    }

    @Test
    void aSequenceFlowWithoutAnEdgeIsRefusedByName() throws IOException {
        String withoutEdge = sample().replaceAll(
                "(?s)<bpmndi:BPMNEdge id=\"edge_Flow_Escalate_End\" .*?</bpmndi:BPMNEdge>", "");

        assertThatThrownBy(() -> render(withoutEdge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Flow_Escalate_End (sequenceFlow)");
    }

    @Test
    void aFileWithoutAnyDiagramIsRefusedNamingEveryElement(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bare.bpmn");
        Files.writeString(file, sample().replaceAll("(?s)<bpmndi:BPMNDiagram .*</bpmndi:BPMNDiagram>", ""));

        assertThatThrownBy(() -> ProcessDiagram.render(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bare.bpmn: ")
                .hasMessageContaining("Start (startEvent)")
                .hasMessageContaining("AdmissibleGateway (exclusiveGateway)")
                .hasMessageContaining("ReviewTimer (boundaryEvent)")
                .hasMessageContaining("Flow_Approve_End (sequenceFlow)");
    }

    @Test
    void aShapeForAnElementNotInTheFileIsRefused() throws IOException {
        String dangling = sample().replace("bpmnElement=\"Approve\"", "bpmnElement=\"Approval\"");

        assertThatThrownBy(() -> render(dangling))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape_Approve refers to 'Approval'");
    }

    @Test
    void namesAreEscapedAsXml() throws Exception {
        String bpmn = sample()
                .replace("name=\"Review\"", "name=\"Review &amp; approve &lt;urgent&gt; &quot;now&quot;\"")
                .replace("name=\"no\"", "name=\"score &lt; 40 &amp; no grounds\"");

        String svg = render(bpmn);

        assertThat(svg).contains("Review &amp; approve").contains("&lt;urgent&gt;").contains("&quot;now&quot;")
                .contains("score &lt; 40 &amp; no").doesNotContain("& approve").doesNotContain("<urgent>");
        Document doc = svgDocument(svg);
        assertThat(texts(doc, "//g[@data-element='Review']//tspan")).isEqualTo("Review & approve <urgent> \"now\"");
        assertThat(texts(doc, "//g[@data-element='Flow_Gateway_Rejected'][@class='label']//tspan"))
                .isEqualTo("score < 40 & no grounds");
    }

    @Test
    void longNamesWrapAtWordsAndOverlongWordsAreCut() {
        assertThat(ProcessDiagram.wrap("Check the household roster against the registry", 130))
                .containsExactly("Check the household", "roster against the", "registry");
        assertThat(ProcessDiagram.wrap("first line\nsecond", 300)).containsExactly("first line", "second");
        assertThat(ProcessDiagram.wrap("abcdefghijklmnopqrstuvwxyz", 65)).containsExactly("abcdefghij",
                "klmnopqrst", "uvwxyz");
    }

    @Test
    void numbersPrintTheSameEverywhere() {
        assertThat(ProcessDiagram.num(120)).isEqualTo("120");
        assertThat(ProcessDiagram.num(12.5)).isEqualTo("12.5");
        assertThat(ProcessDiagram.num(1.0 / 3)).isEqualTo("0.33");
        assertThat(ProcessDiagram.num(-0.0)).isEqualTo("0");
        assertThat(ProcessDiagram.num(-4.25)).isEqualTo("-4.25");
    }
}
