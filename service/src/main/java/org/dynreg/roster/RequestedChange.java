package org.dynreg.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.registry.HouseholdView;
import org.dynreg.registry.Relation;
import org.dynreg.api.FreeText;
import org.dynreg.registry.SurveyValidator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A roster change checked against the household's roster and made independent of line numbers:
 * the member concerned (the new member, the member named by line, or the head for a contact or
 * address change) and every relation of a new head's roster are held by national id, so the change
 * applies to the roster as it stands when it is applied.
 *
 * @param memberLine       the line the request named, for people reading the case; null when it named none
 * @param memberNationalId the person the change concerns, in the dashed form
 * @param member           the new member's answers (ADD_MEMBER), else null
 * @param values           the request's values
 * @param relations        CHANGE_HEAD: each member's new relation to the new head, by national id
 */
record RequestedChange(ChangeKind kind, Integer memberLine, String memberNationalId, ObjectNode member, ObjectNode values,
                       Map<String, String> relations) {

    static final List<String> ADD_CAUSES = List.of("BIRTH", "MARRIAGE");
    static final List<String> REMOVE_CAUSES = List.of("DEATH", "MARRIAGE_OUT");
    private static final int MAX_REASON = 500;
    private static final int MAX_EVIDENCE = 200;
    private static final JsonMapper TREE = JsonMapper.builder().build();

    /** The request checked field by field; the first problem is refused with 422 naming its field. */
    static RequestedChange of(RosterRequest r, ChangeKind kind, HouseholdView household) {
        List<HouseholdView.MemberView> roster = household.members();
        HouseholdView.MemberView head = roster.stream().filter(m -> Relation.HEAD.name().equals(m.relation())).findFirst()
                .orElseThrow(() -> new IllegalStateException("household " + household.id() + " has no head"));
        HouseholdView.MemberView named = null;
        if (kind.namesMember()) {
            if (r.memberLine() == null) {
                throw new InvalidRequestException("memberLine", "is required for a " + kind + " change: the member's line in the roster, 1 to " + roster.size());
            }
            if (r.memberLine() < 1 || r.memberLine() > roster.size()) {
                throw new InvalidRequestException("memberLine", "is not a line of the household's roster; it has lines 1 to " + roster.size());
            }
            named = roster.get(r.memberLine() - 1);
        } else if (r.memberLine() != null) {
            throw new InvalidRequestException("memberLine", "is not used by a " + kind + " change; leave it out");
        }
        JsonNode given = tree(r.member());
        if (kind == ChangeKind.ADD_MEMBER) {
            if (!given.isObject()) {
                throw new InvalidRequestException("member", "is required for ADD_MEMBER: an object with the new member's answers, as a survey's members have them");
            }
            if (Relation.HEAD.name().equals(given.path("relation").asText())) {
                throw new InvalidRequestException("member.relation", "a new member cannot be the head: add the member, then change the head");
            }
        } else if (!given.isNull()) {
            throw new InvalidRequestException("member", "is only for ADD_MEMBER; a " + kind + " change names the member by memberLine");
        }
        ObjectNode values = values(tree(r.values()), kind);
        Map<String, String> relations = new LinkedHashMap<>();
        switch (kind) {
            case ADD_MEMBER -> oneOf(values, "cause", ADD_CAUSES);
            case REMOVE_MEMBER -> {
                oneOf(values, "cause", REMOVE_CAUSES);
                if (named == head) {
                    throw new InvalidRequestException("memberLine", "is the head of the household; name a new head first (CHANGE_HEAD), then remove the former head");
                }
            }
            case CHANGE_HEAD -> {
                if (named == head) {
                    throw new InvalidRequestException("memberLine", "is the head already");
                }
                relations = relations(values, roster, named, head);
            }
            case MARITAL_STATUS, DISABILITY, GENDER -> {
                String field = kind.memberField();
                String value = text(values, field);
                String current = switch (kind) {
                    case MARITAL_STATUS -> named.maritalStatus();
                    case DISABILITY -> named.disability();
                    default -> named.gender();
                };
                if (value.equals(current)) {
                    throw new InvalidRequestException("values." + field, "is the member's " + field + " already; nothing would change");
                }
            }
            case CONTACT -> {
                if (text(values, "mobile").equals(household.mobile())) {
                    throw new InvalidRequestException("values.mobile", "is the household's mobile number already; nothing would change");
                }
            }
            case ADDRESS -> {
                String address = text(values, "address");
                for (String coordinate : List.of("latitude", "longitude")) {
                    if (values.hasNonNull(coordinate) && !values.get(coordinate).isNumber()) {
                        throw new InvalidRequestException("values." + coordinate, "must be a number of decimal degrees");
                    }
                }
                boolean sameCoordinates = Objects.equals(decimal(values.get("latitude")), decimal(household.latitude()))
                        && Objects.equals(decimal(values.get("longitude")), decimal(household.longitude()));
                if (address.equals(household.address()) && sameCoordinates) {
                    throw new InvalidRequestException("values.address", "is the household's address already; nothing would change");
                }
            }
        }
        required(r.reason(), "reason", MAX_REASON, "why the roster changes, e.g. the certificate that records it");
        required(r.evidence(), "evidence", MAX_EVIDENCE, "where the proof of the change is kept");
        String concerned = switch (kind) {
            case ADD_MEMBER -> newMemberId(given);
            case CONTACT, ADDRESS -> head.nationalId();
            default -> named.nationalId();
        };
        ObjectNode member = kind == ChangeKind.ADD_MEMBER ? (ObjectNode) given : null;
        if (member != null && SurveyValidator.isNationalId(member.path("nationalId").asText(null))) {
            member.put("nationalId", concerned);
        }
        return new RequestedChange(kind, r.memberLine(), concerned, member, values, relations);
    }

    private static JsonNode tree(Object sent) {
        return sent == null ? NullNode.getInstance() : TREE.valueToTree(sent);
    }

    private static ObjectNode values(JsonNode given, ChangeKind kind) {
        if (!given.isObject()) {
            throw new InvalidRequestException("values", "is required for a " + kind + " change: an object with " + String.join(", ", kind.valueNames()));
        }
        Iterator<String> names = given.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!kind.valueNames().contains(name)) {
                throw new InvalidRequestException("values." + name, "is not a value of a " + kind + " change; it takes " + String.join(", ", kind.valueNames()));
            }
        }
        return given.deepCopy();
    }

    private static String text(ObjectNode values, String field) {
        JsonNode v = values.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidRequestException("values." + field, "is required");
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw new InvalidRequestException("values." + field, "must be text, not empty");
        }
        return v.textValue();
    }

    private static void oneOf(ObjectNode values, String field, List<String> allowed) {
        if (!allowed.contains(values.path(field).asText())) {
            throw new InvalidRequestException("values." + field, (values.hasNonNull(field) ? "must be" : "is required:") + " one of " + String.join(", ", allowed));
        }
    }

    /** Every relation a new head's roster needs that the request gives; the former head's is required. */
    private static Map<String, String> relations(ObjectNode values, List<HouseholdView.MemberView> roster,
                                                 HouseholdView.MemberView newHead, HouseholdView.MemberView formerHead) {
        JsonNode given = values.get("relations");
        if (given == null || !given.isObject()) {
            throw new InvalidRequestException("values.relations", "is required: an object giving, by roster line, each member's relation to the new head; "
                    + "the former head's (line " + (roster.indexOf(formerHead) + 1) + ") at least");
        }
        Map<String, String> byId = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> lines = given.fields();
        while (lines.hasNext()) {
            Map.Entry<String, JsonNode> e = lines.next();
            String field = "values.relations." + e.getKey();
            int line;
            try {
                line = Integer.parseInt(e.getKey());
            } catch (NumberFormatException x) {
                throw new InvalidRequestException(field, "is not a roster line; lines are 1 to " + roster.size());
            }
            if (line < 1 || line > roster.size()) {
                throw new InvalidRequestException(field, "is not a roster line; lines are 1 to " + roster.size());
            }
            HouseholdView.MemberView m = roster.get(line - 1);
            if (m == newHead) {
                throw new InvalidRequestException(field, "is the new head: their relation becomes HEAD");
            }
            String relation = e.getValue().asText("");
            if (relation.equals(Relation.HEAD.name()) || Arrays.stream(Relation.values()).noneMatch(x -> x.name().equals(relation))) {
                throw new InvalidRequestException(field, "must be the member's relation to the new head, one of the relations other than HEAD");
            }
            byId.put(m.nationalId(), relation);
        }
        if (!byId.containsKey(formerHead.nationalId())) {
            throw new InvalidRequestException("values.relations." + (roster.indexOf(formerHead) + 1), "is required: the former head's relation to the new head");
        }
        return byId;
    }

    private static void required(String text, String field, int max, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException(field, "is required: " + what);
        }
        if (text.length() > max) {
            throw new InvalidRequestException(field, "is longer than " + max + " characters");
        }
        FreeText.require(field, text);
    }

    private static String newMemberId(JsonNode member) {
        String id = member.path("nationalId").asText(null);
        return SurveyValidator.isNationalId(id) ? SurveyValidator.canonicalNationalId(id) : String.valueOf(id);
    }

    private static BigDecimal decimal(Object v) {
        if (v == null || (v instanceof JsonNode n && (n.isNull() || !n.isNumber()))) {
            return null;
        }
        BigDecimal d = v instanceof JsonNode n ? n.decimalValue() : (BigDecimal) v;
        return d.stripTrailingZeros();
    }

    /** The change as stored: everything needed to apply it, without line numbers. */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", kind.name());
        if (memberLine != null) {
            o.put("memberLine", memberLine);
        }
        o.put("memberNationalId", memberNationalId);
        if (member != null) {
            o.set("member", member);
        }
        o.set("values", values);
        if (!relations.isEmpty()) {
            ObjectNode r = o.putObject("relationsByNationalId");
            relations.forEach(r::put);
        }
        return o;
    }

    static RequestedChange fromJson(JsonNode o) {
        Map<String, String> relations = new LinkedHashMap<>();
        o.path("relationsByNationalId").fields().forEachRemaining(e -> relations.put(e.getKey(), e.getValue().asText()));
        return new RequestedChange(ChangeKind.valueOf(o.get("kind").asText()), o.hasNonNull("memberLine") ? o.get("memberLine").asInt() : null,
                o.get("memberNationalId").asText(), o.hasNonNull("member") ? (ObjectNode) o.get("member") : null,
                (ObjectNode) o.get("values"), relations);
    }
}
