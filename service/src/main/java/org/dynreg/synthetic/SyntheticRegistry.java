package org.dynreg.synthetic;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.audit.AuditTrail;
import org.dynreg.indicators.PublishedIndicators;
import org.dynreg.places.Places;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.dynreg.database.IdBlocks;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates a synthetic registry of N households straight into the registry's tables with LOAD DATA,
 * chunk by chunk. Each chunk's five tables are written in one transaction, so an interrupted generation
 * leaves whole households only. Workers load different tables first, so that the database's two cores
 * are both busy. National ids are unique by construction ({@link HouseholdDraw#nationalId}); a seed whose
 * ids are already present is refused before anything is written, which is what makes it safe to skip
 * the unique-key checks during the load. The payload's JSON check is skipped too: {@link SurveyJson}
 * renders it, and the tests pass generated payloads through the survey validator.
 */
@Service
public class SyntheticRegistry {
    private static final Logger log = LoggerFactory.getLogger(SyntheticRegistry.class);

    private static final int DEADLOCK_ATTEMPTS = 10;

    private final DataSource dataSource;
    private final AuditTrail trail;
    private final Clock clock;
    private final Targets targets;
    private final int chunkSize;
    private final int workers;
    private final ZoneId zone = ZoneId.systemDefault();
    private final AtomicLong runIds = new AtomicLong();
    private final Map<Long, Progress> runs = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "synthetic-registry");
        t.setDaemon(true);
        return t;
    });

    SyntheticRegistry(DataSource dataSource, AuditTrail trail, Clock clock,
                      @Value("${dynreg.synthetic.chunk-households:10000}") int chunkSize,
                      @Value("${dynreg.synthetic.workers:2}") int workers) {
        this.dataSource = dataSource;
        this.trail = trail;
        this.clock = clock;
        this.targets = new Targets(PublishedIndicators.load(), Places.pakistan());
        this.chunkSize = chunkSize;
        this.workers = workers;
    }

    /** Starts a generation in the background; follow it with {@link #generation}. */
    public Generation start(long households, long seed, String actor) {
        Progress run = prepare(households, seed, actor);
        background.submit(() -> execute(run));
        return run.view();
    }

    /** Generates and returns when done (tests and the benchmark). */
    public Generation generate(long households, long seed, String actor) {
        Progress run = prepare(households, seed, actor);
        execute(run);
        return run.view();
    }

    public Generation generation(long id) {
        Progress run = runs.get(id);
        if (run == null) {
            throw new NotFoundException("generation", id);
        }
        return run.view();
    }

    /** Household number {@code index} of the registry generated with {@code seed}, as it is written. */
    public SyntheticHousehold draw(long seed, long index) {
        return new HouseholdDraw(targets, seed, today()).draw(index);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChunkRows.CENTRE_OFFSET);
    }

    private Progress prepare(long households, long seed, String actor) {
        if (households < 1 || households > HouseholdDraw.MAX_HOUSEHOLDS) {
            throw new InvalidRequestException("households", "must be between 1 and " + HouseholdDraw.MAX_HOUSEHOLDS);
        }
        if (seed < 0) {
            throw new InvalidRequestException("seed", "must be 0 or more");
        }
        String prefix = HouseholdDraw.NATIONAL_ID_PREFIX + HouseholdDraw.seedTag(seed);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from household_member where national_id like ? limit 1")) {
            s.setString(1, prefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new InvalidRequestException("seed", "the registry already holds households generated with a seed "
                            + "ending in " + HouseholdDraw.seedTag(seed) + " (national ids " + prefix
                            + "...); choose a seed with other last two digits");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the registry could not be checked for national ids of seed " + seed, e);
        }
        Progress run = new Progress(runIds.incrementAndGet(), households, seed, clock.instant());
        runs.put(run.id, run);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("generation", run.id);
        details.put("households", households);
        details.put("seed", seed);
        trail.record(actor, "registry.generate", "registry", details);
        log.info("generation {}: {} synthetic households with seed {} started", run.id, households, seed);
        return run;
    }

    private void execute(Progress run) {
        HouseholdDraw draw = new HouseholdDraw(targets, run.seed, today());
        AtomicLong nextChunk = new AtomicLong();
        long chunks = (run.households + chunkSize - 1) / chunkSize;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                boolean membersFirst = w % 2 == 0;
                futures.add(pool.submit(() -> {
                    work(run, draw, nextChunk, chunks, membersFirst);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            analyze();
            run.finish(Generation.COMPLETED, null, clock.instant());
            log.info("generation {}: {} households, {} members in {} ({} households/s)", run.id,
                    run.householdsWritten.get(), run.membersWritten.get(),
                    Duration.between(run.startedAt, run.finishedAt), Math.round(run.view().householdsPerSecond()));
        } catch (ExecutionException | SQLException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            run.finish(Generation.FAILED, String.valueOf(cause.getMessage()), clock.instant());
            log.error("generation {} failed after {} households", run.id, run.householdsWritten.get(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.finish(Generation.FAILED, "interrupted", clock.instant());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Recomputes the tables' index statistics: after a bulk load they describe the tables as they were, and
     * the optimiser then picks full scans for queries that should use an index.
     */
    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze table household, household_member, survey, survey_dwelling, survey_assets");
        }
    }

    private void work(Progress run, HouseholdDraw draw, AtomicLong nextChunk, long chunks, boolean membersFirst)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try (Statement s = c.createStatement()) {
                s.execute("set unique_checks = 0, foreign_key_checks = 0, check_constraint_checks = 0");
            }
            try {
                long chunk;
                while ((chunk = nextChunk.getAndIncrement()) < chunks && !run.failed()) {
                    long from = chunk * chunkSize;
                    long to = Math.min(run.households, from + chunkSize);
                    List<SyntheticHousehold> drawn = new ArrayList<>((int) (to - from));
                    long members = 0;
                    for (long i = from; i < to; i++) {
                        SyntheticHousehold h = draw.draw(i);
                        drawn.add(h);
                        members += h.members().size();
                    }
                    IdBlocks householdIds = IdBlocks.reserve(c, "household_seq", drawn.size());
                    IdBlocks surveyIds = IdBlocks.reserve(c, "survey_seq", drawn.size());
                    IdBlocks memberIds = IdBlocks.reserve(c, "member_seq", members);
                    ChunkRows rows = new ChunkRows(drawn.size());
                    String receivedBy = "generation-" + run.id;
                    for (SyntheticHousehold h : drawn) {
                        rows.add(h, householdIds.next(), surveyIds.next(), memberIds, run.seed, receivedBy, zone);
                    }
                    loadChunk(c, rows, membersFirst, autoCommit);
                    run.add(drawn.size(), rows.memberCount);
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("set unique_checks = 1, foreign_key_checks = 1, check_constraint_checks = 1");
                }
            }
        } catch (SQLException | RuntimeException e) {
            run.fail();
            throw e;
        }
    }

    /**
     * Loads a chunk's five tables in one transaction. Two workers loading into empty tables can deadlock
     * (InnoDB locks an empty table whole for a bulk load); the loser's chunk is rolled back whole and loaded again.
     */
    private void loadChunk(Connection c, ChunkRows rows, boolean membersFirst, boolean autoCommit) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            c.setAutoCommit(false);
            try {
                if (membersFirst) {
                    load(c, "household_member", ChunkRows.MEMBER_COLUMNS, rows.members);
                }
                load(c, "household", ChunkRows.HOUSEHOLD_COLUMNS, rows.households);
                load(c, "survey", ChunkRows.SURVEY_COLUMNS, rows.surveys);
                load(c, "survey_dwelling", ChunkRows.DWELLING_COLUMNS, rows.dwellings);
                load(c, "survey_assets", ChunkRows.ASSETS_COLUMNS, rows.assets);
                if (!membersFirst) {
                    load(c, "household_member", ChunkRows.MEMBER_COLUMNS, rows.members);
                }
                c.commit();
                return;
            } catch (SQLTransactionRollbackException e) {
                c.rollback();
                if (attempt >= DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.debug("chunk deadlocked with another worker (attempt {}), loading it again", attempt);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static void load(Connection c, String table, String columns, Tsv rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(rows.stream());
            s.execute("load data local infile 'synthetic.tsv' into table " + table + " character set utf8mb4 " + columns);
            if (s.getWarnings() != null) {
                throw new SQLException("loading " + table + " gave warnings, so the chunk is not kept: " + s.getWarnings().getMessage());
            }
        }
    }

    private static final class Progress {
        final long id;
        final long households;
        final long seed;
        final Instant startedAt;
        final AtomicLong householdsWritten = new AtomicLong();
        final AtomicLong membersWritten = new AtomicLong();
        volatile boolean failed;
        volatile String status = Generation.RUNNING;
        volatile String failure;
        volatile Instant finishedAt;

        Progress(long id, long households, long seed, Instant startedAt) {
            this.id = id;
            this.households = households;
            this.seed = seed;
            this.startedAt = startedAt;
        }

        void add(long households, long members) {
            householdsWritten.addAndGet(households);
            membersWritten.addAndGet(members);
        }

        void fail() {
            failed = true;
        }

        boolean failed() {
            return failed;
        }

        void finish(String status, String failure, Instant at) {
            this.failure = failure;
            this.finishedAt = at;
            this.status = status;
        }

        Generation view() {
            Instant end = finishedAt;
            double seconds = Duration.between(startedAt, end == null ? Instant.now() : end).toMillis() / 1000.0;
            long done = householdsWritten.get();
            return new Generation(id, households, seed, status, done, membersWritten.get(), startedAt, end,
                    seconds > 0 ? done / seconds : 0, failure);
        }
    }
}
