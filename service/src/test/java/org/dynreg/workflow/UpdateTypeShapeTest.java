package org.dynreg.workflow;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dynreg.policy.RepositoryPolicy;
import org.dynreg.registry.UpdateType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every update type is one definition whose names hold across the service and the repository: its process file
 * with that process id, every step the process names implemented by a step of the type's own package (or a shared
 * case step) and every step of the type used by its process, its questions asked of the workflow table, its
 * feature file and its section in the caseworker guide, its notices its own.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UpdateTypeShapeTest {
    private static final String SHARED_STEPS = "case.";

    @Autowired UpdateTypes types;
    @Autowired List<CaseStep> steps;

    @Test
    void everyUpdateTypeHasExactlyOneDefinitionWithItsOwnNames() {
        assertThat(types.all()).extracting(UpdateTypeDefinition::updateType).containsExactlyInAnyOrder(UpdateType.values());
        assertThat(types.all().stream().map(UpdateTypeDefinition::processId).distinct()).hasSize(UpdateType.values().length);
        assertThat(types.all().stream().map(UpdateTypeDefinition::stepPrefix).distinct()).hasSize(UpdateType.values().length);
        List<String> notices = types.all().stream().flatMap(d -> d.notices().stream()).toList();
        assertThat(new HashSet<>(notices)).as("a notice kind belongs to one update type").hasSize(notices.size());
        for (UpdateTypeDefinition d : types.all()) {
            assertThat(d.caseType()).isEqualTo(d.updateType().name());
            assertThat(types.ofCaseType(d.caseType())).isSameAs(d);
            assertThat(d.stepPrefix()).endsWith(".").isNotEqualTo(SHARED_STEPS);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachTypeHasItsProcessStepsFeatureGuideSectionAndTableQuestions() throws Exception {
        Path root = RepositoryPolicy.root();
        String guide = Files.readString(root.resolve("docs/caseworker-guide.md"));
        Set<String> headings = guide.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", "").strip())
                .collect(Collectors.toSet());
        String workflowTable = cells(root.resolve("decision-tables/workflow-policy.drl.xlsx"));
        Map<String, CaseStep> byName = steps.stream().collect(Collectors.toMap(CaseStep::name, Function.identity()));
        return types.all().stream().map(d -> DynamicTest.dynamicTest(d.updateType().name(), () -> {
            Path bpmn = root.resolve(d.processFile());
            assertThat(bpmn).as("process file of %s", d.updateType()).exists();
            Document process = parse(bpmn);
            Element processElement = (Element) process.getElementsByTagNameNS("*", "process").item(0);
            assertThat(processElement.getAttribute("id")).as("process id in %s", d.processFile()).isEqualTo(d.processId());

            Set<String> named = stepsNamedBy(process);
            for (String step : named) {
                assertThat(byName).as("step %s named by %s", step, d.processFile()).containsKey(step);
                assertThat(step.startsWith(d.stepPrefix()) || step.startsWith(SHARED_STEPS))
                        .as("step %s of %s starts with %s or %s", step, d.processFile(), d.stepPrefix(), SHARED_STEPS).isTrue();
            }
            String ownPackage = d.getClass().getPackageName();
            Set<String> own = new TreeSet<>();
            for (CaseStep s : steps) {
                if (s.name().startsWith(d.stepPrefix())) {
                    own.add(s.name());
                    assertThat(s.getClass().getPackageName()).as("package of step %s", s.name()).isEqualTo(ownPackage);
                }
            }
            assertThat(named).as("steps of %s used by its process", d.updateType()).containsAll(own);

            Set<String> userTasks = new TreeSet<>();
            NodeList tasks = process.getElementsByTagNameNS("*", "userTask");
            for (int i = 0; i < tasks.getLength(); i++) {
                userTasks.add(((Element) tasks.item(i)).getAttribute("name"));
            }
            assertThat(userTasks).as("user tasks of %s whose deadlines the definition names", d.processFile())
                    .containsAll(d.taskDeadlines().keySet());
            for (String row : d.taskDeadlines().values()) {
                assertThat(workflowTable).as("the Deadlines table has the row %s", row).contains(row);
            }
            assertThat(d.taskDeadlines().values()).as("the Deadlines rows %s escalates", d.processFile())
                    .containsAll(inputValues(process, "Escalated"));

            assertThat(root.resolve(d.featureFile())).as("feature file of %s", d.updateType()).exists();
            assertThat(headings).as("a section of docs/caseworker-guide.md for %s", d.updateType()).contains(d.guideHeading());
            for (Class<?> question : d.questions()) {
                assertThat(question.getPackageName()).isEqualTo("org.dynreg.workflow.facts");
                assertThat(workflowTable).as("the workflow table answers %s", question.getSimpleName()).contains(question.getSimpleName());
            }
            assertThat(d.notices()).as("notices of %s", d.updateType()).isNotEmpty();
        }));
    }

    /** The values of the {@code Step} inputs of the process's service tasks. */
    private static Set<String> stepsNamedBy(Document process) {
        return inputValues(process, "Step");
    }

    /** The constant values the process assigns to the task inputs of this name. */
    private static Set<String> inputValues(Document process, String inputName) {
        Set<String> names = new TreeSet<>();
        NodeList inputs = process.getElementsByTagNameNS("*", "dataInput");
        Set<String> stepInputIds = new HashSet<>();
        for (int i = 0; i < inputs.getLength(); i++) {
            Element input = (Element) inputs.item(i);
            if (inputName.equals(input.getAttribute("name"))) {
                stepInputIds.add(input.getAttribute("id"));
            }
        }
        NodeList assignments = process.getElementsByTagNameNS("*", "assignment");
        for (int i = 0; i < assignments.getLength(); i++) {
            Element a = (Element) assignments.item(i);
            Element to = (Element) a.getElementsByTagNameNS("*", "to").item(0);
            Element from = (Element) a.getElementsByTagNameNS("*", "from").item(0);
            if (to != null && from != null && stepInputIds.contains(to.getTextContent().strip())) {
                names.add(from.getTextContent().strip());
            }
        }
        return names;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static String cells(Path workbook) throws Exception {
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.toString()).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
