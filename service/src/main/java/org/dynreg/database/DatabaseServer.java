package org.dynreg.database;

/**
 * Where the DataSource connects, and what to release when the context closes. A bean of its own
 * so that Spring closes the pool before it stops the server underneath.
 */
interface DatabaseServer extends AutoCloseable {

    String jdbcUrl();

    String user();

    String password();

    /** The account that owns the schema and runs the migrations; the same as {@link #user()} in single-account mode. */
    String ownerUser();

    String ownerPassword();

    /** Whether the service works as an account other than the schema's owner, which is then granted only what it needs. */
    default boolean separateAccounts() {
        return !ownerUser().equals(user());
    }

    /** Mode, host:port and database for the log; never credentials. */
    String describe();

    @Override
    void close();
}
