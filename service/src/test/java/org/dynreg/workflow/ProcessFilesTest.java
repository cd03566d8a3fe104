package org.dynreg.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.dynreg.policy.RepositoryPolicy;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every process file in the repository's processes/ directory is valid BPMN 2.0, carries its diagram,
 * and has its current picture in docs/processes/. The sample in test resources is held to the same
 * checks, so they are exercised even while processes/ holds no file.
 */
class ProcessFilesTest {
    /**
     * One process per update type of the registry: missed-out registration, roster update, shock update,
     * appeal, cyclic update and recertification. Each file present in processes/ must be one of these,
     * named after its process id; each of them that is present is checked to declare that id.
     */
    static final List<String> EXPECTED_PROCESS_IDS = List.of(
            "missedOutRegistration", "rosterUpdate", "shockUpdate", "appeal", "cyclicUpdate", "recertification");

    /** The BPMN 2.0 schema: BPMN20.xsd and the files it includes and imports. */
    private static final List<String> SCHEMA_FILES = List.of(
            "BPMN20.xsd", "Semantic.xsd", "BPMNDI.xsd", "DC.xsd", "DI.xsd");

    /** The flow nodes of BPMN 2.0 processes (the substitution group of flowNode in Semantic.xsd). */
    private static final Set<String> FLOW_NODES = Set.of(
            "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
            "implicitThrowEvent", "task", "userTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask",
            "receiveTask", "manualTask", "callActivity", "subProcess", "adHocSubProcess", "transaction",
            "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");

    private static final String REGENERATE =
            "java service/src/main/java/org/dynreg/workflow/ProcessDiagram.java processes docs/processes";

    private static final Schema BPMN = bpmnSchema();

    static Path processesDir() {
        return RepositoryPolicy.root().resolve("processes");
    }

    static Path picturesDir() {
        return RepositoryPolicy.root().resolve("docs/processes");
    }

    // ---- the checks, each on one file

