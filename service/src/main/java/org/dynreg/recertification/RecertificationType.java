package org.dynreg.recertification;

import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.UpdateTypeDefinition;
import org.dynreg.workflow.facts.ResurveyOutcome;
import org.dynreg.workflow.facts.TaskDue;
import org.dynreg.workflow.facts.UpdateRequest;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** The re-survey a beneficiary household must have to keep its benefit. */
@Component
class RecertificationType implements UpdateTypeDefinition {

    @Override
    public UpdateType updateType() {
        return UpdateType.RECERTIFICATION;
    }

    @Override
    public String processId() {
        return "recertification";
    }

    @Override
    public String stepPrefix() {
        return "recertification.";
    }

    @Override
    public Set<String> notices() {
        return Resurveys.withNotSurveyed(UpdateType.RECERTIFICATION, "RECERTIFICATION_DUE", "RECERTIFICATION_SUSPENSION_WARNING", "RECERTIFIED", "RECERTIFICATION_SUSPENDED", "RECERTIFICATION_EXIT");
    }

    @Override
    public Set<Class<?>> questions() {
        return Set.of(UpdateRequest.class, TaskDue.class, ResurveyOutcome.class);
    }

    @Override
    public Map<String, String> taskDeadlines() {
        return Map.of("Re-survey the household", "recertification-resurvey");
    }

    @Override
    public String guideHeading() {
        return "Recertification";
    }
}
