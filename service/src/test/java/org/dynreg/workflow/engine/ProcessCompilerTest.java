package org.dynreg.workflow.engine;

import org.jbpm.process.core.Work;
import org.jbpm.workflow.core.impl.WorkflowProcessImpl;
import org.jbpm.workflow.core.node.HumanTaskNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repository's processes compiled at run time, as the service compiles them: each under the version it is
 * registered with, every step in the caller's transaction, and user-task definitions whose ids name the process, the
 * version and the element; a BPMN that cannot run is refused naming the process and version.
 */
class ProcessCompilerTest {
    static final List<ProcessSources.Source> REPOSITORY = new RepositoryProcessSources("file:../processes/*.bpmn").sources();

    static String xml(String processId) {
        return REPOSITORY.stream().filter(s -> s.processId().equals(processId)).findFirst().orElseThrow().xml();
    }

    @Test
    void everyRepositoryProcessCompilesWithTransactionsOnAndItsVersion() {
        assertThat(REPOSITORY).extracting(ProcessSources.Source::processId).containsExactlyInAnyOrder("appeal", "cyclicUpdate",
                "missedOutRegistration", "recertification", "rosterUpdate", "shockUpdate");
        for (ProcessSources.Source s : REPOSITORY) {
            ProcessCompiler.Compiled compiled = ProcessCompiler.compile(s.processId(), s.version(), s.xml());
            assertThat(compiled.id()).isEqualTo(s.processId());
            assertThat(compiled.version()).isEqualTo("1.0");
            assertThat(((WorkflowProcessImpl) compiled.process()).getMetaData().get("jbpm.transactions.enable"))
                    .as("%s: a failing step must roll its transaction back, not be stored half done", s.processId()).isEqualTo("true");
        }
    }

    @Test
    void userTaskIdsNameProcessVersionAndElementSoTheFourResurveysAreFourDefinitions() {
        Map<String, List<String>> ids = REPOSITORY.stream().collect(Collectors.toMap(ProcessSources.Source::processId,
                s -> ProcessCompiler.compile(s.processId(), s.version(), s.xml()).tasks().stream().map(ProcessCompiler.TaskDefinition::id)
                        .toList()));
        assertThat(ids.get("appeal")).containsExactlyInAnyOrder("appeal:1.0:CheckEvidence", "appeal:1.0:Review", "appeal:1.0:Decide",
                "appeal:1.0:Resurvey");
        assertThat(ids.values().stream().flatMap(List::stream).filter(id -> id.endsWith(":Resurvey")))
                .containsExactlyInAnyOrder("appeal:1.0:Resurvey", "cyclicUpdate:1.0:Resurvey", "recertification:1.0:Resurvey",
                        "shockUpdate:1.0:Resurvey");
        assertThat(ids.values().stream().mapToInt(List::size).sum()).as("user tasks in the six processes").isEqualTo(13);
        assertThat(ids.values().stream().flatMap(List::stream).distinct().count()).as("no two share an id").isEqualTo(13);

        ProcessCompiler.Compiled two = ProcessCompiler.compile("appeal", "2", xml("appeal"));
        assertThat(two.version()).isEqualTo("2");
        assertThat(two.tasks()).extracting(ProcessCompiler.TaskDefinition::id).contains("appeal:2:Resurvey");
        ProcessCompiler.TaskDefinition review = two.tasks().stream().filter(t -> t.element().equals("Review")).findFirst().orElseThrow();
        assertThat(review.name()).isEqualTo("Review evidence");
        assertThat(review.groups()).isEqualTo("CASEWORKER");
        HumanTaskNode node = ((WorkflowProcessImpl) two.process()).getNodesRecursively().stream()
                .filter(n -> n instanceof HumanTaskNode).map(n -> (HumanTaskNode) n)
                .filter(n -> "Review".equals(n.getMetaData().get("UniqueId"))).findFirst().orElseThrow();
        assertThat(node.getWork().getParameter(Work.PARAMETER_UNIQUE_TASK_ID)).as("what the task handler looks the definition up by")
                .isEqualTo("appeal:2:Review");
    }

    @Test
    void aBpmnThatCannotRunIsRefusedNamingProcessAndVersion() {
        String broken = xml("appeal").replaceFirst("(<bpmn2:conditionExpression[^>]*>)<!\\[CDATA\\[[^\\]]*\\]\\]>",
                "$1<![CDATA[this is ( not a condition]]>");
        assertThat(broken).isNotEqualTo(xml("appeal"));
        assertThatThrownBy(() -> ProcessCompiler.compile("appeal", "3", broken)).isInstanceOf(ProcessRefusedException.class)
                .hasMessageStartingWith("process appeal version 3: it does not compile");
        assertThatThrownBy(() -> ProcessCompiler.compile("cyclicUpdate", "2", xml("appeal"))).isInstanceOf(ProcessRefusedException.class)
                .hasMessageContaining("holds process 'appeal', not 'cyclicUpdate'");
        assertThatThrownBy(() -> ProcessCompiler.compile("appeal", "2:1", xml("appeal"))).isInstanceOf(ProcessRefusedException.class)
                .hasMessageContaining("no ':'");
        assertThatThrownBy(() -> ProcessCompiler.compile("appeal", "2", " ")).isInstanceOf(ProcessRefusedException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ProcessCompiler.compile("appeal", "2", "<definitions/>")).isInstanceOf(ProcessRefusedException.class)
                .hasMessageStartingWith("process appeal version 2:");
    }
}
