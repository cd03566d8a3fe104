package org.dynreg.batch;

import org.dynreg.workflow.UpdateDue;
import org.springframework.batch.item.ExecutionContext;

import java.time.LocalDate;

/**
 * What falls due, as a sweep's partitions carry it: fixed when the run first starts, so that a restart selects
 * by the same last-survey date and rule even if the Update windows table changed meanwhile.
 */
final class PinnedDue {
    private PinnedDue() {
    }

    static void put(ExecutionContext c, UpdateDue due) {
        c.putString("updateType", due.updateType());
        c.putString("asOf", due.asOf().toString());
        c.putInt("monthsAfterLastSurvey", due.monthsAfterLastSurvey());
        c.putString("lastSurveyedOnOrBefore", due.lastSurveyedOnOrBefore().toString());
        c.putString("rule", due.rule());
        if (due.gracePeriod() != null) {
            c.putString("gracePeriod", due.gracePeriod());
        }
    }

    static UpdateDue of(ExecutionContext c) {
        return new UpdateDue(c.getString("updateType"), LocalDate.parse(c.getString("asOf")), c.getInt("monthsAfterLastSurvey"),
                LocalDate.parse(c.getString("lastSurveyedOnOrBefore")), c.getString("rule"),
                c.containsKey("gracePeriod") ? c.getString("gracePeriod") : null);
    }
}
