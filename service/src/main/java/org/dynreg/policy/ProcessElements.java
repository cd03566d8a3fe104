package org.dynreg.policy;

import org.dynreg.policy.BundleDiff.Change;
import org.dynreg.policy.BundleDiff.ElementChange;
import org.dynreg.policy.BundleDiff.PropertyChange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A process file as a reader of its diff sees it: its elements by id (flow nodes, sequence flows, process
 * variables), each with its kind, name and what it does (a task's step and inputs, a flow's ends and condition,
 * a timer's duration, a variable's type). The diagram (positions, bends) is left out: the pictures show it.
 */
final class ProcessElements {
    static final String MODEL_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String DROOLS_NS = "http://www.jboss.org/drools";

    record Model(String id, String kind, String name, Map<String, String> properties) {}

    private ProcessElements() {
    }

    /** The elements of a process file, in file order; an IllegalArgumentException if it is not readable XML. */
    static Map<String, Model> read(byte[] bpmn) {
        Document doc = SafeXml.parse(bpmn);
        Map<String, String> itemTypes = new LinkedHashMap<>();
        for (Element item : children(doc.getDocumentElement(), "itemDefinition")) {
            itemTypes.put(item.getAttribute("id"), item.getAttribute("structureRef"));
        }
        Map<String, Model> out = new LinkedHashMap<>();
        for (Element process : children(doc.getDocumentElement(), "process")) {
            Map<String, String> own = new LinkedHashMap<>();
            own.put("version", process.getAttributeNS(DROOLS_NS, "version"));
            out.put(process.getAttribute("id"), new Model(process.getAttribute("id"), "process", process.getAttribute("name"), own));
            for (Element e : childElements(process)) {
                String id = e.getAttribute("id");
                if (id.isEmpty() || !MODEL_NS.equals(e.getNamespaceURI())) {
                    continue;
                }
                out.put(id, new Model(id, kindOf(e), e.getAttribute("name"), properties(e, itemTypes)));
            }
        }
        return out;
    }

    /** Added, removed and changed elements between two versions of a process file, by element id. */
    static List<ElementChange> diff(Map<String, Model> before, Map<String, Model> after) {
        Set<String> ids = new LinkedHashSet<>(after.keySet());
        ids.addAll(before.keySet());
        List<ElementChange> out = new ArrayList<>();
        for (String id : ids) {
            Model a = before.get(id);
            Model b = after.get(id);
            if (a != null && b != null && a.equals(b)) {
                continue;
            }
            Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED;
            List<PropertyChange> props = new ArrayList<>();
            if (a != null && b != null && !Objects.equals(a.name(), b.name())) {
                props.add(new PropertyChange("name", a.name(), b.name()));
            }
            if (a != null && b != null && !a.kind().equals(b.kind())) {
                props.add(new PropertyChange("kind", a.kind(), b.kind()));
            }
            Set<String> keys = new LinkedHashSet<>();
            if (a != null) {
                keys.addAll(a.properties().keySet());
            }
            if (b != null) {
                keys.addAll(b.properties().keySet());
            }
            for (String k : keys) {
                String x = a == null ? null : a.properties().get(k);
                String y = b == null ? null : b.properties().get(k);
                if (!Objects.equals(x, y)) {
                    props.add(new PropertyChange(k, x, y));
                }
            }
            Model m = b != null ? b : a;
            out.add(new ElementChange(id, m.kind(), change, a == null ? null : a.name(), b == null ? null : b.name(),
                    List.copyOf(props)));
        }
        return List.copyOf(out);
    }

    private static String kindOf(Element e) {
        return switch (e.getLocalName()) {
            case "task" -> "CaseStep".equals(e.getAttributeNS(DROOLS_NS, "taskName")) ? "step" : "task";
            case "userTask" -> "user task";
            case "exclusiveGateway" -> "gateway";
            case "sequenceFlow" -> "sequence flow";
            case "startEvent" -> "start";
            case "endEvent" -> "end";
            case "boundaryEvent" -> "timer";
            case "property" -> "variable";
            default -> e.getLocalName();
        };
    }

    private static Map<String, String> properties(Element e, Map<String, String> itemTypes) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (e.getLocalName()) {
            case "property" -> p.put("type", itemTypes.getOrDefault(e.getAttribute("itemSubjectRef"), e.getAttribute("itemSubjectRef")));
            case "sequenceFlow" -> {
                p.put("from", e.getAttribute("sourceRef"));
                p.put("to", e.getAttribute("targetRef"));
                for (Element c : children(e, "conditionExpression")) {
                    p.put("condition", c.getTextContent().strip());
                }
            }
            case "boundaryEvent" -> {
                p.put("attached to", e.getAttribute("attachedToRef"));
                p.put("interrupting", e.getAttribute("cancelActivity").isEmpty() ? "true" : e.getAttribute("cancelActivity"));
                for (Element t : descendants(e, "timeDuration")) {
                    p.put("duration", t.getTextContent().strip());
                }
            }
            case "task" -> {
                if (!"CaseStep".equals(e.getAttributeNS(DROOLS_NS, "taskName"))) {
                    p.put("work item", e.getAttributeNS(DROOLS_NS, "taskName"));
                }
                io(e, p);
            }
            case "userTask" -> io(e, p);
            default -> {
            }
        }
        return p;
    }

    /** A task's inputs (a value written in the process, or "from variable x") and outputs ("to variable y"). */
    private static void io(Element task, Map<String, String> p) {
        Map<String, String> inputNames = new LinkedHashMap<>();
        Map<String, String> outputNames = new LinkedHashMap<>();
        for (Element d : descendants(task, "dataInput")) {
            inputNames.put(d.getAttribute("id"), d.getAttribute("name"));
        }
        for (Element d : descendants(task, "dataOutput")) {
            outputNames.put(d.getAttribute("id"), d.getAttribute("name"));
        }
        for (Element a : children(task, "dataInputAssociation")) {
            String target = text(a, "targetRef");
            String name = inputNames.getOrDefault(target, target);
            if ("TaskName".equals(name)) {
                continue;
            }
            String source = text(a, "sourceRef");
            List<Element> from = descendants(a, "from");
            p.put(name, source != null ? "from variable " + source : from.isEmpty() ? "" : from.get(0).getTextContent().strip());
        }
        for (Element a : children(task, "dataOutputAssociation")) {
            String source = text(a, "sourceRef");
            p.put("output " + outputNames.getOrDefault(source, source), "to variable " + text(a, "targetRef"));
        }
    }

    private static String text(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0).getTextContent().strip();
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        return childElements(parent).stream().filter(e -> MODEL_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())).toList();
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        var all = root.getElementsByTagNameNS(MODEL_NS, localName);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }
}
