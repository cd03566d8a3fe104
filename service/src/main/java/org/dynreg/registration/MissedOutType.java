package org.dynreg.registration;

import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.UpdateTypeDefinition;
import org.dynreg.workflow.facts.TaskDue;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** Registration of a household the door-to-door survey missed, from its registration token. */
@Component
class MissedOutType implements UpdateTypeDefinition {

    @Override
    public UpdateType updateType() {
        return UpdateType.MISSED_OUT;
    }

    @Override
    public String processId() {
        return "missedOutRegistration";
    }

    @Override
    public String stepPrefix() {
        return "registration.";
    }

    @Override
    public Set<String> notices() {
        return Set.of("REGISTRATION_ENROLLED", "REGISTRATION_NOT_ELIGIBLE");
    }

    @Override
    public Set<Class<?>> questions() {
        return Set.of(TaskDue.class);
    }

    @Override
    public Map<String, String> taskDeadlines() {
        return Map.of("Resolve identity check", "identity-review");
    }

    @Override
    public String guideHeading() {
        return "Registering a missed-out household";
    }
}
