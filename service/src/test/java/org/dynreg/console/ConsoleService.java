package org.dynreg.console;

import org.dynreg.RunningService;

/**
 * One service for all the console's browser tests (a service takes many seconds to start): started by the first
 * test class that asks, closed when the JVM ends. Each test uses households and versions of its own. A case-clock
 * day of an hour, so that no escalation falls due in the middle of a test's steps.
 */
public final class ConsoleService {
    private static RunningService shared;

    private ConsoleService() {
    }

    public static synchronized RunningService get() {
        if (shared == null) {
            // the test profile's own file sets a day of half a second, and a profile's file outranks the properties a
            // SpringApplicationBuilder is given; a system property outranks both, and is removed once the service has read it
            String before = System.getProperty("dynreg.workflow.day");
            System.setProperty("dynreg.workflow.day", "PT1H");
            try {
                shared = new RunningService("dynreg.workflow.day=PT1H");
            } finally {
                if (before == null) {
                    System.clearProperty("dynreg.workflow.day");
                } else {
                    System.setProperty("dynreg.workflow.day", before);
                }
            }
            RunningService started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    public static String base() {
        return "http://localhost:" + get().context.getEnvironment().getProperty("local.server.port");
    }
    /**
     * Registers a reference household in a district of the test's own (a made-up one from
     * places/local-units.csv), its members' national ids under the test's prefix with a random rest.
     */
    public static com.fasterxml.jackson.databind.JsonNode registerIn(String district, String prefix) {
        String reference = org.dynreg.eligibility.ReferenceHouseholds.fromClasspath().get(0).name();
        com.fasterxml.jackson.databind.node.ObjectNode survey = RunningService.survey(reference, prefix,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(5)).minusHours(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        ((com.fasterxml.jackson.databind.node.ObjectNode) survey.get("location")).put("province", "PUNJAB").put("district", district)
                .put("tehsil", "Test tehsil");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (com.fasterxml.jackson.databind.JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((com.fasterxml.jackson.databind.node.ObjectNode) m).put("nationalId", String.format(prefix + "%02d-%07d-%s",
                    random.nextInt(100), random.nextInt(10_000_000), id.substring(id.length() - 1)));
        }
        return get().submit(survey);
    }
}