    /** Every schema violation in the file, with its line; empty when valid. */
    static List<String> schemaProblems(byte[] bpmn) throws IOException {
        List<String> problems = new ArrayList<>();
        Validator validator = BPMN.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(bpmn)));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Ids of the flow nodes and sequence flows that have no shape or edge in the file's BPMNDI. */
    static List<String> undrawn(byte[] bpmn) throws Exception {
        Document doc = parse(bpmn);
        Set<String> drawn = new HashSet<>();
        for (String kind : List.of("BPMNShape", "BPMNEdge")) {
            NodeList di = doc.getElementsByTagNameNS(ProcessDiagram.BPMNDI_NS, kind);
            for (int i = 0; i < di.getLength(); i++) {
                drawn.add(((Element) di.item(i)).getAttribute("bpmnElement"));
            }
        }
        List<String> missing = new ArrayList<>();
        NodeList model = doc.getElementsByTagNameNS(ProcessDiagram.MODEL_NS, "*");
        for (int i = 0; i < model.getLength(); i++) {
            Element e = (Element) model.item(i);
            boolean needsDiagram = FLOW_NODES.contains(e.getLocalName()) || e.getLocalName().equals("sequenceFlow");
            if (needsDiagram && !drawn.contains(e.getAttribute("id"))) {
                missing.add(e.getAttribute("id") + " (" + e.getLocalName() + ")");
            }
        }
        return missing;
    }

    // ---- the sample, so that the checks run and can fail today

    @Test
    void theSampleIsValidBpmnAndCarriesItsDiagram() throws Exception {
        byte[] sample = sampleBytes();

        assertThat(schemaProblems(sample)).isEmpty();
        assertThat(undrawn(sample)).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatBpmnDoesNot() throws Exception {
        String sample = new String(sampleBytes(), StandardCharsets.UTF_8);
        String misplaced = sample.replace("<bpmn2:startEvent id=\"Start\" name=\"Appeal lodged\">",
                "<bpmn2:startEvent id=\"Start\" name=\"Appeal lodged\"><bpmn2:waitFor/>");
        String undeclared = sample.replace("sourceRef=\"Start\" targetRef=\"CheckAdmissible\"",
                "sourceRef=\"Start\" targetRef=\"CheckAdmissible\" priority=\"high\"");
        String badBounds = sample.replace("<dc:Bounds x=\"40\" y=\"180\"", "<dc:Bounds x=\"forty\" y=\"180\"");

        assertThat(schemaProblems(misplaced.getBytes(StandardCharsets.UTF_8))).singleElement().asString()
                .contains("waitFor");
        assertThat(schemaProblems(undeclared.getBytes(StandardCharsets.UTF_8))).singleElement().asString()
                .contains("priority");
        assertThat(schemaProblems(badBounds.getBytes(StandardCharsets.UTF_8))).isNotEmpty().first().asString()
                .contains("forty");
    }

    @Test
    void aFlowNodeOrFlowWithoutDiagramIsFound() throws Exception {
        String sample = new String(sampleBytes(), StandardCharsets.UTF_8);
        String stripped = sample
                .replaceAll("(?s)<bpmndi:BPMNShape id=\"shape_AdmissibleGateway\" .*?</bpmndi:BPMNShape>", "")
                .replaceAll("(?s)<bpmndi:BPMNEdge id=\"edge_Flow_Review_Approve\" .*?</bpmndi:BPMNEdge>", "");

        assertThat(schemaProblems(stripped.getBytes(StandardCharsets.UTF_8))).as("still valid BPMN").isEmpty();
        assertThat(undrawn(stripped.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("AdmissibleGateway (exclusiveGateway)", "Flow_Review_Approve (sequenceFlow)");
    }

    // ---- the repository's process files

    @TestFactory
    Stream<DynamicNode> everyProcessFile() {
        return ProcessDiagram.bpmnFiles(processesDir()).stream().map(file -> dynamicContainer(
                "processes/" + file.getFileName(), Stream.of(
                        dynamicTest("is valid BPMN 2.0", () -> assertThat(schemaProblems(Files.readAllBytes(file)))
                                .as("schema problems in processes/%s", file.getFileName()).isEmpty()),
                        dynamicTest("carries its diagram", () -> assertThat(undrawn(Files.readAllBytes(file)))
                                .as("flow nodes and flows of processes/%s without BPMNDI", file.getFileName())
                                .isEmpty()),
                        dynamicTest("has its current picture in docs/processes", () -> pictureIsCurrent(file)))));
    }

    private static void pictureIsCurrent(Path file) throws IOException {
        Path picture = picturesDir().resolve(ProcessDiagram.svgName(file));
        String missingOrStale = "docs/processes/" + picture.getFileName() + " is %s processes/" + file.getFileName()
                + "; regenerate the pictures from the repository root with: " + REGENERATE;
        assertThat(picture).as(missingOrStale, "missing for").exists();
        // A checkout that turns line ends into CRLF changes no picture.
        String committed = Files.readString(picture, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(committed).as(missingOrStale, "not the current picture of")
                .isEqualTo(ProcessDiagram.render(file));
    }

    @TestFactory
    Stream<DynamicTest> eachExpectedProcessPresentDeclaresItsId() {
        return EXPECTED_PROCESS_IDS.stream()
                .filter(id -> Files.exists(processesDir().resolve(id + ".bpmn")))
                .map(id -> dynamicTest(id, () -> {
                    Document doc = parse(Files.readAllBytes(processesDir().resolve(id + ".bpmn")));
                    NodeList processes = doc.getElementsByTagNameNS(ProcessDiagram.MODEL_NS, "process");
                    assertThat(processes.getLength()).as("processes in %s.bpmn", id).isEqualTo(1);
                    Element process = (Element) processes.item(0);
                    assertThat(process.getAttribute("id")).isEqualTo(id);
                    assertThat(process.getAttribute("isExecutable")).isEqualTo("true");
                }));
    }

    @Test
    void everyProcessFileIsOneOfTheUpdateTypes() {
        List<String> ids = ProcessDiagram.bpmnFiles(processesDir()).stream()
                .map(p -> p.getFileName().toString().replaceFirst("\\.bpmn$", ""))
                .toList();

        assertThat(ids).as("process files in processes/").isSubsetOf(EXPECTED_PROCESS_IDS);
    }

    @Test
    void everyPictureIsOfAProcessFile() throws IOException {
        List<String> orphans = new ArrayList<>();
        if (Files.isDirectory(picturesDir())) {
            try (Stream<Path> pictures = Files.list(picturesDir())) {
                for (Path picture : pictures.sorted().toList()) {
                    String name = picture.getFileName().toString();
                    if (name.endsWith(".svg") && !Files.exists(processesDir().resolve(
                            name.replaceFirst("\\.svg$", ".bpmn")))) {
                        orphans.add(name);
                    }
                }
            }
        }

        assertThat(orphans).as("pictures in docs/processes/ whose process file is gone").isEmpty();
    }

    // ---- plumbing

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] sampleBytes() throws IOException {
        try (InputStream in = ProcessFilesTest.class.getResourceAsStream(ProcessDiagramTest.SAMPLE)) {
            return in.readAllBytes();
        }
    }

    /** The schema files from the classpath, never from the network, whatever their schemaLocation says. */
    private static Schema bpmnSchema() {
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation();
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
                if (!SCHEMA_FILES.contains(name)) {
                    return null;
                }
                LSInput input = ls.createLSInput();
                input.setSystemId(schemaFile(name).toExternalForm());
                input.setPublicId(publicId);
                input.setBaseURI(baseUri);
                try {
                    input.setByteStream(schemaFile(name).openStream());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return input;
            });
            URL root = schemaFile("BPMN20.xsd");
            Source source = new StreamSource(root.openStream(), root.toExternalForm());
            return factory.newSchema(source);
        } catch (Exception e) {
            throw new IllegalStateException("the BPMN 2.0 schema cannot be loaded", e);
        }
    }

    private static URL schemaFile(String name) {
        URL url = ProcessFilesTest.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test classpath (org.kie.kogito:jbpm-bpmn2)");
        }
        return url;
    }
}
