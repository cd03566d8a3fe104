package org.dynreg.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dynreg.db}. The defaults here repeat those in application.properties so
 * that a context built without that file (a narrow test, say) still behaves the same.
 *
 * @param url            JDBC URL of an external server; blank means "start the embedded one"
 * @param user           the application account the service works as (external mode)
 * @param ownerUser      the account that owns the schema and runs the migrations (external mode); blank means
 *                       the application account does both, with a warning at start-up
 * @param createAccounts tests only: {@code user} is an administrator, who creates an owner and an application
 *                       account for the URL's database, so that the tests run as the service does
 * @param createDatabase create the URL's database if missing (external mode)
 * @param recreate       drop and create the URL's database once per JVM; tests only, and only
 *                       for names ending in {@code _test}, so a stray URL cannot wipe real data
 */
@ConfigurationProperties("dynreg.db")
record DatabaseProperties(
        String url,
        @DefaultValue("root") String user,
        @DefaultValue("") String password,
        @DefaultValue("") String ownerUser,
        @DefaultValue("") String ownerPassword,
        @DefaultValue("dynreg") String name,
        @DefaultValue("false") boolean createDatabase,
        @DefaultValue("false") boolean recreate,
        @DefaultValue("false") boolean createAccounts,
        @DefaultValue Embedded embedded) {

    /**
     * @param fresh delete the data directory once per JVM before starting; tests only
     * @param innodbBufferPoolSize memory the server caches tables and indexes in (a registry's hot working set)
     * @param innodbLogFileSize redo log size: larger lets bulk loads and registry-wide jobs write without stalls
     */
    record Embedded(
            String dataDir,
            String baseDir,
            @DefaultValue("3307") int port,
            @DefaultValue("false") boolean fresh,
            @DefaultValue("1G") String innodbBufferPoolSize,
            @DefaultValue("512M") String innodbLogFileSize) {

        // @DefaultValue does not resolve placeholders, so the home-relative defaults live here.
        Embedded {
            dataDir = orDefault(dataDir, "mariadb");
            baseDir = orDefault(baseDir, "mariadb-base");
        }

        private static String orDefault(String value, String underDynregHome) {
            return value == null || value.isBlank()
                    ? System.getProperty("user.home") + "/.dynreg/" + underDynregHome
                    : value;
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    boolean separateOwner() {
        return ownerUser != null && !ownerUser.isBlank();
    }
}
