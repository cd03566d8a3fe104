package org.dynreg.database;

/**
 * Where the DataSource connects, and what to release when the context closes. A bean of its own
 * so that Spring closes the pool before it stops the server underneath.
 */
interface DatabaseServer extends AutoCloseable {

    String jdbcUrl();

    String user();

    String password();

    /** Mode, host:port and database for the log; never credentials. */
    String describe();

    @Override
    void close();
}
