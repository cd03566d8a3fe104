package org.dynreg.shock;

import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.UpdateTypeDefinition;
import org.dynreg.workflow.facts.ShockHousehold;
import org.dynreg.workflow.facts.ResurveyOutcome;
import org.dynreg.workflow.facts.TaskDue;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** The re-survey of a household in the area of a declared shock, and its emergency assistance. */
@Component
class ShockUpdateType implements UpdateTypeDefinition {

    @Override
    public UpdateType updateType() {
        return UpdateType.SHOCK_UPDATE;
    }

    @Override
    public String processId() {
        return "shockUpdate";
    }

    @Override
    public String stepPrefix() {
        return "shock.";
    }

    @Override
    public Set<String> notices() {
        return Resurveys.withNotSurveyed(UpdateType.SHOCK_UPDATE, "SHOCK_ASSISTANCE", "SHOCK_NO_ASSISTANCE");
    }

    @Override
    public Set<Class<?>> questions() {
        return Set.of(ShockHousehold.class, TaskDue.class, ResurveyOutcome.class);
    }

    @Override
    public Map<String, String> taskDeadlines() {
        return Map.of("Re-survey after the shock", "shock-resurvey");
    }

    @Override
    public String guideHeading() {
        return "Shock update: re-surveys after a disaster and emergency assistance";
    }
}
