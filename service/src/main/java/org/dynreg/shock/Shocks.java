package org.dynreg.shock;

import org.dynreg.api.FreeText;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.audit.AuditTrail;
import org.dynreg.database.AfterCommit;
import org.dynreg.registry.Province;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Deadlines;
import org.dynreg.workflow.PolicyAnswer;
import org.dynreg.workflow.TaskView;
import org.dynreg.workflow.Tasks;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.facts.ShockHousehold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     */
    @Transactional
    public ShockView declare(Declaration declaration, String actor) {
        Declaration d = checked(declaration);
        long shockId = records.insertShock(d, actor, clock.instant());
        Map<Long, Long> open = records.openShockCases(TYPE);
        Map<Integer, PolicyAnswer<ShockHousehold>> byScore = new HashMap<>();
        record Ranked(ShockRecords.Found household, PolicyAnswer<ShockHousehold> answer) {
            Integer priority() {
                return answer.answer().getPriority();
            }
        }
        List<Ranked> ranked = records.householdsIn(d.areas()).stream()
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
                details.put("shock", shockId);
                details.put("priority", r.priority() == null ? "none" : r.priority());
                details.put("priorityRule", answer.getPriorityRule() == null ? "" : answer.getPriorityRule());
                details.put("score", r.household().score());
                details.put("policyVersion", r.answer().policyVersion());
                caseId = cases.open(TYPE, r.household().householdId(), PROCESS, Map.of("resurveyDue", due), actor, details);
                opened++;
            }
            records.insertHousehold(shockId, r.household(), r.priority(), answer.getPriorityRule(), r.answer().policyVersion(),
                    caseId, openCase);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", d.kind());
        details.put("startsOn", d.startsOn().toString());
        details.put("endsOn", d.endsOn() == null ? "" : d.endsOn().toString());
        details.put("areas", d.areas());
        details.put("cases", opened);
        details.put("skipped", ranked.size() - opened);
        details.put("comment", d.comment());
        audit.record(actor, "shock.declare", subject(shockId), details);
        int cases = opened;
        int skipped = ranked.size() - opened;
        AfterCommit.run(() -> log.info("shock {} ({}) declared by {}: {} re-survey order(s) opened, {} household(s) already in a shock case",
                shockId, d.kind(), actor, cases, skipped));
        return view(shockId);
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

    /** The declaration with its text trimmed and its areas without repeats; refused field by field when incomplete. */
    static Declaration checked(Declaration d) {
        if (d == null) {
            throw new InvalidRequestException("kind", "a declaration with kind, startsOn, areas and comment is required");
        }
        String kind = text("kind", d.kind(), 40, "the kind of shock is required, e.g. FLOOD, EARTHQUAKE, DROUGHT");
        if (d.startsOn() == null) {
            throw new InvalidRequestException("startsOn", "the day the shock began is required (yyyy-MM-dd)");
        }
        if (d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            throw new InvalidRequestException("endsOn", "is before startsOn");
        }
        String comment = text("comment", d.comment(), 1000, "say why the shock is declared, e.g. the disaster authority's notification");
        if (d.areas() == null || d.areas().isEmpty()) {
            throw new InvalidRequestException("areas", "at least one district or tehsil struck by the shock is required");
        }
        Map<String, Declaration.Area> areas = new LinkedHashMap<>();
        for (int i = 0; i < d.areas().size(); i++) {
            Declaration.Area a = d.areas().get(i);
            String at = "areas[" + i + "]";
            if (a == null) {
                throw new InvalidRequestException(at, "an area needs province and district");
            }
            if (a.province() == null || Arrays.stream(Province.values()).noneMatch(p -> p.name().equals(a.province().strip()))) {
                throw new InvalidRequestException(at + ".province", "must be one of " + Arrays.toString(Province.values()));
            }
            String district = text(at + ".district", a.district(), 80, "the district is required");
            String tehsil = a.tehsil() == null ? "" : a.tehsil().strip();
            if (tehsil.length() > 80) {
                throw new InvalidRequestException(at + ".tehsil", "is longer than 80 characters");
            }
            Declaration.Area area = new Declaration.Area(a.province().strip(), district, tehsil);
            areas.putIfAbsent((area.province() + "|" + district + "|" + tehsil).toLowerCase(Locale.ROOT), area);
        }
        return new Declaration(kind, d.startsOn(), d.endsOn(), List.copyOf(areas.values()), comment);
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
