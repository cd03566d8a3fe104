package org.dynreg.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.eligibility.ReferenceHousehold;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's reference households registered through the normal registration path, in a district of the
 * test's own, with national ids of its own; optionally interviewed on another day, with every date of birth moved
 * by as many days, so that each member keeps the age (and the household the score) the reference gives.
 */
final class ReferenceRegistrations {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ReferenceRegistrations() {
    }

    static Map<String, Registration> register(Registry registry, String district, String idPrefix, List<String> names, LocalDate on) {
        Map<String, Registration> out = new LinkedHashMap<>();
        for (ReferenceHousehold h : ReferenceHouseholds.fromClasspath()) {
            if (names.isEmpty() || names.contains(h.name())) {
                out.put(h.name(), registry.submit(survey(h, district, idPrefix, on), "operator"));
            }
        }
        return out;
    }

    static ObjectNode survey(ReferenceHousehold h, String district, String idPrefix, LocalDate on) {
        ObjectNode survey = h.survey().deepCopy();
        ((ObjectNode) survey.get("location")).put("district", district).put("tehsil", "Test tehsil");
        long days = 0;
        if (on != null) {
            OffsetDateTime started = OffsetDateTime.parse(survey.get("startedAt").asText());
            OffsetDateTime submitted = OffsetDateTime.parse(survey.get("submittedAt").asText());
            days = ChronoUnit.DAYS.between(started.toLocalDate(), on);
            survey.put("startedAt", STAMP.format(started.plusDays(days)));
            survey.put("submittedAt", STAMP.format(submitted.plusDays(days)));
        }
        for (JsonNode m : survey.withArray("members")) {
            ObjectNode member = (ObjectNode) m;
            String id = member.get("nationalId").asText();
            member.put("nationalId", idPrefix + id.substring(idPrefix.length()));
            member.put("dateOfBirth", LocalDate.parse(member.get("dateOfBirth").asText()).plusDays(days).toString());
        }
        return survey;
    }
}
