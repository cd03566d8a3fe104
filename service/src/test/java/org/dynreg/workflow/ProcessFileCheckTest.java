package org.dynreg.workflow;

import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.PolicyProblem;
import org.dynreg.policy.RepositoryPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The check a process file passes before a bundle holding it is stored, on the repository's own processes and on
 * copies of appeal.bpmn broken one way each: every refusal names the element by its id in a plain sentence. The
 * check is the service's bean, so the steps, task groups and case types are the registry's own.
 */
@SpringBootTest
@ActiveProfiles("test")
class ProcessFileCheckTest {
    static final String APPEAL = "processes/appeal.bpmn";

    @Autowired ProcessFileCheck check;

    static List<PolicyFile> repositoryProcesses() throws IOException {
        List<PolicyFile> out = new ArrayList<>();
        try (var files = Files.list(RepositoryPolicy.root().resolve("processes"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                out.add(new PolicyFile("processes/" + p.getFileName(), Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static String appeal() throws IOException {
        return Files.readString(RepositoryPolicy.root().resolve(APPEAL), StandardCharsets.UTF_8);
    }

    /** The problems of appeal.bpmn changed by {@code edit}, which must change it. */
    List<PolicyProblem> appealWith(UnaryOperator<String> edit) throws IOException {
        String original = appeal();
        String changed = edit.apply(original);
        assertThat(changed).as("the edit changes the file").isNotEqualTo(original);
        return check.check(new PolicyFile(APPEAL, changed.getBytes(StandardCharsets.UTF_8)));
    }

    static String replaceOnce(String s, String what, String with) {
        assertThat(s).contains(what);
        int i = s.indexOf(what);
        return s.substring(0, i) + with + s.substring(i + what.length());
    }

    @Test
    void theRepositorysSixProcessesPass() throws IOException {
        List<PolicyFile> processes = repositoryProcesses();

        assertThat(processes).hasSize(6);
        assertThat(check.check(processes)).isEmpty();
    }

    @Test
    void aBundleWithoutTheProcessOfACaseTypeIsRefusedNamingIt() throws IOException {
        List<PolicyFile> withoutAppeal = repositoryProcesses().stream().filter(f -> !f.path().equals(APPEAL)).toList();

        assertThat(check.check(withoutAppeal)).extracting(PolicyProblem::file, PolicyProblem::message)
                .containsExactly(tuple(APPEAL, "the bundle holds no process for the case type APPEAL: every case type "
                        + "needs its process, processes/appeal.bpmn"));
    }

    @Test
    void aProcessThatDoesNotCompileIsRefusedNamingTheElement() throws IOException {
        // the gateway "Again" keeps two outgoing flows but one loses its condition: the engine cannot choose
        List<PolicyProblem> problems = appealWith(s -> s.replaceAll("(<bpmn2:sequenceFlow id=\"F29\"[^>]*)>\\s*<bpmn2:conditionExpression[^>]*>"
                + "<!\\[CDATA\\[not\\(retry = true\\)]]></bpmn2:conditionExpression>\\s*</bpmn2:sequenceFlow>", "$1/>"));

        assertThat(problems).extracting(PolicyProblem::element).containsExactly("Again");
        assertThat(problems.get(0).message()).startsWith("the process does not compile: Process 'Appeal against the cut-off' "
                + "[appeal]: Node 'Visit again?' [Again] Split does not have a constraint for Connection");
    }

    @Test
    void aStepTheRegistryDoesNotHaveIsRefusedAtItsTask() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> s.replace("<![CDATA[appeal.admissibility]]>", "<![CDATA[appeal.legal-check]]>"));

        assertThat(problems).extracting(PolicyProblem::element).containsExactly("Admissibility");
        assertThat(problems.get(0).message()).startsWith("the task 'Check the grounds for appeal' names the step "
                + "'appeal.legal-check', which the registry has no step of for this case type: use a step whose name starts "
                + "with 'appeal.' or 'case.' (").contains("appeal.admissibility", "case.escalate");
        assertThat(problems.get(0).location()).isEqualTo("processes/appeal.bpmn, element Admissibility");
    }

    @Test
    void aStepOfAnotherCaseTypeIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> s.replace("<![CDATA[appeal.admissibility]]>", "<![CDATA[roster.apply]]>"));

        assertThat(problems).extracting(PolicyProblem::element).containsExactly("Admissibility");
        assertThat(problems.get(0).message()).contains("names the step 'roster.apply', which the registry has no step of for this case type");
    }

    @Test
    void aTaskGroupTheRegistryDoesNotHaveIsRefusedAtItsUserTask() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> replaceOnce(s, "<![CDATA[CASEWORKER]]>", "<![CDATA[LAWYER]]>"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).matches("the user task '.+' is given to the group 'LAWYER', which is not one "
                + "of the registry's task groups \\(AUDITOR, CASEWORKER, DATA_ENTRY_OPERATOR, POLICY_OFFICER, SUPERVISOR\\)");
        assertThat(problems.get(0).element()).isNotNull();
    }

    @Test
    void aVariableOfATypeTheRegistryCannotStoreIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> replaceOnce(
                s.replace("<bpmn2:itemDefinition id=\"_ObjectItem\" structureRef=\"java.lang.Object\"/>",
                        "<bpmn2:itemDefinition id=\"_ObjectItem\" structureRef=\"java.lang.Object\"/>\n"
                                + "  <bpmn2:itemDefinition id=\"_DateItem\" structureRef=\"java.util.Date\"/>"),
                "<bpmn2:property id=\"lodgedBy\" itemSubjectRef=\"_StringItem\" name=\"lodgedBy\"/>",
                "<bpmn2:property id=\"lodgedBy\" itemSubjectRef=\"_DateItem\" name=\"lodgedBy\"/>"));

