package org.dynreg.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExternalDatabaseTest {

    @Test
    void refusesToRecreateADatabaseNotNamedForTests() {
        DatabaseProperties properties = new DatabaseProperties("jdbc:mariadb://127.0.0.1:1/dynreg", "root", "", "", "",
                "dynreg", true, true, false, new DatabaseProperties.Embedded(null, null, 0, false, "1G", "512M"));

        assertThatThrownBy(() -> ExternalDatabase.prepare(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("_test")
                .hasMessageContaining("'dynreg'");
    }

    @Test
    void splitsTheUrlIntoServerAndDatabase() {
        MariaDbUrl url = MariaDbUrl.parse("jdbc:mariadb://db.example:3306/registry?useSsl=true&password=secret");

        assertThat(url.database()).isEqualTo("registry");
        assertThat(url.serverUrl()).isEqualTo("jdbc:mariadb://db.example:3306/?useSsl=true&password=secret");
        assertThat(url.describe()).isEqualTo("db.example:3306/registry").doesNotContain("secret");
    }

    @Test
    void refusesNamesThatCannotBeSplicedIntoDdl() {
        assertThatThrownBy(() -> MariaDbUrl.requireSafeName("x`; DROP DATABASE y", "Database name"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
