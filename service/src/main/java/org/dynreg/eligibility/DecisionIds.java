package org.dynreg.eligibility;

import org.dynreg.database.IdBlocks;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decision ids for JDBC batch inserts, from the same {@code decision_seq} that Hibernate draws on for the
 * decisions of surveys. The sequence steps by 50 and Hibernate's default (pooled) optimizer takes a value
 * {@code v} as the block {@code v-49 .. v} (the very first value, 1, as itself), so a block taken here the same
 * way never meets one taken by Hibernate ({@link IdBlocks}). One query per chunk of decisions.
 */
@Component
class DecisionIds {
    private final JdbcTemplate jdbc;

    DecisionIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long[] next(int count) {
        IdBlocks blocks = jdbc.execute((ConnectionCallback<IdBlocks>) c -> IdBlocks.reserve(c, "decision_seq", count));
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = blocks.next();
        }
        return ids;
    }
}
