package org.dynreg.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy bundles: stored versions, the one in force, and publication. A bundle that does not
 * compile is refused before anything is stored, so the running policy stays in force.
 */
@Service
public class Policies {
    static final String DEFAULT_BUNDLE = "classpath*:policy-bundle/**/*.drl*";
    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(Policies.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PolicyCompiler compiler = new PolicyCompiler();
    private final Map<Integer, CompiledPolicy> compiled = new ConcurrentHashMap<>();
    private volatile CompiledPolicy active;

    Policies(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Compiles the policy in force at start-up, so the first survey does not wait for it. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void loadAtStart() {
        active();
    }

    /** The policy in force; on a fresh installation the repository's default bundle becomes version 1. */
    public CompiledPolicy active() {
        CompiledPolicy current = active;
        return current != null ? current : loadActive();
    }

    private synchronized CompiledPolicy loadActive() {
        if (active != null) {
            return active;
        }
        Integer version = activeVersion();
        if (version == null) {
            List<PolicyFile> files = defaultBundle();
            CompiledPolicy policy = compiler.compile(1, files);
            store(1, files, "Default policy from the repository's decision-tables/ and rules/", SYSTEM);
            log.info("installed the default policy bundle as version 1 ({} files, sha256 {})", files.size(), policy.sha256());
            compiled.put(1, policy);
            version = 1;
        }
        active = version(version);
        log.info("policy version {} in force (sha256 {})", active.version(), active.sha256());
        return active;
    }

    /** A stored version, compiled (and kept) on first use. */
    public CompiledPolicy version(int version) {
        return compiled.computeIfAbsent(version, v -> compiler.compile(v, files(v)));
    }

    /**
     * Validates and publishes a new bundle version, which comes into force at once; the previous one is
     * retired. A bundle that does not compile throws {@link PolicyRejectedException} and stores nothing.
     */
    public synchronized BundleSummary publish(List<PolicyFile> files, String comment, String actor) {
        if (comment == null || comment.isBlank()) {
            throw new PolicyRejectedException(List.of(PolicyProblem.inFile("(bundle)", "a comment saying why is required")));
        }
        Integer last = jdbc.queryForObject("select max(version) from policy_bundle", Integer.class);
        int version = last == null ? 1 : last + 1;
        CompiledPolicy policy = compiler.compile(version, files);
        store(version, files, comment, actor);
        compiled.put(version, policy);
        active = policy;
        log.info("policy version {} published and in force (sha256 {})", version, policy.sha256());
        return summary(version);
    }

    /** Validates a bundle without storing it; returns the problems, empty when it compiles. */
    public List<PolicyProblem> validate(List<PolicyFile> files) {
        try {
            compiler.compile(0, files);
            return List.of();
        } catch (PolicyRejectedException e) {
            return e.problems();
        }
    }

    public List<BundleSummary> versions() {
        return jdbc.queryForList("select version from policy_bundle order by version", Integer.class)
                .stream().map(this::summary).toList();
    }

    public BundleSummary summary(int version) {
        List<BundleSummary.FileSummary> files = jdbc.query(
                "select path, kind, sha256 from policy_file where bundle_version = ? order by path",
                (rs, i) -> new BundleSummary.FileSummary(rs.getString(1), rs.getString(2), rs.getString(3)), version);
        return jdbc.queryForObject("select version, sha256, state, comment, uploaded_by, uploaded_at, activated_at "
                        + "from policy_bundle where version = ?",
                (rs, i) -> new BundleSummary(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), files), version);
    }

    List<PolicyFile> files(int version) {
        return jdbc.query("select path, content from policy_file where bundle_version = ? order by path",
                (rs, i) -> new PolicyFile(rs.getString(1), rs.getBytes(2)), version);
    }

    private Integer activeVersion() {
        List<Integer> v = jdbc.queryForList("select version from policy_bundle where state = 'ACTIVE' order by version desc limit 1", Integer.class);
        return v.isEmpty() ? null : v.get(0);
    }

    private void store(int version, List<PolicyFile> files, String comment, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        tx.executeWithoutResult(status -> {
            jdbc.update("update policy_bundle set state = 'RETIRED' where state = 'ACTIVE'");
            jdbc.update("insert into policy_bundle (version, sha256, state, comment, uploaded_by, uploaded_at, activated_at, activated_by) "
                    + "values (?, ?, 'ACTIVE', ?, ?, ?, ?, ?)", version, Hashes.bundleSha256(files), comment, actor, now, now, actor);
            for (PolicyFile f : files) {
                jdbc.update("insert into policy_file (bundle_version, path, kind, sha256, content) values (?, ?, ?, ?, ?)",
                        version, f.path(), f.kind().name(), f.sha256(), f.content());
            }
        });
    }

    static List<PolicyFile> defaultBundle() {
        try {
            List<PolicyFile> files = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(DEFAULT_BUNDLE)) {
                String url = r.getURL().toString();
                String path = url.substring(url.lastIndexOf("policy-bundle/") + "policy-bundle/".length());
                try (var in = r.getInputStream()) {
                    files.add(new PolicyFile(path, in.readAllBytes()));
                }
            }
            files.sort(java.util.Comparator.comparing(PolicyFile::path));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("the default policy bundle could not be read from the classpath", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
