package org.dynreg.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The embedded server's two accounts: the owner, who creates the databases and runs the migrations, and
 * the application account the service works as. Their passwords are drawn once and kept in the data
 * directory, in a file only the operating-system user running the service can read; the server
 * (re)creates both accounts from an init file at every start, so a data directory from before the
 * accounts existed gets them too.
 */
record EmbeddedAccounts(String ownerPassword, String applicationPassword) {

    static final String OWNER = "dynreg_owner";
    static final String APPLICATION = "dynreg_app";
    /** The JDBC driver always connects over TCP to 127.0.0.1, and the server skips name resolution. */
    private static final String HOST = "127.0.0.1";
    static final String FILE = "dynreg-accounts.properties";
    static final String INIT_FILE = "dynreg-accounts.sql";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the passwords from the data directory, drawing and storing them on the first start. */
    static EmbeddedAccounts in(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                return new EmbeddedAccounts(required(p, "owner.password", file), required(p, "application.password", file));
            }
            EmbeddedAccounts drawn = new EmbeddedAccounts(password(), password());
            Properties p = new Properties();
            p.setProperty("owner.user", OWNER);
            p.setProperty("owner.password", drawn.ownerPassword);
            p.setProperty("application.user", APPLICATION);
            p.setProperty("application.password", drawn.applicationPassword);
            try (Writer w = ownerOnly(file)) {
                p.store(w, "Accounts of the embedded MariaDB (docs/operator-guide.md, \"Database accounts\")");
            }
            return drawn;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or write the embedded database's accounts in " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes the statements the server runs at start, with every privilege, before it accepts connections:
     * no anonymous account, the owner with all privileges (the embedded server holds nothing but this
     * service's databases), the application account with none (the grants per database follow the
     * migrations, {@link ApplicationGrants}). One statement a line, as the server reads it.
     */
    Path writeInitFile(Path dataDir) {
        Path file = dataDir.resolve(INIT_FILE);
        List<String> statements = new ArrayList<>(List.of("DELETE FROM mysql.global_priv WHERE User = ''", "FLUSH PRIVILEGES"));
        statements.addAll(DatabaseAdmin.accountWithPassword(account(OWNER), ownerPassword));
        statements.add("GRANT ALL PRIVILEGES ON *.* TO " + account(OWNER) + " WITH GRANT OPTION");
        statements.addAll(DatabaseAdmin.accountWithPassword(account(APPLICATION), applicationPassword));
        try (Writer w = ownerOnly(file)) {
            for (String statement : statements) {
                w.write(statement + ";\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String account(String user) {
        return "'" + user + "'@'" + HOST + "'";
    }

    /** 24 random bytes, URL-safe Base64: no character that needs quoting in SQL. */
    static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Writer ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String required(Properties p, String key, Path file) {
        String value = p.getProperty(key);
        if (value == null || !value.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException(file + " has no usable " + key + " (16 or more letters, digits, '-' or '_');"
                    + " remove the file to draw new passwords");
        }
        return value;
    }
}
