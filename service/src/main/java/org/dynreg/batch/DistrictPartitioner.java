package org.dynreg.batch;

import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One partition per district in a job's scope, however many threads work on them: a district is the unit whose
 * progress a restart resumes. On a restart Spring Batch asks again and takes each district's progress from its
 * last execution; a district done before is not run again.
 */
final class DistrictPartitioner implements Partitioner {
    private final Supplier<List<District>> districts;
    private final Consumer<ExecutionContext> common;

    /** @param common adds what every partition of the run shares (pinned at the run's first start) */
    DistrictPartitioner(Supplier<List<District>> districts, Consumer<ExecutionContext> common) {
        this.districts = districts;
        this.common = common;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (District d : districts.get()) {
            ExecutionContext context = d.context();
            common.accept(context);
            partitions.put(d.partitionName(), context);
        }
        return partitions;
    }
}
