package org.dynreg.appeals;

import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.UpdateTypeDefinition;
import org.dynreg.workflow.facts.AppealRequest;
import org.dynreg.workflow.facts.ResurveyOutcome;
import org.dynreg.workflow.facts.TaskDue;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** An appeal against the cut-off by a household that does not receive the cash transfer. */
@Component
class AppealType implements UpdateTypeDefinition {

    @Override
    public UpdateType updateType() {
        return UpdateType.APPEAL;
    }

    @Override
    public String processId() {
        return "appeal";
    }

    @Override
    public String stepPrefix() {
        return "appeal.";
    }

    @Override
    public Set<String> notices() {
        return Resurveys.withNotSurveyed(UpdateType.APPEAL, "APPEAL_NOT_ADMISSIBLE", "APPEAL_ACCEPTED", "APPEAL_REJECTED", "APPEAL_RESURVEYED");
    }

    @Override
    public Set<Class<?>> questions() {
        return Set.of(AppealRequest.class, TaskDue.class, ResurveyOutcome.class);
    }

    @Override
    public Map<String, String> taskDeadlines() {
        return Map.of("Check the evidence", "appeal-evidence", "Review evidence", "appeal-review",
                "Decide appeal", "appeal-decision", "Re-survey the household", "appeal-resurvey");
    }

    @Override
    public String guideHeading() {
        return "Appeal against the cut-off";
    }
}
