package org.dynreg.eligibility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decision ids for JDBC batch inserts, from the same {@code decision_seq} that Hibernate draws on for the
 * decisions of surveys. The sequence steps by 50 and Hibernate's default (pooled) optimizer takes a value
 * {@code v} as the block {@code v-49 .. v} (the very first value, 1, as itself), so a block taken here the same
 * way never meets one taken by Hibernate. One sequence call per 50 decisions, not one per decision.
 */
@Component
class DecisionIds {
    static final int BLOCK = 50;

    private final JdbcTemplate jdbc;
    private long next;
    private long last = -1;

    DecisionIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    synchronized long[] next(int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            if (next > last) {
                long v = jdbc.queryForObject("select nextval(decision_seq)", Long.class);
                next = Math.max(1, v - (BLOCK - 1));
                last = v;
            }
            ids[i] = next++;
        }
        return ids;
    }
}
