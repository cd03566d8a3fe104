package org.dynreg.cyclic;

import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.UpdateTypeDefinition;
import org.dynreg.workflow.facts.ResurveyOutcome;
import org.dynreg.workflow.facts.TaskDue;
import org.dynreg.workflow.facts.UpdateRequest;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** The periodic re-survey a household may ask for once its update window opens. */
@Component
class CyclicUpdateType implements UpdateTypeDefinition {

    @Override
    public UpdateType updateType() {
        return UpdateType.CYCLIC_UPDATE;
    }

    @Override
    public String processId() {
        return "cyclicUpdate";
    }

    @Override
    public String stepPrefix() {
        return "cyclicUpdate.";
    }

    @Override
    public Set<String> notices() {
        return Resurveys.withNotSurveyed(UpdateType.CYCLIC_UPDATE, "CYCLIC_UPDATE_DUE", "CYCLIC_UPDATE_RESCORED");
    }

    @Override
    public Set<Class<?>> questions() {
        return Set.of(UpdateRequest.class, TaskDue.class, ResurveyOutcome.class);
    }

    @Override
    public Map<String, String> taskDeadlines() {
        return Map.of();
    }

    @Override
    public String guideHeading() {
        return "Cyclic update";
    }
}
