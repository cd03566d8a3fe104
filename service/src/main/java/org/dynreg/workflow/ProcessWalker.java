package org.dynreg.workflow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.ProcessWalks;
import org.dynreg.policy.WalkCheck;
import org.dynreg.policy.SafeXml;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks the reference walks (decision-tables/reference-walks/, one JSON file each) through a bundle's processes
 * without running them: from the start event along the sequence flows; at an exclusive gateway with more than one
 * outgoing flow the FEEL conditions are evaluated with the walk's variables and exactly one must hold; a gateway
 * with one outgoing flow (a converging one) is passed; boundary timers are never taken; at an automated step or a
 * user task the variables the script gives for it are set. A user task the script does not know, with a single
 * outgoing flow, is passed through setting nothing (a step an officer added, such as a check, which does not
 * change where the case goes); an automated step it does not know fails the walk, since its step sets variables
 * the walk cannot guess. The walk ends at an end event, which must be the one expected, with the user tasks
 * expected reached in order and every scripted step used.
 */
@Component
class ProcessWalker implements ProcessWalks {
    static final String CLASSPATH = "classpath*:policy-bundle/reference-walks/*.json";
    /** More elements than any walk through the registry's processes visits: a walk that goes on is in a loop. */
    private static final int MAX_ELEMENTS = 500;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Map<String, byte[]> scripts;

    ProcessWalker() {
        this(readScripts());
    }

    /** Walks with these scripts (JSON file contents by walk name). */
    ProcessWalker(Map<String, byte[]> scripts) {
        this.scripts = new TreeMap<>(scripts);
    }

    static Map<String, byte[]> readScripts() {
        try {
            Map<String, byte[]> out = new TreeMap<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(CLASSPATH)) {
                String name = r.getFilename();
                try (var in = r.getInputStream()) {
                    out.put(name.substring(0, name.length() - ".json".length()), in.readAllBytes());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("the reference walks could not be read from the classpath", e);
        }
    }

    @Override
    public List<WalkCheck> walk(List<PolicyFile> processes) {
        Map<String, PolicyFile> byProcess = new HashMap<>();
        for (PolicyFile f : processes) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            byProcess.put(name.endsWith(".bpmn") ? name.substring(0, name.length() - 5) : name, f);
        }
        List<WalkCheck> out = new ArrayList<>();
        scripts.forEach((name, content) -> out.add(walk(name, content, byProcess)));
        out.sort(Comparator.comparing(WalkCheck::walk));
        return out;
    }

    private static WalkCheck walk(String name, byte[] content, Map<String, PolicyFile> byProcess) {
        Script script;
        try {
            script = Script.read(JSON.readTree(content));
        } catch (IOException | IllegalArgumentException e) {
            return new WalkCheck(name, null, null, false, name + ".json: the walk file is not valid: " + e.getMessage(),
                    List.of(), List.of());
        }
        PolicyFile file = byProcess.get(script.process());
        if (file == null) {
            return new WalkCheck(name, script.process(), script.description(), false,
                    "the bundle holds no process " + quote(script.process()), List.of(), List.of());
        }
        Walk w = new Walk(name, script);
        try {
            w.through(SafeXml.parse(file.content()));
            return new WalkCheck(name, script.process(), script.description(), true, null, w.reached, w.passedThrough);
        } catch (Stranded | IllegalArgumentException e) {
            return new WalkCheck(name, script.process(), script.description(), false, e.getMessage(), w.reached, w.passedThrough);
        }
    }

