package org.dynreg.workflow;

import org.dynreg.registry.UpdateType;

import java.util.Map;
import java.util.Set;

/**
 * One update type of the dynamic registry, defined in one place: the names that must match across the
 * service, the process files, the tables, the features and the guides. Each type's package holds exactly
 * one bean implementing this, beside its facade, its steps and its REST controller; {@link UpdateTypes}
 * refuses to start when an update type has no definition or two, or its process is not deployed, and a
 * test checks the files each definition names. docs/decisions/0029-one-shape-for-every-update-type.md says
 * how to add a type.
 */
public interface UpdateTypeDefinition {

    /** The update type a survey of this type carries, and the name of its cases' type. */
    UpdateType updateType();

    /** The case type stored with each case: the update type's name. */
    default String caseType() {
        return updateType().name();
    }

    /** The BPMN process id: {@code processes/<processId>.bpmn}. */
    String processId();

    /**
     * The prefix of every step this type's process runs and this type's package implements (e.g.
     * {@code shock.}); the process may also run the shared {@code case.} steps of the workflow package.
     */
    String stepPrefix();

    /** The kinds of notification this type's steps send a household. */
    Set<String> notices();

    /** The workflow-table questions (facts of {@code org.dynreg.workflow.facts}) this type asks. */
    Set<Class<?>> questions();

    /**
     * The row of the Deadlines table that watches each of this type's user tasks, by the task's name in its
     * process (the row the process's timer and its escalation name); a task not named here has no deadline.
     */
    Map<String, String> taskDeadlines();

    /** The heading of this type's section in docs/caseworker-guide.md. */
    String guideHeading();

    /** The process file, relative to the repository root. */
    default String processFile() {
        return "processes/" + processId() + ".bpmn";
    }

    /** The feature file stating this type's whole loop, relative to the repository root. */
    default String featureFile() {
        return "features/workflow/" + processId().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + ".feature";
    }
}
