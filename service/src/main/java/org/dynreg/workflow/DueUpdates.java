package org.dynreg.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An update type that falls due with time, as the due-date sweep sees it: which households are due on a day,
 * district by district in household-id order, and what falling due does to one of them. Doing it twice does
 * nothing the second time: {@link #act} asks again, under the household's lock, whether it is still due.
 */
public interface DueUpdates {

    String updateType();

    /**
     * What falls due on {@code asOf}; empty when the Update windows table sets no window for this type. A day
     * after today is refused (422): a sweep catches up on days it missed, it never runs ahead.
     */
    Optional<UpdateDue> dueOn(LocalDate asOf);

    long countDue(UpdateDue due);

    /** Up to {@code limit} households of the district due, with ids above {@code afterId}, in id order. */
    List<Long> dueIn(UpdateDue due, String province, String district, long afterId, int limit);

    /**
     * Does what falling due means for one household, in a transaction of its own; false when it is no longer due
     * (done meanwhile, by an earlier or a concurrent sweep).
     */
    boolean act(long householdId, UpdateDue due, String actor);
}
