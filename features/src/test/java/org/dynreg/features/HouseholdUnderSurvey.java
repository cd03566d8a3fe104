package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.spring.ScenarioScope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The survey of one scenario's household, changed answer by answer, and the service's answer to it.
 * Every member gets a national id no other scenario uses, since the registry refuses a person
 * already registered in another household.
 */
@ScenarioScope
public class HouseholdUnderSurvey {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ids of this run: a random block, so that a reused database does not clash with an earlier run. */
    private static final AtomicInteger NEXT_ID = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000, 8_000_000));

    private ObjectNode survey;
    private JsonNode registration;

    public void startFromSharedExample() {
        try (InputStream in = HouseholdUnderSurvey.class.getResourceAsStream("/surveys/survey-punjab-47.json")) {
            survey = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode m : members()) {
            ((ObjectNode) m).put("nationalId", freshNationalId());
        }
    }

    /**
     * The survey of a reference household of decision-tables/reference-households/, with fresh
     * national ids, so that it can be registered as often as scenarios need it.
     */
    public void startFromReference(String name) {
        survey = referenceSurvey(name);
    }

    public static ObjectNode referenceSurvey(String name) {
        ObjectNode s = RepositoryFiles.referenceSurvey(name);
        for (JsonNode m : s.withArray("members")) {
            ((ObjectNode) m).put("nationalId", freshNationalId());
        }
        return s;
    }

    public static String freshNationalId() {
        int n = NEXT_ID.getAndIncrement();
        return String.format("61101-%07d-%d", n, n % 10);
    }

    public ObjectNode survey() {
        if (survey == null) {
            throw new IllegalStateException("the scenario has not described a household yet");
        }
        return survey;
    }

    public ObjectNode section(String name) {
        return survey().withObject("/" + name);
    }

    public ArrayNode members() {
        return survey().withArray("members");
    }

    public LocalDate surveyDate() {
        return OffsetDateTime.parse(survey().get("startedAt").asText()).toLocalDate();
    }

    public int ageOf(JsonNode member) {
        return Period.between(LocalDate.parse(member.get("dateOfBirth").asText()), surveyDate()).getYears();
    }

    /** Line numbers as the decision counts them: the first member is line 1. */
    public int lineOf(JsonNode member) {
        for (int i = 0; i < members().size(); i++) {
            if (members().get(i) == member) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a member of this household");
    }

    public ObjectNode member(Predicate<JsonNode> which, String description) {
        List<ObjectNode> found = membersWhere(which);
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one " + description + " in the household, found " + found.size());
        }
        return found.get(0);
    }

    public List<ObjectNode> membersWhere(Predicate<JsonNode> which) {
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode m : members()) {
            if (which.test(m)) {
                found.add((ObjectNode) m);
            }
        }
        return found;
    }

    public ObjectNode head() {
        return member(m -> "HEAD".equals(m.get("relation").asText()), "head");
    }

    public ObjectNode wife() {
        return member(m -> "SPOUSE".equals(m.get("relation").asText()) && "FEMALE".equals(m.get("gender").asText()), "wife of the head");
    }

    public void removeMembersWhere(Predicate<JsonNode> which) {
        ArrayNode all = members();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (which.test(all.get(i))) {
                all.remove(i);
            }
        }
    }

    /** A son or daughter of the head of the given age, in school from age 5 with the classes of that age. */
    public ObjectNode addChild(int age) {
        boolean son = members().size() % 2 == 0;
        int classes = Math.max(0, Math.min(12, age - 5));
        boolean inSchool = age >= 5;
        ObjectNode c = members().addObject();
        c.put("nationalId", freshNationalId());
        c.put("name", (son ? "Son " : "Daughter ") + (members().size()));
        c.put("relation", son ? "SON" : "DAUGHTER");
        c.put("gender", son ? "MALE" : "FEMALE");
        // A birthday well inside the year, so the age on the survey date is not on a boundary.
        c.put("dateOfBirth", surveyDate().minusYears(age).minusDays(100).toString());
        c.put("maritalStatus", "NEVER_MARRIED");
        c.put("disability", "NONE");
        c.put("literate", age >= 7);
        c.put("educationLevel", classes == 0 ? "NONE" : "CLASS_" + classes);
        c.put("inSchool", inSchool);
        c.put("employment", inSchool ? "STUDENT" : "NONE");
        c.put("occupation", "NONE");
        c.put("elementaryOccupation", false);
        c.put("chronicDisease", "NONE");
        return c;
    }

    public void answered(JsonNode registration) {
        this.registration = registration;
    }

    /** The service's answer to the submitted survey: household id, survey id and decision. */
    public JsonNode registration() {
        if (registration == null) {
            throw new IllegalStateException("the survey has not been submitted yet");
        }
        return registration;
    }

    public JsonNode decision() {
        return registration().get("decision");
    }

    public JsonNode program(String name) {
        for (JsonNode p : decision().get("programs")) {
            if (name.equals(p.get("program").asText())) {
                return p;
            }
        }
        throw new AssertionError("the decision has no outcome for program " + name + ": " + decision().get("programs"));
    }
}
