package org.dynreg.benchmark;

import org.dynreg.eligibility.Eligibility;
import org.dynreg.database.IdBlocks;
import org.dynreg.policy.CompiledPolicy;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The write limit: one decision row per household, with the JSON of a real evaluation (so the same
 * width as the job's), inserted with JDBC batches of {@link #BATCH} rows, one transaction per batch,
 * on {@code threads} connections. Ids come from decision_seq in Hibernate's blocks.
 */
final class DecisionRows {
    static final int BATCH = 1000;
    static final String INSERT = "insert into eligibility_decision (id, household_id, survey_id, policy_version, policy_sha256, "
            + "decided_at, decided_by, score, cash_transfer_eligible, inputs, score_breakdown, likelihoods, programs, fired_rules, "
            + "reasons) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final CompiledPolicy policy;
    private final Eligibility.Decided sample;
    private final String[] columns;

    /** @param sample a decision as {@link Eligibility#decided} renders it: every row gets its JSON */
    DecisionRows(DataSource dataSource, CompiledPolicy policy, Eligibility.Decided sample) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.sample = sample;
        columns = new String[]{sample.inputs(), sample.scoreBreakdown(), sample.likelihoods(), sample.programs(),
                sample.firedRules(), sample.reasons()};
    }

    int averageBytes() {
        int n = 0;
        for (String c : columns) {
            n += c.length();
        }
        return n;
    }

    long insertForEveryHousehold(int threads) throws Exception {
        List<long[]> targets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, latest_survey_id from household order by id")) {
            while (rs.next()) {
                targets.add(new long[]{rs.getLong(1), rs.getLong(2)});
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> insert(targets, part, threads)));
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    private long insert(List<long[]> targets, int part, int parts) throws SQLException {
        int from = (int) ((long) targets.size() * part / parts);
        int to = (int) ((long) targets.size() * (part + 1) / parts);
        long written = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            IdBlocks ids = IdBlocks.reserve(c, "decision_seq", to - from);
            c.commit();
            for (int i = from; i < to; i++) {
                long[] t = targets.get(i);
                s.setLong(1, ids.next());
                s.setLong(2, t[0]);
                s.setLong(3, t[1]);
                s.setInt(4, policy.version());
                s.setString(5, policy.sha256());
                s.setTimestamp(6, Timestamp.from(Instant.now()));
                s.setString(7, "benchmark-write-limit");
                s.setInt(8, sample.score());
                s.setBoolean(9, sample.cashTransferEligible());
                for (int k = 0; k < columns.length; k++) {
                    s.setString(10 + k, columns[k]);
                }
                s.addBatch();
                if (++written % BATCH == 0) {
                    s.executeBatch();
                    c.commit();
                }
            }
            s.executeBatch();
            c.commit();
        }
        return written;
    }
}
