package org.dynreg.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Processes compiled at run time on the real engine and MariaDB: versions side by side (an appeal started on 1.0
 * finishes on it after a version 2 with an extra user task is put in force, and one started after goes through the new
 * task, both across a restart), and a step that fails leaving nothing of itself stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessVersionsTest {
    /** The versions registered while the service runs: what a real ProcessSources (the policy bundle) keeps stored. */
    static final List<ProcessSources.Source> ADDED = new CopyOnWriteArrayList<>();
    static final Map<String, String> IN_FORCE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The repository's processes and those added by the test; given to the service as a configuration source. */
    static class AddedVersions {
        @Bean
        @Primary
        ProcessSources testProcessSources() {
            RepositoryProcessSources repository = new RepositoryProcessSources();
            return new ProcessSources() {
                @Override
                public List<Source> sources() {
                    List<Source> all = new ArrayList<>(repository.sources());
                    all.addAll(ADDED);
                    return all;
                }

                @Override
                public Map<String, String> inForce() {
                    Map<String, String> inForce = new LinkedHashMap<>(repository.inForce());
                    inForce.putAll(IN_FORCE);
                    return inForce;
                }
            };
        }
    }

    RunningService service;

    @BeforeAll
    void start() {
        // a case-clock day of an hour: no escalation falls due in the middle of these steps
        service = new RunningService(new Class<?>[] {AddedVersions.class}, "dynreg.workflow.day=PT1H");
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    void restart() {
        service.close();
        start();
    }

    ProcessVersions versions() {
        return service.context.getBean(ProcessVersions.class);
    }

    long household(String reference, String idPrefix) {
        return service.submit(RunningService.surveyOn(reference, idPrefix, RunningService.today().minusDays(3))).get("householdId").asLong();
    }

    long lodge(long household, String ground) {
        ResponseEntity<JsonNode> r = service.post("caseworker", "/api/appeals", Map.of("householdId", household,
                "evidence", "income fell", "grounds", List.of(ground)));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    void take(String user, long caseId, String task, String outcome, String comment) {
        String id = service.taskOf(user, caseId, task);
        ResponseEntity<JsonNode> r = service.post(user, "/api/tasks/" + id + "/complete", Map.of("outcome", outcome, "comment", comment));
        assertThat(r.getStatusCode().value()).as("%s of case %d: %s", task, caseId, r.getBody()).isEqualTo(200);
    }

    JsonNode caseView(long caseId) {
        return service.get("auditor", "/api/cases/" + caseId).getBody();
    }

    /** Version 2 of the appeal: a caseworker checks the legal grounds after the admissibility check, before the review. */
    static String appealWithLegalCheck() {
        String xml = ProcessCompilerTest.xml("appeal");
        String task = """
                    <bpmn2:userTask id="LegalCheck" name="Check the legal grounds">
                      <bpmn2:incoming>F12</bpmn2:incoming>
                      <bpmn2:outgoing>F12b</bpmn2:outgoing>
                      <bpmn2:ioSpecification>
                        <bpmn2:dataInput id="LegalCheck_TaskNameIn" drools:dtype="String" itemSubjectRef="_StringItem" name="TaskName"/>
                        <bpmn2:dataInput id="LegalCheck_GroupIdIn" drools:dtype="String" itemSubjectRef="_StringItem" name="GroupId"/>
                        <bpmn2:dataInput id="LegalCheck_OutcomesIn" drools:dtype="String" itemSubjectRef="_StringItem" name="Outcomes"/>
                        <bpmn2:dataInput id="LegalCheck_CaseIdIn" drools:dtype="java.lang.Long" itemSubjectRef="_LongItem" name="CaseId"/>
                        <bpmn2:dataInput id="LegalCheck_NotByIn" drools:dtype="java.lang.String" itemSubjectRef="_StringItem" name="NotBy"/>
                        <bpmn2:inputSet>
                          <bpmn2:dataInputRefs>LegalCheck_TaskNameIn</bpmn2:dataInputRefs>
                          <bpmn2:dataInputRefs>LegalCheck_GroupIdIn</bpmn2:dataInputRefs>
                          <bpmn2:dataInputRefs>LegalCheck_OutcomesIn</bpmn2:dataInputRefs>
                          <bpmn2:dataInputRefs>LegalCheck_CaseIdIn</bpmn2:dataInputRefs>
                          <bpmn2:dataInputRefs>LegalCheck_NotByIn</bpmn2:dataInputRefs>
                        </bpmn2:inputSet>
                        <bpmn2:outputSet/>
                      </bpmn2:ioSpecification>
                      <bpmn2:dataInputAssociation>
                        <bpmn2:targetRef>LegalCheck_TaskNameIn</bpmn2:targetRef>
                        <bpmn2:assignment>
                          <bpmn2:from xsi:type="bpmn2:tFormalExpression"><![CDATA[Check the legal grounds]]></bpmn2:from>
                          <bpmn2:to xsi:type="bpmn2:tFormalExpression">LegalCheck_TaskNameIn</bpmn2:to>
                        </bpmn2:assignment>
                      </bpmn2:dataInputAssociation>
                      <bpmn2:dataInputAssociation>
                        <bpmn2:targetRef>LegalCheck_GroupIdIn</bpmn2:targetRef>
                        <bpmn2:assignment>
                          <bpmn2:from xsi:type="bpmn2:tFormalExpression"><![CDATA[CASEWORKER]]></bpmn2:from>
                          <bpmn2:to xsi:type="bpmn2:tFormalExpression">LegalCheck_GroupIdIn</bpmn2:to>
                        </bpmn2:assignment>
                      </bpmn2:dataInputAssociation>
                      <bpmn2:dataInputAssociation>
                        <bpmn2:targetRef>LegalCheck_OutcomesIn</bpmn2:targetRef>
                        <bpmn2:assignment>
                          <bpmn2:from xsi:type="bpmn2:tFormalExpression"><![CDATA[CLEARED]]></bpmn2:from>
                          <bpmn2:to xsi:type="bpmn2:tFormalExpression">LegalCheck_OutcomesIn</bpmn2:to>
                        </bpmn2:assignment>
                      </bpmn2:dataInputAssociation>
                      <bpmn2:dataInputAssociation>
                        <bpmn2:sourceRef>caseId</bpmn2:sourceRef>
                        <bpmn2:targetRef>LegalCheck_CaseIdIn</bpmn2:targetRef>
                      </bpmn2:dataInputAssociation>
                      <bpmn2:dataInputAssociation>
                        <bpmn2:sourceRef>reviewNotBy</bpmn2:sourceRef>
                        <bpmn2:targetRef>LegalCheck_NotByIn</bpmn2:targetRef>
                      </bpmn2:dataInputAssociation>
                    </bpmn2:userTask>
                """;
        String changed = xml
                .replace("<bpmn2:sequenceFlow id=\"F12\" sourceRef=\"ToReview\" targetRef=\"Review\"/>",
                        "<bpmn2:sequenceFlow id=\"F12\" sourceRef=\"ToReview\" targetRef=\"LegalCheck\"/>\n"
                                + "    <bpmn2:sequenceFlow id=\"F12b\" sourceRef=\"LegalCheck\" targetRef=\"Review\"/>")
                .replace("<bpmn2:userTask id=\"Review\" name=\"Review evidence\">\n      <bpmn2:incoming>F12</bpmn2:incoming>",
                        task + "    <bpmn2:userTask id=\"Review\" name=\"Review evidence\">\n      <bpmn2:incoming>F12b</bpmn2:incoming>");
        assertThat(changed).as("the appeal process changed where the test expects").contains("targetRef=\"LegalCheck\"",
                "<bpmn2:incoming>F12b</bpmn2:incoming>");
        return changed;
    }

    @Test
    @Order(1)
    void aStepThatFailsLeavesNothingOfItselfStored() {
        // exclusion-car: no ground of the table applies, so a claimed DISABILITY goes to an evidence check
        long household = household("exclusion-car", "7711");
        long caseId = lodge(household, "DISABILITY");
        String task = service.taskOf("caseworker2", caseId, "Check the evidence");
        JdbcTemplate jdbc = service.context.getBean(JdbcTemplate.class);
        String instance = jdbc.queryForObject("select process_instance_id from workflow_case where id = ?", String.class, caseId);
        long stored = jdbc.queryForObject("select version from process_instances where id = ?", Long.class, instance);
        int history = caseView(caseId).get("history").size();

        // the task completes, then the step after it (appeal.evidence) refuses a missing comment: all of it is undone
        ResponseEntity<JsonNode> refused = service.post("caseworker2", "/api/tasks/" + task + "/complete", Map.of("outcome", "NOT_CONFIRMED"));
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);

        assertThat(jdbc.queryForObject("select version from process_instances where id = ?", Long.class, instance))
                .as("the process instance as it was").isEqualTo(stored);
        assertThat(jdbc.queryForObject("select status from jbpm_user_tasks where id = ?", String.class, task)).isEqualTo("Ready");
        assertThat(jdbc.queryForObject("select actual_owner from jbpm_user_tasks where id = ?", String.class, task))
                .as("not even the claim that came with the completion").isNull();
        JsonNode after = caseView(caseId);
        assertThat(after.get("state").asText()).isEqualTo("OPEN");
        assertThat(after.get("history").size()).as("no task.complete, no step recorded").isEqualTo(history);
        assertThat(service.taskOf("caseworker2", caseId, "Check the evidence")).isEqualTo(task);

        take("caseworker2", caseId, "Check the evidence", "NOT_CONFIRMED", "no medical certificate");
        assertThat(caseView(caseId).get("state").asText()).isEqualTo("CLOSED");
    }

    /** The statement of migration V23 that gives stored tasks ids of process, version and element. */
    static String v23TaskRename() throws java.io.IOException {
        try (java.io.InputStream in = ProcessVersionsTest.class.getResourceAsStream("/db/migration/V23__process_versions.sql")) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String update = sql.substring(sql.indexOf("UPDATE jbpm_user_tasks"));
            return update.substring(0, update.indexOf(';')).lines().filter(l -> !l.strip().startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    @Test
    @Order(2)
    void aTaskStoredWithTheElementAloneAsItsIdContinuesAndMigrationV23GivesItTheFullId() throws Exception {
        JdbcTemplate jdbc = service.context.getBean(JdbcTemplate.class);
        long household = household("cutoff-33-standard-not-eligible", "7714");
        long caseId = lodge(household, "SCORE_NEAR_CUTOFF");
        String review = service.taskOf("caseworker2", caseId, "Review evidence");
        assertThat(jdbc.queryForObject("select user_task_id from jbpm_user_tasks where id = ?", String.class, review))
                .isEqualTo("appeal:" + versions().inForce("appeal").orElseThrow() + ":Review");
        String version = caseView(caseId).get("processVersion").asText();

        // as the build-time classes stored it: the element id alone
        jdbc.update("update jbpm_user_tasks set user_task_id = 'Review' where id = ?", review);
        jdbc.update(v23TaskRename());
        assertThat(jdbc.queryForObject("select user_task_id from jbpm_user_tasks where id = ?", String.class, review))
                .as("renamed from the process id and version in the task's metadata").isEqualTo("appeal:" + version + ":Review");

        // and one the migration did not reach is still found through its process and version
        jdbc.update("update jbpm_user_tasks set user_task_id = 'Review' where id = ?", review);
        take("caseworker2", caseId, "Review evidence", "REJECT", "income is above the line");
        assertThat(caseView(caseId).get("openTasks").findValuesAsText("name")).containsExactly("Decide appeal");
        take("supervisor", caseId, "Decide appeal", "REJECT", "the score stands");
        assertThat(caseView(caseId).get("state").asText()).isEqualTo("CLOSED");
    }

    /** Last: it puts version 2 of the appeal in force. */
    @Test
    @Order(3)
    void aCaseFinishesOnTheVersionItStartedOnWhileNewCasesTakeTheVersionInForceAcrossARestart() {
        assertThat(versions().inForce("appeal")).contains("1.0");
        long first = household("cutoff-33-standard-not-eligible", "7712");
        long before = lodge(first, "SCORE_NEAR_CUTOFF");
        JsonNode old = caseView(before);
        assertThat(old.get("processVersion").asText()).isEqualTo("1.0");
        assertThat(old.get("openTasks").findValuesAsText("name")).containsExactly("Review evidence");
        assertThat(old.get("openTasks").findValuesAsText("processVersion")).containsExactly("1.0");

        String xml = appealWithLegalCheck();
        versions().register("appeal", "2", xml);
        ADDED.add(new ProcessSources.Source("appeal", "2", xml));
        assertThat(versions().inForce("appeal")).as("registered is not in force").contains("1.0");
        versions().putInForce("appeal", "2");
        IN_FORCE.put("appeal", "2");
        assertThat(versions().versions("appeal")).containsExactly("1.0", "2");
        assertThatThrownBy(() -> versions().register("appeal", "2", xml.replace("Check the legal grounds", "Legal check")))
                .isInstanceOf(ProcessRefusedException.class).hasMessageContaining("registered already");
        assertThatThrownBy(() -> versions().putInForce("appeal", "9")).isInstanceOf(ProcessRefusedException.class)
                .hasMessageContaining("not registered");

        long second = household("cutoff-33-standard-not-eligible", "7713");
        long after = lodge(second, "SCORE_NEAR_CUTOFF");
        JsonNode fresh = caseView(after);
        assertThat(fresh.get("processVersion").asText()).isEqualTo("2");
        assertThat(fresh.get("openTasks").findValuesAsText("name")).containsExactly("Check the legal grounds");
        assertThat(RunningService.history(fresh, "case.open").get("details").get("processVersion").asText()).isEqualTo("2");
        assertThat(caseView(before).get("openTasks").findValuesAsText("name")).as("the running case keeps its path")
                .containsExactly("Review evidence");

        restart();

        assertThat(versions().inForce("appeal")).contains("2");
        // the 1.0 case: its review, completed while 2 is in force, moves the 1.0 instance on
        take("caseworker2", before, "Review evidence", "REJECT", "income is above the line");
        assertThat(caseView(before).get("openTasks").findValuesAsText("name")).containsExactly("Decide appeal");
        take("supervisor", before, "Decide appeal", "REJECT", "the score stands");
        JsonNode oldDone = caseView(before);
        assertThat(oldDone.get("state").asText()).isEqualTo("CLOSED");
        assertThat(oldDone.get("processVersion").asText()).isEqualTo("1.0");
        assertThat(oldDone.get("history").findValuesAsText("task")).doesNotContain("Check the legal grounds");

        // the 2 case: the new task first, then the same path as before
        take("caseworker2", after, "Check the legal grounds", "CLEARED", "the appeal is in time and in form");
        assertThat(caseView(after).get("openTasks").findValuesAsText("name")).containsExactly("Review evidence");
        take("caseworker2", after, "Review evidence", "REJECT", "income is above the line");
        take("supervisor", after, "Decide appeal", "REJECT", "the score stands");
        JsonNode newDone = caseView(after);
        assertThat(newDone.get("state").asText()).isEqualTo("CLOSED");
        assertThat(newDone.get("history").findValuesAsText("task")).contains("Check the legal grounds");
    }
}
