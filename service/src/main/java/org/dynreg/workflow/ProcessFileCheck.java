package org.dynreg.workflow;

import org.dynreg.workflow.engine.ProcessVersions;

import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.PolicyProblem;
import org.dynreg.policy.ProcessCheck;
import org.dynreg.policy.SafeXml;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The check a process file passes before a policy bundle holding it is stored: it is one case type's process,
 * built only of the elements the registry's processes use (the allow-list below), its automated steps are the
 * registry's own {@link CaseStep}s of that case type, its user tasks go to the registry's task groups, its
 * variables are of types the registry stores, its gateway conditions are FEEL comparisons of process variables
 * and literals, {@code #{...}} appears only as a timer's duration, it has a diagram, and it compiles. Every
 * problem names the element by its id, in a plain sentence. The structure is checked first; only a process
 * that passes it is handed to the compiler (whose result is kept by the file's content hash).
 */
@Component
class ProcessFileCheck implements ProcessCheck {
    static final String MODEL_NS = ProcessDiagram.MODEL_NS;
    static final String DROOLS_NS = "http://www.jboss.org/drools";
    static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    static final String FEEL = "http://www.omg.org/spec/FEEL/20140401";
    /** The registry's own work-item type: an automated step run by a CaseStep bean. */
    static final String CASE_STEP = "CaseStep";

    /** The BPMN elements a process may hold: those the registry's six processes use, and no other. */
    static final Set<String> ALLOWED_ELEMENTS = Set.of(
            "definitions", "documentation", "itemDefinition", "process", "property",
            "startEvent", "endEvent", "task", "userTask", "exclusiveGateway", "sequenceFlow", "conditionExpression",
            "boundaryEvent", "timerEventDefinition", "timeDuration",
            "ioSpecification", "dataInput", "dataOutput", "inputSet", "outputSet", "dataInputRefs", "dataOutputRefs",
            "dataInputAssociation", "dataOutputAssociation", "sourceRef", "targetRef", "assignment", "from", "to",
            "incoming", "outgoing");
    /** The diagram's namespaces (shapes, edges, bounds, waypoints, labels): anything there only draws. */
    static final Set<String> DIAGRAM_NS = Set.of(ProcessDiagram.BPMNDI_NS, "http://www.omg.org/spec/DD/20100524/DC",
            "http://www.omg.org/spec/DD/20100524/DI");
    /** The jBPM attributes a process may carry, and nothing else of jBPM's (no scripts, listeners or metadata). */
    static final Set<String> ALLOWED_DROOLS_ATTRIBUTES = Set.of("taskName", "dtype", "packageName", "version", "adHoc");
    /** The types a process variable may have: what the registry stores of a process instance. */
    static final Set<String> VARIABLE_TYPES = Set.of("java.lang.Long", "java.lang.String", "java.lang.Boolean");
    /** The types an item definition may name (Object only for the modeler's default, which no variable may use). */
    static final Set<String> ITEM_TYPES = Set.of("java.lang.Long", "java.lang.String", "java.lang.Boolean", "java.lang.Object");
    static final Set<String> DATA_TYPES = Set.of("String", "Long", "Boolean", "java.lang.String", "java.lang.Long", "java.lang.Boolean");

    private static final Pattern TIMER_VARIABLE = Pattern.compile("#\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ISO_DURATION = Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");

    private final ObjectProvider<UpdateTypes> types;
    private final ObjectProvider<CaseStep> caseSteps;
    private final Map<String, List<String>> compiled = new ConcurrentHashMap<>();
    private volatile Known known;

    /** What a process may name, read once from the service's beans. */
    private record Known(Map<String, String> stepPrefixByProcess, Map<String, String> caseTypeByProcess, Set<String> steps,
                         Set<String> groups) {}

    /**
     * The steps and update types are read on first use: the steps' beans need the policy in force, and the policy's
     * first version (installed at start-up, after every bean exists) needs this check.
     */
    ProcessFileCheck(ObjectProvider<UpdateTypes> types, ObjectProvider<CaseStep> caseSteps) {
        this.types = types;
        this.caseSteps = caseSteps;
    }

    private Known known() {
        Known k = known;
        if (k == null) {
            Collection<UpdateTypeDefinition> definitions = types.getObject().all();
            k = new Known(
                    definitions.stream().collect(Collectors.toMap(UpdateTypeDefinition::processId, UpdateTypeDefinition::stepPrefix)),
                    definitions.stream().collect(Collectors.toMap(UpdateTypeDefinition::processId, UpdateTypeDefinition::caseType)),
                    caseSteps.orderedStream().map(CaseStep::name).collect(Collectors.toUnmodifiableSet()),
                    Tasks.ALL_GROUPS);
            known = k;
        }
        return k;
    }

    @Override
    public List<PolicyProblem> check(List<PolicyFile> processes) {
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, String> caseTypeByProcess = known().caseTypeByProcess();
        Set<String> present = new TreeSet<>();
        for (PolicyFile f : processes) {
            present.add(f.path());
            problems.addAll(check(f));
        }
        caseTypeByProcess.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String path = "processes/" + e.getKey() + ".bpmn";
            if (!present.contains(path)) {
                problems.add(PolicyProblem.inFile(path, "the bundle holds no process for the case type " + e.getValue()
                        + ": every case type needs its process, " + path));
            }
        });
        return problems;
    }

    @Override
    public String picture(PolicyFile process) {
        try {
            return ProcessDiagram.render(new ByteArrayInputStream(process.content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(process.path() + ": " + e.getMessage(), e);
        }
    }

    /** The problems of one process file. */
    List<PolicyProblem> check(PolicyFile file) {
        String path = file.path();
        List<PolicyProblem> problems = new ArrayList<>();
        Document doc;
        try {
            doc = SafeXml.parse(file.content());
        } catch (IllegalArgumentException e) {
            problems.add(PolicyProblem.inFile(path, "not a readable BPMN file: " + e.getMessage()));
            return problems;
        }
        Problems out = new Problems(path, problems);
        List<Element> processes = children(doc.getDocumentElement(), "process");
        if (!MODEL_NS.equals(doc.getDocumentElement().getNamespaceURI()) || !"definitions".equals(doc.getDocumentElement().getLocalName())) {
            problems.add(PolicyProblem.inFile(path, "not a BPMN 2.0 file: its root element must be <definitions> in the "
                    + "namespace " + MODEL_NS));
            return problems;
        }
        if (processes.size() != 1) {
            problems.add(PolicyProblem.inFile(path, "a process file must hold exactly one <process>; this one holds " + processes.size()));
            return problems;
        }
        Element process = processes.get(0);
        String processId = process.getAttribute("id");
        String expectedName = path.substring(path.lastIndexOf('/') + 1);
        if (!path.startsWith("processes/") || !expectedName.equals(processId + ".bpmn")) {
            out.at(processId, "the process " + quote(processId) + " must be the file processes/" + processId
                    + ".bpmn: a process file is named after its process id");
        }
        Known k = known();
        Map<String, String> stepPrefixByProcess = k.stepPrefixByProcess();
        Set<String> steps = k.steps();
        Set<String> groups = k.groups();
        String prefix = stepPrefixByProcess.get(processId);
        if (prefix == null) {
            out.at(processId, "the process id " + quote(processId) + " is not the process of any case type; the case types' "
                    + "processes are " + String.join(", ", new TreeSet<>(stepPrefixByProcess.keySet())));
        }

        elements(doc.getDocumentElement(), out);
        Map<String, Element> byId = new HashMap<>();
        for (Element e : descendants(doc.getDocumentElement())) {
            if (!e.getAttribute("id").isEmpty()) {
                byId.put(e.getAttribute("id"), e);
            }
        }
        Map<String, String> itemTypes = new HashMap<>();
        for (Element item : children(doc.getDocumentElement(), "itemDefinition")) {
            String type = item.getAttribute("structureRef");
            itemTypes.put(item.getAttribute("id"), type);
            if (!ITEM_TYPES.contains(type)) {
                out.at(item.getAttribute("id"), "the item definition names the type " + quote(type) + ", which the registry "
                        + "cannot store: use " + String.join(", ", new TreeSet<>(VARIABLE_TYPES)));
            }
        }
        Set<String> variables = new TreeSet<>();
        for (Element property : children(process, "property")) {
            String name = property.getAttribute("id");
            variables.add(name);
            if (!property.getAttribute("name").isEmpty()) {
                variables.add(property.getAttribute("name"));
            }
            String type = itemTypes.get(property.getAttribute("itemSubjectRef"));
            if (!VARIABLE_TYPES.contains(type)) {
                out.at(name, "the process variable " + quote(name) + " is of type " + quote(type == null
                        ? property.getAttribute("itemSubjectRef") : type) + ", which the registry cannot store: a process "
                        + "variable is a " + String.join(", ", new TreeSet<>(VARIABLE_TYPES)));
            }
        }
        for (Element e : descendants(doc.getDocumentElement())) {
            String dtype = e.getAttributeNS(DROOLS_NS, "dtype");
            if (!dtype.isEmpty() && !DATA_TYPES.contains(dtype)) {
                out.at(idOf(e), "the " + e.getLocalName() + " " + quote(e.getAttribute("name")) + " is of type " + quote(dtype)
                        + ", which the registry cannot store: use java.lang.Long, java.lang.String or java.lang.Boolean");
            }
        }
        for (Element task : descendants(process, "task")) {
            String type = task.getAttributeNS(DROOLS_NS, "taskName");
            if (!CASE_STEP.equals(type)) {
                out.at(task.getAttribute("id"), "the task " + quote(task.getAttribute("name")) + " is a work item of type "
                        + quote(type) + "; a process may only run the registry's own steps (a task of type CaseStep) and "
                        + "user tasks");
                continue;
            }
            String step = literalInput(task, "Step", out);
            if (step != null && !(steps.contains(step) && (step.startsWith("case.") || prefix == null || step.startsWith(prefix)))) {
                out.at(task.getAttribute("id"), "the task " + quote(task.getAttribute("name")) + " names the step " + quote(step)
                        + ", which the registry has no step of for this case type: use a step whose name starts with "
                        + quote(prefix == null ? "(the case type's prefix)" : prefix) + " or " + quote("case.") + " ("
                        + stepsFor(steps, prefix) + ")");
            }
        }
        for (Element task : descendants(process, "userTask")) {
            String group = literalInput(task, "GroupId", out);
            if (group != null && !groups.contains(group)) {
                out.at(task.getAttribute("id"), "the user task " + quote(task.getAttribute("name")) + " is given to the group "
                        + quote(group) + ", which is not one of the registry's task groups ("
                        + String.join(", ", new TreeSet<>(groups)) + ")");
            }
        }
        expressions(doc.getDocumentElement(), variables, out);
        for (Element condition : descendants(process, "conditionExpression")) {
            Element flow = (Element) condition.getParentNode();
            String language = condition.getAttribute("language");
            if (!FEEL.equals(language)) {
                out.at(flow.getAttribute("id"), "the condition of the sequence flow " + quote(flow.getAttribute("name"))
                        + " is not written in FEEL (language " + quote(language.isEmpty() ? "(none)" : language) + "): write it "
                        + "in FEEL, language=\"" + FEEL + "\"");
                continue;
            }
            String problem = FeelCondition.check(condition.getTextContent(), variables);
            if (problem != null) {
                out.at(flow.getAttribute("id"), "the condition of the sequence flow " + quote(flow.getAttribute("name")) + ", "
                        + quote(condition.getTextContent().strip()) + ", " + problem);
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            ProcessDiagram.render(new ByteArrayInputStream(file.content()));
        } catch (IllegalArgumentException | IOException e) {
            out.at(processId, "the process cannot be drawn: " + e.getMessage());
        }
        for (String error : compiled.computeIfAbsent(file.sha256(), h -> compile(processId, file))) {
            out.at(elementNamed(error, byId.keySet(), processId), "the process does not compile: " + error);
        }
        return problems;
    }

    /** The engine's compiler's errors for a process file, none when it compiles (as the engine would compile it). */
    private static List<String> compile(String processId, PolicyFile file) {
        return ProcessVersions.compileErrors(processId, new String(file.content(), StandardCharsets.UTF_8)).stream()
                .map(e -> e.replaceAll("\\s+", " ").strip()).toList();
    }

    /** The longest element id the compiler's message mentions, or the process's id. */
    private static String elementNamed(String message, Set<String> ids, String processId) {
        return ids.stream().filter(id -> Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(id) + "([^A-Za-z0-9_]|$)")
                        .matcher(message).find())
                .filter(id -> !id.equals(processId)).max(Comparator.comparingInt(String::length)).orElse(processId);
    }

    /** Every element outside the allow-list, and every attribute of jBPM's outside its allow-list. */
    private static void elements(Element root, Problems out) {
        for (Element e : descendants(root)) {
            String ns = e.getNamespaceURI();
            if (DIAGRAM_NS.contains(ns)) {
                continue;
            }
            boolean inDiagram = false;
            for (Node p = e.getParentNode(); p instanceof Element pe; p = pe.getParentNode()) {
                if (DIAGRAM_NS.contains(pe.getNamespaceURI())) {
                    inDiagram = true;
                    break;
                }
            }
            if (inDiagram) {
                continue;
            }
            if (!MODEL_NS.equals(ns) || !ALLOWED_ELEMENTS.contains(e.getLocalName())) {
                out.at(idOf(e), "the element <" + e.getNodeName() + "> is not one a registry process may hold; allowed are "
                        + String.join(", ", new TreeSet<>(ALLOWED_ELEMENTS)) + " (and the diagram)");
                continue;
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (DROOLS_NS.equals(a.getNamespaceURI()) && !ALLOWED_DROOLS_ATTRIBUTES.contains(a.getLocalName())) {
                    out.at(idOf(e), "the attribute " + a.getName() + " of <" + e.getNodeName() + "> is not one a registry process "
                            + "may carry; allowed are drools:" + String.join(", drools:", new TreeSet<>(ALLOWED_DROOLS_ATTRIBUTES)));
                }
            }
        }
    }

    /** {@code #{...}} only as a whole timer duration naming a process variable; a timer's duration is that or ISO-8601. */
    private static void expressions(Element root, Set<String> variables, Problems out) {
        for (Element e : descendants(root)) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                if (attributes.item(i).getNodeValue().contains("#{")) {
                    out.at(idOf(e), "the attribute " + attributes.item(i).getNodeName() + " holds a #{...} expression; "
                            + "#{...} is allowed only as a timer's duration, #{variable}");
                }
            }
            String own = ownText(e);
            if ("timeDuration".equals(e.getLocalName()) && MODEL_NS.equals(e.getNamespaceURI())) {
                var m = TIMER_VARIABLE.matcher(own.strip());
                if (m.matches()) {
                    if (!variables.contains(m.group(1))) {
                        out.at(idOf(e), "the timer's duration " + quote(own.strip()) + " names " + quote(m.group(1))
                                + ", which is not a variable of this process");
                    }
                } else if (!ISO_DURATION.matcher(own.strip()).matches()) {
                    out.at(idOf(e), "the timer's duration " + quote(own.strip()) + " is neither #{variable} nor an ISO-8601 "
                            + "duration such as P14D");
                }
            } else if (own.contains("#{")) {
                out.at(idOf(e), "the <" + e.getLocalName() + "> holds the expression " + quote(own.strip())
                        + "; #{...} is allowed only as a timer's duration, #{variable}");
            }
        }
    }

    /**
     * The literal a task's input of this name is given ({@code <from>} of its assignment), or null, with a problem,
     * when the input is missing or fed from a variable.
     */
    private static String literalInput(Element task, String name, Problems out) {
        String inputId = null;
        for (Element input : descendants(task, "dataInput")) {
            if (name.equals(input.getAttribute("name"))) {
                inputId = input.getAttribute("id");
            }
        }
        String what = ("userTask".equals(task.getLocalName()) ? "the user task " : "the task ") + quote(task.getAttribute("name"));
        if (inputId == null) {
            out.at(task.getAttribute("id"), what + " has no " + name + " input");
            return null;
        }
        for (Element association : descendants(task, "dataInputAssociation")) {
            List<Element> targets = children(association, "targetRef");
            if (targets.isEmpty() || !inputId.equals(targets.get(0).getTextContent().strip())) {
                continue;
            }
            List<Element> from = descendants(association, "from");
            if (from.isEmpty() || !children(association, "sourceRef").isEmpty()) {
                out.at(task.getAttribute("id"), what + " takes its " + name + " from a variable; write it in the process");
                return null;
            }
            return from.get(0).getTextContent().strip();
        }
        out.at(task.getAttribute("id"), what + " gives its " + name + " input no value");
        return null;
    }

    private static String stepsFor(Set<String> steps, String prefix) {
        return steps.stream().filter(s -> s.startsWith("case.") || (prefix != null && s.startsWith(prefix))).sorted()
                .collect(Collectors.joining(", "));
    }

    /** The id of the element or of its nearest ancestor that has one. */
    private static String idOf(Element e) {
        for (Node n = e; n instanceof Element el; n = el.getParentNode()) {
            if (!el.getAttribute("id").isEmpty()) {
                return el.getAttribute("id");
            }
        }
        return null;
    }

    private static String ownText(Element e) {
        StringBuilder s = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                s.append(n.getNodeValue());
            }
        }
        return s.toString();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && MODEL_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> descendants(Element root) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS(MODEL_NS, localName);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    /** Problems of one file, each at most once (an element with the same fault is named once). */
    private record Problems(String file, List<PolicyProblem> list) {
        void at(String element, String message) {
            PolicyProblem p = PolicyProblem.atElement(file, element, message);
            if (!list.contains(p)) {
                list.add(p);
            }
        }
    }
}
