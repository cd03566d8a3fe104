package org.dynreg.batch;

import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Streams one district's households in household-id order, a page at a time: each page starts after the last
 * household fetched (keyset), never by offset, so a page costs the same at the end of a district as at its start.
 * The id of the last household handed out is the partition's progress: Spring Batch stores it with each chunk's
 * commit, and a restart goes on after it, so nothing committed is read again and nothing uncommitted is lost.
 */
class KeysetReader<T> implements ItemStreamReader<T> {
    static final String LAST_ID = "lastHouseholdId";

    /** A page: up to {@code limit} items with ids above {@code afterId}, in id order. */
    interface Pages<T> {
        List<T> after(long afterId, int limit);
    }

    private final Pages<T> pages;
    private final ToLongFunction<T> id;
    private final int pageSize;
    private final Throttle throttle;
    private final Deque<T> buffer = new ArrayDeque<>();
    private long fetchedUpTo;
    private long handedOut;
    private boolean exhausted;

    KeysetReader(Pages<T> pages, ToLongFunction<T> id, int pageSize, Throttle throttle) {
        this.pages = pages;
        this.id = id;
        this.pageSize = pageSize;
        this.throttle = throttle;
    }

    @Override
    public void open(ExecutionContext context) {
        handedOut = context.getLong(LAST_ID, 0L);
        fetchedUpTo = handedOut;
        buffer.clear();
        exhausted = false;
    }

    @Override
    public T read() {
        if (buffer.isEmpty() && !exhausted) {
            throttle.acquire(pageSize);
            List<T> page = pages.after(fetchedUpTo, pageSize);
            buffer.addAll(page);
            if (page.isEmpty()) {
                exhausted = true;
            } else {
                fetchedUpTo = id.applyAsLong(page.get(page.size() - 1));
            }
        }
        T next = buffer.poll();
        if (next != null) {
            handedOut = id.applyAsLong(next);
        }
        return next;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LAST_ID, handedOut);
    }
}
