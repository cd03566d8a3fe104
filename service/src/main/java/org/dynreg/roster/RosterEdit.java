package org.dynreg.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.Registry;
import org.dynreg.registry.Relation;
import org.dynreg.registry.SurveyValidator;
import org.dynreg.registry.UpdateType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A roster change written into a survey: the household's latest survey as it was received, with the
 * change made, as a ROSTER_UPDATE of the household. The answers the change does not touch are the
 * latest survey's; the survey says which survey and which case it comes from.
 */
final class RosterEdit {
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[(\\d+)](?:\\.(\\w+))?");

    private RosterEdit() {
    }

    /** The new survey, and the index in its members of the member the change sets answers of (-1: none). */
    /** The edited survey, the member concerned, and the {@code rosterChange} block to store with it (null while checking). */
    record Edited(ObjectNode survey, int concerned, ObjectNode origin) {}

    /** The change can no longer be made: the member it concerns has left the roster since it was requested. */
    static final class NoLongerApplies extends RuntimeException {
        NoLongerApplies(String message) {
            super(message);
        }
    }

    /**
     * Writes the change into a copy of the latest survey.
     *
     * @param keepSurveyDate true when the change is not to be rescored: the survey keeps the latest survey's
     *                       date, so every answer that enters the score, the members' ages included, is as it was;
     *                       false dates the survey now, so the household is scored as it is today
     * @param origin         for the survey's {@code rosterChange} block (case, change hash, based-on survey); null while only checking
     */
    static Edited edit(JsonNode latest, RequestedChange c, long householdId, Instant now, boolean keepSurveyDate,
                       String operator, ObjectNode origin) {
        ObjectNode s = latest.deepCopy();
        s.remove(Registry.ROSTER_CHANGE); // the latest survey's own block, if it came from a change
        s.put("updateType", UpdateType.ROSTER_UPDATE.name());
        s.put("householdId", householdId);
        OffsetDateTime started = OffsetDateTime.parse(s.path("startedAt").asText());
        String submitted = now.atOffset(started.getOffset()).toString();
        if (!keepSurveyDate) {
            s.put("startedAt", submitted);
        }
        s.put("submittedAt", submitted);
        s.put("operatorId", operator);
        ArrayNode members = s.withArray("members");
        int concerned = indexOf(members, c.memberNationalId());
        switch (c.kind()) {
            case ADD_MEMBER -> {
                members.add(c.member().deepCopy());
                concerned = members.size() - 1;
            }
            case REMOVE_MEMBER -> {
                members.remove(present(concerned, c));
                concerned = -1;
            }
            case CHANGE_HEAD -> {
                ((ObjectNode) members.get(present(concerned, c))).put("relation", Relation.HEAD.name());
                for (int i = 0; i < members.size(); i++) {
                    String relation = c.relations().get(canonical(members.get(i)));
                    if (relation != null) {
                        ((ObjectNode) members.get(i)).put("relation", relation);
                    }
                }
            }
            case MARITAL_STATUS, DISABILITY, GENDER ->
                    ((ObjectNode) members.get(present(concerned, c))).set(c.kind().memberField(), c.values().get(c.kind().memberField()));
            case CONTACT -> {
                s.withObject("/contact").set("mobile", c.values().get("mobile"));
                concerned = -1;
            }
            case ADDRESS -> {
                ObjectNode location = s.withObject("/location");
                location.set("address", c.values().get("address"));
                // coordinates of the former address would place the household where it no longer lives
                for (String coordinate : new String[] {"latitude", "longitude"}) {
                    if (c.values().hasNonNull(coordinate)) {
                        location.set(coordinate, c.values().get(coordinate));
                    } else {
                        location.remove(coordinate);
                    }
                }
                concerned = -1;
            }
        }
        return new Edited(s, concerned, origin);
    }

    /**
     * The field of the request a problem of the edited survey comes from, or null when the change is not
     * its cause (the latest survey itself no longer passes today's checks).
     */
    static String requestField(FieldProblem p, Edited edited, RequestedChange c, Map<String, Integer> lineOf) {
        Matcher m = MEMBER_PATH.matcher(p.path());
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            String field = m.group(2);
            if (index == edited.concerned()) {
                if (c.kind() == ChangeKind.ADD_MEMBER) {
                    return "member." + field;
                }
                // the member's other answers passed before; what fails with the new value fails because of it
                return c.kind().memberField() != null ? "values." + c.kind().memberField() : "memberLine";
            }
            if (c.kind() == ChangeKind.CHANGE_HEAD && "relation".equals(field)) {
                Integer line = lineOf.get(canonical(edited.survey().withArray("members").get(index)));
                return line == null ? "values.relations" : "values.relations." + line;
            }
            return null;
        }
        if (p.path().equals("members")) {
            return switch (c.kind()) {
                case ADD_MEMBER -> "member";
                case REMOVE_MEMBER -> "memberLine";
                case CHANGE_HEAD -> "values.relations";
                default -> null;
            };
        }
        if (c.kind() == ChangeKind.CONTACT && p.path().equals("contact.mobile")) {
            return "values.mobile";
        }
        if (c.kind() == ChangeKind.ADDRESS && p.path().startsWith("location.")
                && c.kind().valueNames().contains(p.path().substring("location.".length()))) {
            return "values." + p.path().substring("location.".length());
        }
        return null;
    }

    private static int present(int index, RequestedChange c) {
        if (index < 0) {
            throw new NoLongerApplies("the member the " + c.kind() + " change concerns is no longer on the household's roster");
        }
        return index;
    }

    static int indexOf(ArrayNode members, String nationalId) {
        for (int i = 0; i < members.size(); i++) {
            if (nationalId.equals(canonical(members.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String canonical(JsonNode member) {
        String id = member.path("nationalId").asText(null);
        return SurveyValidator.isNationalId(id) ? SurveyValidator.canonicalNationalId(id) : null;
    }
}
