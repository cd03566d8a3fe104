package org.dynreg.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every English message of the pages that have an Urdu version (the shared layout, work list, task form, case and
 * household pages) has its Urdu, and no Urdu key is left over from a message that is gone.
 */
class ConsoleMessagesTest {

    @Test
    void theUrduBundlesCoverEveryEnglishMessage() throws IOException {
        for (String bundle : new String[] {"console", "work", "cases", "households"}) {
            Set<String> english = keys("messages/" + bundle + ".properties");
            Set<String> urdu = keys("messages/" + bundle + "_ur.properties");
            assertThat(urdu).as("Urdu keys of %s", bundle).isEqualTo(english);
        }
    }

    @Test
    void everyBundleNamedInTheSettingsExists() throws IOException {
        Properties settings = load("application.properties");
        for (String base : settings.getProperty("spring.messages.basename").split(",")) {
            assertThat(getClass().getClassLoader().getResource(base.strip() + ".properties")).as(base).isNotNull();
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        return new TreeSet<>(load(resource).stringPropertyNames());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        var in = ConsoleMessagesTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
