package org.dynreg.benchmark;

import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.policy.CompiledPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * (c) and (d): the same households' facts, held in memory, decided by the plain-Java scorecard and by
 * the decision tables, on the same number of threads, after a warm-up pass each, for at least
 * {@link #MIN_NANOS} so that a fast baseline is not timed over a few milliseconds.
 */
final class InMemory {
    static final long MIN_NANOS = 5_000_000_000L;

    private final List<HouseholdFactsBuilder.Facts> facts;
    private final int threads;
    private long plainCount, plainNanos, tablesCount, tablesNanos;

    InMemory(List<HouseholdFactsBuilder.Facts> facts, int threads) {
        this.facts = facts;
        this.threads = threads;
    }

    /** Households on which the baseline and the tables differ in score, outcome, recipient or stipends. */
    int disagreements(CompiledPolicy policy) {
        int differ = 0;
        for (HouseholdFactsBuilder.Facts f : facts) {
            Evaluation e = EligibilityEvaluator.evaluate(policy, f);
            PlainScorecard.Outcome p = PlainScorecard.decide(f);
            Evaluation.ProgramResult uct = e.program("UCT");
            Evaluation.ProgramResult stipend = e.program("CCT_EDUCATION");
            int recipient = uct.paymentRecipient() == null ? 0 : uct.paymentRecipient().memberLine();
            int stipends = stipend == null ? (uct.stipends() == null ? 0 : uct.stipends().size()) : stipend.stipends().size();
            if (e.score() != p.score() || uct.eligible() != p.eligible() || recipient != p.recipientLine()
                    || stipends != p.stipends()) {
                differ++;
            }
        }
        return differ;
    }

    /** Times the baseline, then the tables, over the same households. */
    void time(CompiledPolicy policy) throws Exception {
        long[] plain = time(f -> PlainScorecard.decide(f).score());
        plainCount = plain[0];
        plainNanos = plain[1];
        long[] tables = time(f -> EligibilityEvaluator.evaluate(policy, f).score());
        tablesCount = tables[0];
        tablesNanos = tables[1];
    }

    private long[] time(ToLongFunction<HouseholdFactsBuilder.Facts> decide) throws Exception {
        pass(decide);
        long count = 0;
        long start = System.nanoTime();
        do {
            count += pass(decide);
        } while (System.nanoTime() - start < MIN_NANOS);
        return new long[]{count, System.nanoTime() - start};
    }

    private long pass(ToLongFunction<HouseholdFactsBuilder.Facts> decide) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = facts.size() * t / threads;
                int to = facts.size() * (t + 1) / threads;
                parts.add(pool.submit(() -> {
                    long sink = 0;
                    for (int i = from; i < to; i++) {
                        sink += decide.applyAsLong(facts.get(i));
                    }
                    return sink >= 0 ? (long) (to - from) : 0L;
                }));
            }
            long n = 0;
            for (Future<Long> f : parts) {
                n += f.get();
            }
            return n;
        } finally {
            pool.shutdown();
        }
    }

    long plainCount() { return plainCount; }
    long plainNanos() { return plainNanos; }
    long tablesCount() { return tablesCount; }
    long tablesNanos() { return tablesNanos; }
}