    /** A walk file: what it pins, the process, the variables at start, each step's variables, the path expected. */
    record Script(String description, String process, Map<String, Object> start, List<Step> steps, List<String> userTasks,
                  String end) {
        record Step(String at, Map<String, Object> sets) {}

        static Script read(JsonNode n) {
            List<Step> steps = new ArrayList<>();
            JsonNode s = required(n, "steps", "a list of {\"at\": element id, \"sets\": {variable: value}}");
            if (!s.isArray()) {
                throw new IllegalArgumentException("steps: must be a list");
            }
            for (int i = 0; i < s.size(); i++) {
                JsonNode step = s.get(i);
                steps.add(new Step(text(step, "at", "steps[" + i + "].at"), values(step.get("sets"), "steps[" + i + "].sets")));
            }
            JsonNode expected = required(n, "expected", "an object with userTasks and end");
            List<String> userTasks = new ArrayList<>();
            JsonNode tasks = required(expected, "userTasks", "a list of user task ids");
            if (!tasks.isArray()) {
                throw new IllegalArgumentException("expected.userTasks: must be a list of user task ids");
            }
            tasks.forEach(t -> userTasks.add(t.asText()));
            return new Script(text(n, "description", "description"), text(n, "process", "process"),
                    values(n.get("start"), "start"), steps, userTasks, text(expected, "end", "expected.end"));
        }

        private static JsonNode required(JsonNode n, String field, String what) {
            JsonNode v = n == null ? null : n.get(field);
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(field + ": is required: " + what);
            }
            return v;
        }