        assertThat(problems).extracting(PolicyProblem::element, PolicyProblem::message).containsExactly(
                tuple("_DateItem", "the item definition names the type 'java.util.Date', which the registry cannot store: "
                        + "use java.lang.Boolean, java.lang.Long, java.lang.String"),
                tuple("lodgedBy", "the process variable 'lodgedBy' is of type 'java.util.Date', which the registry cannot "
                        + "store: a process variable is a java.lang.Boolean, java.lang.Long, java.lang.String"));
    }

    @Test
    void aWorkItemOfAnotherTypeIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> s.replace(
                "<bpmn2:task id=\"Admissibility\" name=\"Check the grounds for appeal\" drools:taskName=\"CaseStep\">",
                "<bpmn2:task id=\"Admissibility\" name=\"Check the grounds for appeal\" drools:taskName=\"Rest\">"));

        assertThat(problems).extracting(PolicyProblem::element, PolicyProblem::message).containsExactly(tuple("Admissibility",
                "the task 'Check the grounds for appeal' is a work item of type 'Rest'; a process may only run the registry's "
                        + "own steps (a task of type CaseStep) and user tasks"));
    }

    @Test
    void aConditionInJavaIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> s.replace(
                "language=\"http://www.omg.org/spec/FEEL/20140401\"><![CDATA[admissible = true]]>",
                "language=\"http://www.java.com/java\"><![CDATA[return Runtime.getRuntime() != null;]]>"));

        assertThat(problems).extracting(PolicyProblem::element).containsOnly("F4", "F11");
        assertThat(problems.get(0).message()).isEqualTo("the condition of the sequence flow 'a ground applies' is not written "
                + "in FEEL (language 'http://www.java.com/java'): write it in FEEL, language=\"http://www.omg.org/spec/FEEL/20140401\"");
    }

    @Test
    void aConditionCallingAFunctionIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> replaceOnce(s, "<![CDATA[admissible = true]]>",
                "<![CDATA[string(admissible) = \"true\"]]>"));

        assertThat(problems).extracting(PolicyProblem::element, PolicyProblem::message).containsExactly(tuple("F4",
                "the condition of the sequence flow 'a ground applies', 'string(admissible) = \"true\"', calls the function "
                        + "'string', and a condition may call none; " + FeelCondition.ALLOWED));
    }

    @Test
    void aConditionFollowingAPathOrNamingAnUnknownVariableIsRefused() throws IOException {
        assertThat(appealWith(s -> replaceOnce(s, "<![CDATA[admissible = true]]>", "<![CDATA[admissible.class = true]]>")))
                .extracting(PolicyProblem::element, PolicyProblem::message).containsExactly(tuple("F4",
                        "the condition of the sequence flow 'a ground applies', 'admissible.class = true', follows a path from "
                                + "'admissible', and a condition may not; " + FeelCondition.ALLOWED));
        assertThat(appealWith(s -> replaceOnce(s, "<![CDATA[admissible = true]]>", "<![CDATA[admisible = true]]>")))
                .extracting(PolicyProblem::message).containsExactly("the condition of the sequence flow 'a ground applies', "
                        + "'admisible = true', names 'admisible', which is not a variable of this process; " + FeelCondition.ALLOWED);
        assertThat(appealWith(s -> replaceOnce(s, "<![CDATA[admissible = true]]>", "<![CDATA[admissible]]>")))
                .extracting(PolicyProblem::message).containsExactly("the condition of the sequence flow 'a ground applies', "
                        + "'admissible', ends without a comparison; " + FeelCondition.ALLOWED);
    }

    @Test
    void anExpressionOutsideATimersDurationIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> s.replace("<![CDATA[Review evidence]]>", "<![CDATA[#{claimedGrounds}]]>"));

        assertThat(problems).extracting(PolicyProblem::element, PolicyProblem::message).containsExactly(tuple("Review",
                "the <from> holds the expression '#{claimedGrounds}'; #{...} is allowed only as a timer's duration, #{variable}"));
    }

    @Test
    void aTimerNamingNoVariableIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> s.replace("#{evidenceDue}", "#{evidenceDeu}"));

        assertThat(problems).extracting(PolicyProblem::message).containsExactly(
                "the timer's duration '#{evidenceDeu}' names 'evidenceDeu', which is not a variable of this process");
    }

    @Test
    void anElementOutsideTheAllowListIsRefused() throws IOException {
        List<PolicyProblem> problems = appealWith(s -> s.replace(
                "<bpmn2:task id=\"Admissibility\" name=\"Check the grounds for appeal\" drools:taskName=\"CaseStep\">",
                "<bpmn2:task id=\"Admissibility\" name=\"Check the grounds for appeal\" drools:taskName=\"CaseStep\">\n"
                        + "      <bpmn2:extensionElements><drools:onEntry-script scriptFormat=\"http://www.java.com/java\">"
                        + "<drools:script>System.exit(1);</drools:script></drools:onEntry-script></bpmn2:extensionElements>"));

        assertThat(problems).extracting(PolicyProblem::element).containsOnly("Admissibility");
        assertThat(problems).extracting(PolicyProblem::message).first().asString()
                .startsWith("the element <bpmn2:extensionElements> is not one a registry process may hold; allowed are ");
        assertThat(problems).extracting(PolicyProblem::message).anySatisfy(m -> assertThat(m)
                .startsWith("the element <drools:onEntry-script> is not one a registry process may hold"));
    }

    @Test
    void aProcessNotNamedAfterItsIdOrOfNoCaseTypeIsRefused() throws IOException {
        List<PolicyProblem> problems = check.check(new PolicyFile("processes/appeal2.bpmn", appeal().getBytes(StandardCharsets.UTF_8)));

        assertThat(problems).extracting(PolicyProblem::element, PolicyProblem::message).containsExactly(tuple("appeal",
                "the process 'appeal' must be the file processes/appeal.bpmn: a process file is named after its process id"));
        assertThat(check.check(new PolicyFile(APPEAL, "<definitions/>".getBytes(StandardCharsets.UTF_8))))
                .extracting(PolicyProblem::message).first().asString().startsWith("not a BPMN 2.0 file");
    }
}
