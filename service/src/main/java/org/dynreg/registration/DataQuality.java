package org.dynreg.registration;

import org.dynreg.registry.Electricity;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.Relation;
import org.dynreg.registry.Survey;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers of a valid survey that are possible but unlikely, flagged for the data analysts who review a
 * site's work: warnings in the case's history, never a refusal (the registry's validation decides what
 * is refused). The limits are the analysts' review triggers of decision record 0013, chosen to catch
 * keying and interviewing errors while flagging few honest surveys. Messages never repeat personal data.
 */
final class DataQuality {
    /** Twice the UN-Habitat overcrowding line of three people to a room: beyond it, a miscounted roster or rooms is likelier. */
    static final int MAX_PEOPLE_PER_ROOM = 6;
    /** A dwelling this large for so few people suggests rooms miscounted or members left off the roster. */
    static final int MIN_ROOMS_FLAGGED = 6;
    static final int MAX_ROOMS_PER_MEMBER = 3;
    /** The dwelling, the assets and every member's answers: a complete interview in less time than this is unlikely. */
    static final Duration MIN_INTERVIEW = Duration.ofMinutes(10);
    /** Longer than a working day: the tablet's clock, or a survey left open overnight. */
    static final Duration MAX_INTERVIEW = Duration.ofHours(12);
    static final int ADULT_AGE = 18;

    private static final Set<Relation> DESCENDANTS = Set.of(Relation.SON, Relation.DAUGHTER, Relation.GRANDSON,
            Relation.GRANDDAUGHTER);
    private static final Set<Relation> PARENTS = Set.of(Relation.FATHER, Relation.MOTHER);

    private DataQuality() {
    }

    /** The warnings for a survey that passed validation, in the order of its fields. */
    static List<FieldProblem> warnings(Survey s) {
        List<FieldProblem> w = new ArrayList<>();
        interview(s, w);
        location(s, w);
        rooms(s, w);
        appliances(s, w);
        roster(s, w);
        return w;
    }

    private static void interview(Survey s, List<FieldProblem> w) {
        Duration took = Duration.between(s.startedAt(), s.submittedAt());
        if (took.compareTo(MIN_INTERVIEW) < 0) {
            w.add(new FieldProblem("submittedAt", "the interview took " + took.toMinutes() + " minute(s), less than "
                    + MIN_INTERVIEW.toMinutes() + ": check that every question was asked"));
        } else if (took.compareTo(MAX_INTERVIEW) > 0) {
            w.add(new FieldProblem("submittedAt", "the interview took " + took.toHours() + " hours, more than "
                    + MAX_INTERVIEW.toHours() + ": check the date and time on the tablet"));
        }
    }

    private static void location(Survey s, List<FieldProblem> w) {
        if (s.location().latitude() == null || s.location().longitude() == null) {
            w.add(new FieldProblem("location", "has no GPS position (latitude and longitude): the household cannot be "
                    + "found on a map for a re-survey"));
        }
    }

    private static void rooms(Survey s, List<FieldProblem> w) {
        int members = s.members().size();
        int rooms = s.dwelling().rooms();
        if (members > MAX_PEOPLE_PER_ROOM * rooms) {
            w.add(new FieldProblem("dwelling.rooms", members + " members live in " + rooms + " room(s), more than "
                    + MAX_PEOPLE_PER_ROOM + " to a room: check the number of rooms and that everyone listed lives here"));
        } else if (rooms >= MIN_ROOMS_FLAGGED && rooms > MAX_ROOMS_PER_MEMBER * members) {
            w.add(new FieldProblem("dwelling.rooms", rooms + " rooms for " + members + " member(s): check the number of "
                    + "rooms and that no member was left off the roster"));
        }
    }

    private static void appliances(Survey s, List<FieldProblem> w) {
        if (s.dwelling().electricity() != Electricity.NONE) {
            return;
        }
        Survey.Assets a = s.assets();
        Map<String, Boolean> electric = new LinkedHashMap<>();
        electric.put("refrigerator", a.refrigerator());
        electric.put("freezer", a.freezer());
        electric.put("television", a.television());
        electric.put("airConditioner", a.airConditioner());
        electric.put("washingMachine", a.washingMachine());
        List<String> owned = electric.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
        if (!owned.isEmpty()) {
            w.add(new FieldProblem("assets", "lists " + String.join(", ", owned) + " though dwelling.electricity is NONE: "
                    + "check both answers"));
        }
    }

    private static void roster(Survey s, List<FieldProblem> w) {
        LocalDate surveyDate = s.startedAt().toLocalDate();
        Survey.Member head = s.members().stream().filter(m -> m.relation() == Relation.HEAD).findFirst().orElseThrow();
        for (int i = 0; i < s.members().size(); i++) {
            Survey.Member m = s.members().get(i);
            String path = "members[" + i + "]";
            if (m == head && Period.between(m.dateOfBirth(), surveyDate).getYears() < ADULT_AGE) {
                w.add(new FieldProblem(path + ".dateOfBirth", "the head is under " + ADULT_AGE + " on the survey date: "
                        + "a child-headed household is possible but rare; confirm the head and the date of birth"));
            } else if (DESCENDANTS.contains(m.relation()) && !m.dateOfBirth().isAfter(head.dateOfBirth())) {
                w.add(new FieldProblem(path + ".relation", "a child or grandchild of the head who is not younger than the head: "
                        + "check the relation and both dates of birth"));
            } else if (PARENTS.contains(m.relation()) && !m.dateOfBirth().isBefore(head.dateOfBirth())) {
                w.add(new FieldProblem(path + ".relation", "a parent of the head who is not older than the head: "
                        + "check the relation and both dates of birth"));
            }
        }
    }
}