        private static String text(JsonNode n, String field, String path) {
            JsonNode v = n == null ? null : n.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw new IllegalArgumentException(path + ": is required: a text");
            }
            return v.asText();
        }

        private static Map<String, Object> values(JsonNode n, String path) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (!n.isObject()) {
                throw new IllegalArgumentException(path + ": must be an object of variable: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isBoolean()) {
                    out.put(e.getKey(), v.booleanValue());
                } else if (v.isNumber()) {
                    out.put(e.getKey(), v.decimalValue());
                } else if (v.isTextual()) {
                    out.put(e.getKey(), v.asText());
                } else if (v.isNull()) {
                    out.put(e.getKey(), null);
                } else {
                    throw new IllegalArgumentException(path + "." + e.getKey() + ": must be true, false, a number, a text or null");
                }
            }
            return out;
        }
    }

    /** One walk in progress through one process document. */
    private static final class Walk {
        final String name;
        final Script script;
        final Map<String, Object> variables = new HashMap<>();
        final List<String> reached = new ArrayList<>();
        final List<String> passedThrough = new ArrayList<>();
        final List<String> userTasks = new ArrayList<>();
        int next;

        Walk(String name, Script script) {
            this.name = name;
            this.script = script;
        }

        void through(Document doc) {
            Element process = null;
            for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "process".equals(e.getLocalName())) {
                    process = e;
                }
            }
            if (process == null) {
                throw new Stranded(name + ": the file holds no process");
            }
            Map<String, Element> nodes = new HashMap<>();
            Map<String, List<Element>> outgoing = new HashMap<>();
            Set<String> properties = new HashSet<>();
            Element start = null;
            for (Node n = process.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) {
                    continue;
                }
                switch (e.getLocalName()) {
                    case "sequenceFlow" -> outgoing.computeIfAbsent(e.getAttribute("sourceRef"), k -> new ArrayList<>()).add(e);
                    case "property" -> properties.add(e.getAttribute("name").isEmpty() ? e.getAttribute("id") : e.getAttribute("name"));
                    default -> {
                        nodes.put(e.getAttribute("id"), e);
                        if ("startEvent".equals(e.getLocalName())) {
                            start = e;
                        }
                    }
                }
            }
            if (start == null) {
                throw new Stranded(name + ": the process " + quote(script.process()) + " has no start event");
            }
            set(script.start(), "start", properties);
            Element at = start;
            for (int count = 0; ; count++) {
                if (count > MAX_ELEMENTS) {
                    throw new Stranded(name + ": the walk went round more than " + MAX_ELEMENTS + " elements without ending; "
                            + "last at " + what(at));
                }
                String id = at.getAttribute("id");
                reached.add(id);
                List<Element> out = outgoing.getOrDefault(id, List.of());
                switch (at.getLocalName()) {
                    case "endEvent" -> {
                        finish(at);
                        return;
                    }
                    case "task", "userTask" -> step(at, out, properties);
                    case "exclusiveGateway", "startEvent" -> { }
                    default -> throw new Stranded(name + ": reached " + what(at) + ", which a walk cannot pass");
                }
                Element flow = "exclusiveGateway".equals(at.getLocalName()) && out.size() > 1 ? choose(at, out) : only(at, out);
                Element target = nodes.get(flow.getAttribute("targetRef"));
                if (target == null) {
                    throw new Stranded(name + ": the sequence flow " + quote(flow.getAttribute("id")) + " leads to "
                            + quote(flow.getAttribute("targetRef")) + ", which is not an element of the process");
                }
                at = target;
            }
        }

        private void step(Element task, List<Element> out, Set<String> properties) {
            String id = task.getAttribute("id");
            boolean user = "userTask".equals(task.getLocalName());
            if (next < script.steps().size() && script.steps().get(next).at().equals(id)) {
                set(script.steps().get(next).sets(), id, properties);
                next++;
                if (user) {
                    userTasks.add(id);
                }
                return;
            }
            String expects = next < script.steps().size()
                    ? "the script expects " + quote(script.steps().get(next).at()) + " next"
                    : "the script expects no more steps";
            if (user && out.size() == 1) {
                passedThrough.add(id);
                return;
            }
            if (user) {
                throw new Stranded(name + ": reached " + what(task) + ", which the script does not expect (" + expects
                        + "), and it has " + out.size() + " outgoing flows, so the walk cannot pass through it");
            }
            throw new Stranded(name + ": reached " + what(task) + ", which the script does not expect (" + expects
                    + "); an automated step sets variables the walk cannot guess: add it to the walk with the variables it sets");
        }

        private Element choose(Element gateway, List<Element> out) {
            List<Element> holding = new ArrayList<>();
            List<String> conditions = new ArrayList<>();
            for (Element flow : out) {
                String condition = condition(flow);
                conditions.add(quote(flow.getAttribute("id")) + " " + (condition == null ? "(no condition)" : condition));
                if (condition == null || FeelCondition.holds(condition, variables)) {
                    holding.add(flow);
                }
            }
            if (holding.size() == 1) {
                return holding.get(0);
            }
            throw new Stranded(name + ": stranded at the gateway " + what(gateway) + ": "
                    + (holding.isEmpty() ? "no outgoing flow's condition holds" : holding.size() + " outgoing flows' conditions hold ("
                    + String.join(", ", holding.stream().map(f -> quote(f.getAttribute("id"))).toList()) + ")")
                    + " with the walk's variables " + new TreeMap<>(variables) + "; the flows: " + String.join("; ", conditions));
        }

        private Element only(Element at, List<Element> out) {
            if (out.size() != 1) {
                throw new Stranded(name + ": stopped at " + what(at) + ": it has " + out.size()
                        + " outgoing flows where a walk needs one");
            }
            return out.get(0);
        }

        private void finish(Element end) {
            String id = end.getAttribute("id");
            if (!id.equals(script.end())) {
                throw new Stranded(name + ": ended at " + what(end) + ", not at the end event " + quote(script.end()) + " expected");
            }
            if (next < script.steps().size()) {
                throw new Stranded(name + ": ended at " + what(end) + " without reaching " + quote(script.steps().get(next).at())
                        + ", a step the script expects");
            }
            if (!userTasks.equals(script.userTasks())) {
                throw new Stranded(name + ": reached the user tasks " + userTasks + ", not " + script.userTasks() + " as expected");
            }
        }

        private void set(Map<String, Object> values, String where, Set<String> properties) {
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (!properties.contains(e.getKey())) {
                    throw new Stranded(name + ": at " + quote(where) + " the walk sets " + quote(e.getKey())
                            + ", which is not a variable of the process " + quote(script.process()));
                }
                variables.put(e.getKey(), e.getValue());
            }
        }
    }

    private static String condition(Element flow) {
        for (Node n = flow.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "conditionExpression".equals(e.getLocalName())) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static String what(Element e) {
        String kind = switch (e.getLocalName()) {
            case "userTask" -> "the user task";
            case "task" -> "the automated step";
            case "exclusiveGateway" -> "";
            case "endEvent" -> "the end event";
            default -> "the " + e.getLocalName();
        };
        String name = e.getAttribute("name");
        return (kind.isEmpty() ? "" : kind + " ") + quote(e.getAttribute("id")) + (name.isEmpty() ? "" : " (" + name + ")");
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static final class Stranded extends RuntimeException {
        Stranded(String message) {
            super(message, null, false, false);
        }
    }
}
