package org.dynreg.database;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TemporaryDataDirTest {

    @Test
    void refusesADataDirectoryUnderTheJvmTemporaryDirectory() {
        String dataDir = Path.of(System.getProperty("java.io.tmpdir"), "dynreg", "mariadb").toString();
        DatabaseProperties properties = new DatabaseProperties(null, "root", "", "", "", "dynreg", false, false, false,
                new DatabaseProperties.Embedded(dataDir, null, 0, false, "1G", "512M"));

        assertThatThrownBy(() -> EmbeddedMariaDb.acquire(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDir)
                .hasMessageContaining("java.io.tmpdir")
                .hasMessageContaining("all data would be lost");
    }
}
