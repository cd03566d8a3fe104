package org.dynreg.workflow;

import org.dynreg.api.NotFoundException;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.engine.ProcessVersions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The update types the service knows, by update type, case type or process id; checked complete at start-up. */
@Service
public class UpdateTypes implements SmartInitializingSingleton {
    private final Map<UpdateType, UpdateTypeDefinition> byType = new EnumMap<>(UpdateType.class);
    private final ObjectProvider<ProcessVersions> processes;

    UpdateTypes(List<UpdateTypeDefinition> definitions, ObjectProvider<ProcessVersions> processes) {
        this.processes = processes;
        for (UpdateTypeDefinition d : definitions) {
            UpdateTypeDefinition before = byType.put(d.updateType(), d);
            if (before != null) {
                throw new IllegalStateException("update type " + d.updateType() + " is defined twice: by "
                        + before.getClass().getName() + " and " + d.getClass().getName());
            }
        }
        List<UpdateType> missing = Arrays.stream(UpdateType.values()).filter(t -> !byType.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("update types without a definition: " + missing);
        }
    }

    /** Every process a definition names is deployed; checked once the engine is up, before the port opens. */
    @Override
    public void afterSingletonsInstantiated() {
        ProcessVersions deployed = processes.getIfAvailable();
        if (deployed == null) {
            return;
        }
        String absent = byType.values().stream().filter(d -> deployed.inForce(d.processId()).isEmpty())
                .map(d -> d.updateType() + " (" + d.processFile() + ")").collect(Collectors.joining(", "));
        if (!absent.isEmpty()) {
            throw new IllegalStateException("update types whose process is not deployed: " + absent);
        }
    }

    public List<UpdateTypeDefinition> all() {
        return List.copyOf(byType.values());
    }

    public UpdateTypeDefinition of(UpdateType type) {
        return byType.get(type);
    }

    /** The definition whose cases carry this case type. */
    public UpdateTypeDefinition ofCaseType(String caseType) {
        return byType.values().stream().filter(d -> d.caseType().equals(caseType)).findFirst()
                .orElseThrow(() -> new NotFoundException("update type", caseType));
    }
}
