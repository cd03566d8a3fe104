package org.dynreg.shock;

import org.dynreg.api.FreeText;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.audit.AuditTrail;
import org.dynreg.database.AfterCommit;
import org.dynreg.places.District;
import org.dynreg.places.Places;
import org.dynreg.places.Tehsil;
import org.dynreg.places.UnknownPlaceException;
import org.dynreg.registry.Province;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Deadlines;
import org.dynreg.workflow.PolicyAnswer;
import org.dynreg.workflow.TaskView;
import org.dynreg.workflow.Tasks;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.WorkflowRefusedException;
import org.dynreg.workflow.facts.ShockHousehold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Shock updates: declaring a shock opens the re-survey orders of the households it struck; their progress and the assistance named. */
@Service
public class Shocks {
    static final String PROCESS = "shockUpdate";
    static final String TYPE = "SHOCK_UPDATE";
    static final String RESURVEY_TASK = "Re-survey after the shock";
    static final String DEADLINE = "shock-resurvey";

    private static final Logger log = LoggerFactory.getLogger(Shocks.class);

    private final ShockRecords records;
    private final Cases cases;
    private final Tasks tasks;
    private final WorkflowPolicy policy;
    private final Deadlines deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    Shocks(ShockRecords records, Cases cases, Tasks tasks, WorkflowPolicy policy, Deadlines deadlines, AuditTrail audit, Clock clock) {
        this.records = records;
        this.cases = cases;
        this.tasks = tasks;
        this.policy = policy;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Stores the declaration and opens one case per household living in its areas, in the order the Shock
     * response table sets (priority, then score, then household id), each with its re-survey task. A
     * household already in an open shock case gets no second one; it is listed as skipped. All or nothing.
     * A declaration sharing ground and days with one already declared is refused (409) naming it: that one
     * is extended instead ({@link #extend}). Declarations are made one at a time.
     */
    @Transactional
    public ShockView declare(Declaration declaration, String actor) {
        Checked d = checked(declaration);
        records.lockDeclarations();
        refuseOverlap(d.places(), d.declaration().startsOn(), d.declaration().endsOn(), 0, "");
        long shockId = records.insertShock(d.declaration(), actor, clock.instant());
        Opened opened = openOrders(records.shock(shockId), d.places(), actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", d.declaration().kind());
        details.put("startsOn", d.declaration().startsOn().toString());
        details.put("endsOn", d.declaration().endsOn() == null ? "" : d.declaration().endsOn().toString());
        details.put("areas", d.declaration().areas());
        details.put("cases", opened.cases());
        details.put("skipped", opened.skipped());
        details.put("comment", d.declaration().comment());
        audit.record(actor, "shock.declare", subject(shockId), details);
        AfterCommit.run(() -> log.info("shock {} ({}) declared by {}: {} re-survey order(s) opened, {} household(s) already in a shock case",
                shockId, d.declaration().kind(), actor, opened.cases(), opened.skipped()));
        return view(shockId);
    }

    /**
     * Extends a declared shock as the disaster authority extends its notification: a later last day and/or
     * more districts or tehsils. Households living in the added ground get their re-survey orders as at a
     * declaration; a household the shock already names is never named again. The extended shock may not
     * share ground and days with another declared shock (409).
     */
    @Transactional
    public ShockView extend(long shockId, Extension extension, String actor) {
        if (extension == null) {
            throw new InvalidRequestException("comment", "an extension with endsOn and/or areas, and comment, is required");
        }
        records.lockDeclarations();
        ShockRecords.Shock shock = records.shock(shockId);
        String comment = text("comment", extension.comment(), 1000, "say why the shock is extended, e.g. the disaster authority's notification");
        List<Place> added = extension.areas() == null ? List.of() : places(extension.areas(), false);
        LocalDate endsOn = shock.endsOn();
        if (extension.endsOn() != null) {
            if (shock.endsOn() == null) {
                throw new InvalidRequestException("endsOn", "shock " + shockId + " has no last day yet; it stays declared until one is set");
            }
            if (!extension.endsOn().isAfter(shock.endsOn())) {
                throw new InvalidRequestException("endsOn", "must be after the shock's last day, " + shock.endsOn()
                        + "; an extension adds days and never takes them away");
            }
            endsOn = extension.endsOn();
        }
        List<Place> current = records.areas(shockId).stream().map(Place::of).flatMap(java.util.Optional::stream).toList();
        List<Place> fresh = added.stream().filter(p -> current.stream().noneMatch(c -> c.covers(p))).toList();
        if (fresh.isEmpty() && Objects.equals(endsOn, shock.endsOn())) {
            throw new InvalidRequestException(extension.areas() == null || extension.areas().isEmpty() ? "endsOn" : "areas",
                    "extends nothing: give a later endsOn or an area shock " + shockId + " does not cover yet");
        }
        List<Place> all = new ArrayList<>(current);
        all.addAll(fresh);
        refuseOverlap(all, shock.startsOn(), endsOn, shockId, " extended");
        if (!Objects.equals(endsOn, shock.endsOn())) {
            records.extendTo(shockId, endsOn);
        }
        fresh.forEach(p -> records.insertArea(shockId, p.area()));
        Opened opened = fresh.isEmpty() ? new Opened(0, 0) : openOrders(shock, fresh, actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endsOnBefore", shock.endsOn() == null ? "" : shock.endsOn().toString());
        details.put("endsOn", endsOn == null ? "" : endsOn.toString());
        details.put("areasAdded", fresh.stream().map(Place::area).toList());
        details.put("cases", opened.cases());
        details.put("skipped", opened.skipped());
        details.put("comment", comment);
        audit.record(actor, "shock.extend", subject(shockId), details);
        AfterCommit.run(() -> log.info("shock {} extended by {}: {} area(s) added, {} re-survey order(s) opened", shockId, actor,
                fresh.size(), opened.cases()));
        return view(shockId);
    }

    /** Refuses (409) when another declared shock shares ground and days with these, naming it, the ground and its days. */
    private void refuseOverlap(List<Place> places, LocalDate startsOn, LocalDate endsOn, long except, String declared) {
        for (ShockRecords.DeclaredArea other : records.areasMeeting(startsOn, endsOn, except)) {
            Place theirs = Place.of(other.area()).orElse(null);
            if (theirs == null) {
                continue;
            }
            for (Place ours : places) {
                if (ours.meets(theirs)) {
                    ShockRecords.Shock s = other.shock();
                    throw WorkflowRefusedException.conflict("shock " + s.id() + " (" + s.kind() + ", " + s.startsOn() + " to "
                            + (s.endsOn() == null ? "no last day yet" : s.endsOn()) + ") already covers " + theirs.describe()
                            + ", which the" + declared + " declaration's " + ours.describe() + " from " + startsOn + " to "
                            + (endsOn == null ? "no last day" : endsOn) + " shares; extend shock " + s.id()
                            + " (POST /api/shocks/" + s.id() + "/extensions) with more days or areas instead of declaring it again");
                }
            }
        }
    }

    private record Opened(int cases, int skipped) {}

    /** Opens the re-survey orders of the households in the places that the shock does not name yet. */
    private Opened openOrders(ShockRecords.Shock shock, List<Place> places, String actor) {
        Map<Long, Long> open = records.openShockCases(TYPE);
        java.util.Set<Long> named = records.named(shock.id());
        Map<Integer, PolicyAnswer<ShockHousehold>> byScore = new HashMap<>();
        record Ranked(ShockRecords.Found household, PolicyAnswer<ShockHousehold> answer) {
            Integer priority() {
                return answer.answer().getPriority();
            }
        }
        List<Ranked> ranked = records.householdsIn(places).stream()
                .filter(h -> !named.contains(h.householdId()))
                .map(h -> new Ranked(h, byScore.computeIfAbsent(h.score(), s -> policy.ask(new ShockHousehold(s, false)))))
                .sorted(Comparator.comparing(Ranked::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(r -> r.household().score()).thenComparingLong(r -> r.household().householdId()))
                .toList();
        String due = deadlines.of(DEADLINE);
        int opened = 0;
        for (Ranked r : ranked) {
            ShockHousehold answer = r.answer().answer();
            Long openCase = open.get(r.household().householdId());
            Long caseId = null;
            if (openCase == null) {
                Map<String, Object> details = new HashMap<>();
                details.put("shock", shock.id());
                details.put("priority", r.priority() == null ? "none" : r.priority());
                details.put("priorityRule", answer.getPriorityRule() == null ? "" : answer.getPriorityRule());
                details.put("score", r.household().score());
                details.put("policyVersion", r.answer().policyVersion());
                caseId = cases.open(TYPE, r.household().householdId(), PROCESS, Map.of("resurveyDue", due), actor, details);
                opened++;
            }
            try {
                records.insertHousehold(shock, r.household(), r.priority(), answer.getPriorityRule(), r.answer().policyVersion(),
                        caseId, openCase);
            } catch (DuplicateKeyException e) {
                throw WorkflowRefusedException.conflict("household " + r.household().householdId() + " is already named for the "
                        + shock.kind() + " that began on " + shock.startsOn() + " by another declaration; a household is named once per event");
            }
        }
        return new Opened(opened, ranked.size() - opened);
    }

    /** The shock with its re-survey orders in working order and their state. */
    @Transactional(readOnly = true)
    public ShockView view(long shockId) {
        ShockRecords.Shock s = records.shock(shockId);
        List<ShockView.ShockCase> orders = records.cases(shockId);
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        orders.forEach(c -> counts.merge(c.priority(), 1, Integer::sum));
        List<ShockView.PriorityCount> byPriority = new ArrayList<>();
        counts.forEach((p, n) -> byPriority.add(new ShockView.PriorityCount(p, n)));
        return new ShockView(s.id(), s.kind(), s.startsOn(), s.endsOn(), s.comment(), s.declaredBy(), s.declaredAt(),
                records.areas(shockId), byPriority, orders, records.skipped(shockId));
    }

    /** The households the Shock response table named for emergency assistance after their re-survey, in working order. */
    @Transactional(readOnly = true)
    public List<Assistance> assistance(long shockId) {
        records.shock(shockId);
        return records.assistance(shockId);
    }

    /**
     * The open re-survey tasks the user may take or holds, in priority order across shocks (then the
     * poorest first, the earlier shock, the household id); {@code shockId} narrows them to one shock.
     */
    @Transactional(readOnly = true)
    public List<ResurveyOrder> resurveyOrders(String user, Collection<String> groups, Long shockId) {
        Map<Long, ShockRecords.Order> orders = records.openOrders();
        Map<Long, String> kinds = new HashMap<>();
        return Stream.concat(tasks.mine(user, groups).stream(), tasks.available(user, groups).stream())
                .filter(t -> RESURVEY_TASK.equals(t.name()) && orders.containsKey(t.caseId()))
                .map(t -> order(t, orders.get(t.caseId()), kinds))
                .filter(o -> shockId == null || o.shockId() == shockId)
                .sorted(Comparator.comparing(ResurveyOrder::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(ResurveyOrder::scoreBefore).thenComparingLong(ResurveyOrder::shockId)
                        .thenComparingLong(ResurveyOrder::householdId))
                .toList();
    }

    private ResurveyOrder order(TaskView t, ShockRecords.Order o, Map<Long, String> kinds) {
        String kind = kinds.computeIfAbsent(o.shockId(), id -> records.shock(id).kind());
        return new ResurveyOrder(o.shockId(), kind, o.caseId(), o.householdId(), o.priority(), o.scoreBefore(), t.id(), t.owner());
    }

    /** A declaration as checked: its text trimmed, its kind in capitals, its areas as the reference list names them. */
    record Checked(Declaration declaration, List<Place> places) {}

    /**
     * The declaration with its text trimmed, its kind in capitals and its areas as the reference list of
     * administrative units names them, without repeats (a tehsil of a district also declared whole is left
     * out); refused field by field when incomplete or naming a place the list does not hold.
     */
    static Checked checked(Declaration d) {
        if (d == null) {
            throw new InvalidRequestException("kind", "a declaration with kind, startsOn, areas and comment is required");
        }
        String kind = text("kind", d.kind(), 40, "the kind of shock is required, e.g. FLOOD, EARTHQUAKE, DROUGHT")
                .toUpperCase(Locale.ROOT);
        if (d.startsOn() == null) {
            throw new InvalidRequestException("startsOn", "the day the shock began is required (yyyy-MM-dd)");
        }
        if (d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            throw new InvalidRequestException("endsOn", "is before startsOn");
        }
        String comment = text("comment", d.comment(), 1000, "say why the shock is declared, e.g. the disaster authority's notification");
        List<Place> places = places(d.areas(), true);
        return new Checked(new Declaration(kind, d.startsOn(), d.endsOn(), places.stream().map(Place::area).toList(), comment), places);
    }

    /** The areas as the reference list knows them, field by field ({@code areas[i].district}), without repeats. */
    private static List<Place> places(List<Declaration.Area> areas, boolean required) {
        if (areas == null || areas.isEmpty()) {
            if (required) {
                throw new InvalidRequestException("areas", "at least one district or tehsil struck by the shock is required");
            }
            return List.of();
        }
        Places list = Places.pakistan();
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            Declaration.Area a = areas.get(i);
            String at = "areas[" + i + "]";
            if (a == null) {
                throw new InvalidRequestException(at, "an area needs province and district");
            }
            Province province = a.province() == null ? null : Arrays.stream(Province.values())
                    .filter(p -> p.name().equals(a.province().strip())).findFirst().orElse(null);
            if (province == null) {
                throw new InvalidRequestException(at + ".province", "must be one of " + Arrays.toString(Province.values()));
            }
            String districtName = text(at + ".district", a.district(), 80, "the district is required");
            District district;
            try {
                district = list.requireDistrict(province, districtName);
            } catch (UnknownPlaceException e) {
                throw new InvalidRequestException(at + ".district", e.getMessage());
            }
            Tehsil tehsil = null;
            if (a.tehsil() != null && !a.tehsil().isBlank()) {
                String tehsilName = text(at + ".tehsil", a.tehsil(), 80, "");
                try {
                    tehsil = list.requireTehsil(district, tehsilName);
                } catch (UnknownPlaceException e) {
                    throw new InvalidRequestException(at + ".tehsil", e.getMessage());
                }
            }
            places.add(new Place(district, tehsil));
        }
        List<Place> distinct = new ArrayList<>();
        for (Place p : places) {
            boolean covered = places.stream().anyMatch(o -> o != p && o.covers(p) && !p.covers(o))
                    || distinct.stream().anyMatch(o -> o.covers(p));
            if (!covered) {
                distinct.add(p);
            }
        }
        return List.copyOf(distinct);
    }

    private static String text(String field, String value, int max, String missing) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, missing);
        }
        if (value.strip().length() > max) {
            throw new InvalidRequestException(field, "is longer than " + max + " characters");
        }
        FreeText.require(field, value);
        return value.strip();
    }

    static String subject(long shockId) {
        return "shock:" + shockId;
    }
}
