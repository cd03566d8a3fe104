package org.dynreg.workflow.engine;

import org.dynreg.api.NotFoundException;
import org.dynreg.policy.Activation;
import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.Policies;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes of the policy bundle (decision 34): new cases start on the processes of the policy version in force at
 * that moment, so a process change comes into force with its bundle's activation (now, at a set time, or by a roll-back),
 * on every instance, without a restart.
 *
 * <p>A process's version is the number of the policy version that first held its content, except for the processes
 * the registry started with, version {@value RepositoryProcessSources#VERSION}: those of policy version 1, or, where
 * version 1 holds no processes (it was installed before processes joined the bundle), the repository's files the
 * service was built with. A policy version without a process of its own runs that process's version
 * {@value RepositoryProcessSources#VERSION}. The same content under two policy versions is one process version, so an
 * upload of changed tables alone starts no new process version and a roll-back returns to the older one.
 *
 * <p>Listed at start (so running cases find theirs): version {@value RepositoryProcessSources#VERSION} and the processes of
 * every policy version that was ever put in force or is scheduled to be. A version put in force later, by this
 * instance or another, is found by {@link #source} when a case first needs it. Stored policy versions never change,
 * so what is read of them is kept.
 */
class BundleProcesses implements ProcessSources {
    private static final String FOLDER = "processes/";

    private final Policies policies;
    private final Clock clock;
    private final RepositoryProcessSources repository;

    /** The processes each policy version runs, by process id, for the versions read so far (1 up to its size, in order). */
    private final Map<Integer, Map<String, Source>> byPolicy = new ConcurrentHashMap<>();
    /** Per process id, the version its content was first given, by the content's SHA-256. */
    private final Map<String, Map<String, String>> versionOfContent = new HashMap<>();
    private Map<String, Source> first;

    BundleProcesses(Policies policies, Clock clock, RepositoryProcessSources repository) {
        this.policies = policies;
        this.clock = clock;
        this.repository = repository;
    }

    @Override
    public List<Source> sources() {
        Map<String, Source> all = new LinkedHashMap<>();
        firstVersions().values().forEach(s -> all.put(s.processId() + ":" + s.version(), s));
        for (Activation a : policies.activations()) {
            processesOf(a.version()).values().forEach(s -> all.putIfAbsent(s.processId() + ":" + s.version(), s));
        }
        return List.copyOf(all.values());
    }

    @Override
    public Map<String, String> inForce() {
        Optional<Integer> policy = policies.versionInForce(clock.instant());
        Map<String, Source> processes = policy.isPresent() ? processesOf(policy.get()) : firstVersions();
        Map<String, String> inForce = new LinkedHashMap<>();
        processes.values().forEach(s -> inForce.put(s.processId(), s.version()));
        return inForce;
    }

    @Override
    public Optional<Source> source(String processId, String version) {
        if (RepositoryProcessSources.VERSION.equals(version)) {
            return Optional.ofNullable(firstVersions().get(processId));
        }
        int policy;
        try {
            policy = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Source s = policy < 1 ? null : processesOf(policy).get(processId);
        return s != null && s.version().equals(version) ? Optional.of(s) : Optional.empty();
    }

    /** The processes a policy version runs, by process id; reads the versions before it first, in order. */
    private synchronized Map<String, Source> processesOf(int policy) {
        Map<String, Source> known = byPolicy.get(policy);
        if (known != null) {
            return known;
        }
        Map<String, Source> base = firstVersions();
        for (int v = byPolicy.size() + 1; v <= policy; v++) {
            List<PolicyFile> files;
            try {
                files = policies.files(v);
            } catch (NotFoundException e) {
                files = List.of(); // a number never stored (the store does not reuse or skip numbers; this is a guard)
            }
            String policyVersion = String.valueOf(v);
            Map<String, Source> processes = new LinkedHashMap<>(base);
            for (PolicyFile f : files) {
                if (f.kind() == PolicyFile.Kind.PROCESS) {
                    String xml = new String(f.content(), StandardCharsets.UTF_8);
                    String id = RepositoryProcessSources.processId(xml, f.path());
                    String version = versionOfContent.computeIfAbsent(id, k -> new HashMap<>())
                            .computeIfAbsent(f.sha256(), k -> policyVersion);
                    processes.put(id, new Source(id, version, xml));
                }
            }
            byPolicy.put(v, Map.copyOf(processes));
        }
        return byPolicy.getOrDefault(policy, base);
    }

    /**
     * Version {@value RepositoryProcessSources#VERSION} of each process: policy version 1's, else the repository's. Read
     * once policy version 1 exists (before that, on a fresh installation's first start, the repository's files are what
     * version 1 will hold).
     */
    private synchronized Map<String, Source> firstVersions() {
        if (first != null) {
            return first;
        }
        Map<String, Source> base = new LinkedHashMap<>();
        repository.sources().forEach(s -> base.put(s.processId(), s));
        if (policies.activations().isEmpty()) {
            return Map.copyOf(base);
        }
        for (PolicyFile f : policies.files(1)) {
            if (f.kind() == PolicyFile.Kind.PROCESS) {
                String xml = new String(f.content(), StandardCharsets.UTF_8);
                String id = RepositoryProcessSources.processId(xml, f.path());
                base.put(id, new Source(id, RepositoryProcessSources.VERSION, xml));
            }
        }
        for (Source s : base.values()) {
            versionOfContent.computeIfAbsent(s.processId(), k -> new HashMap<>())
                    .put(new PolicyFile(FOLDER + s.processId() + ".bpmn", s.xml().getBytes(StandardCharsets.UTF_8)).sha256(), s.version());
        }
        first = Map.copyOf(base);
        return first;
    }
}
