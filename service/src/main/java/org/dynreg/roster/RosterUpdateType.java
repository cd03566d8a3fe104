package org.dynreg.roster;

import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.UpdateTypeDefinition;
import org.dynreg.workflow.facts.RosterChange;
import org.dynreg.workflow.facts.TaskDue;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** A change to a household's roster (a birth, a death, a member joining or leaving, a correction). */
@Component
class RosterUpdateType implements UpdateTypeDefinition {

    @Override
    public UpdateType updateType() {
        return UpdateType.ROSTER_UPDATE;
    }

    @Override
    public String processId() {
        return "rosterUpdate";
    }

    @Override
    public String stepPrefix() {
        return "roster.";
    }

    @Override
    public Set<String> notices() {
        return Set.of("ROSTER_CHANGE_APPLIED", "ROSTER_CHANGE_NOT_APPLIED", "ROSTER_CHANGE_REJECTED");
    }

    @Override
    public Set<Class<?>> questions() {
        return Set.of(RosterChange.class, TaskDue.class);
    }

    @Override
    public Map<String, String> taskDeadlines() {
        return Map.of("Verify the change", "identity-review", "Approve the roster change", "roster-approval");
    }

    @Override
    public String guideHeading() {
        return "Roster updates";
    }
}
