package org.dynreg.workflow;

import org.dynreg.api.NotFoundException;
import org.dynreg.audit.AuditQuery;
import org.dynreg.audit.AuditEntry;
import org.dynreg.audit.AuditTrail;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.security.Caller;
import org.dynreg.database.AfterCommit;
import org.dynreg.security.Office;
import org.dynreg.security.Offices;
import org.dynreg.security.Users;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.auth.IdentityProviders;
import org.kie.kogito.usertask.UserTaskInstanceNotAuthorizedException;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.impl.lifecycle.DefaultUserTaskLifeCycle;
import org.kie.kogito.usertask.view.UserTaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Caseworkers' and supervisors' tasks: theirs, their group's, claim, release, complete. A user task's
 * inputs tell the rules: {@code CaseId}, {@code Outcomes} (the outcomes it accepts, one is required),
 * {@code NotBy} (who may neither claim nor complete it: a comma-separated list of the people who did
 * the steps it checks, four eyes).
 */
@Service
public class Tasks {
    static final String ENGINE = "system";
    /** The engine's own identity: a supervisor's reassignment or release of someone else's task is done as it. */
    private static final String ENGINE_USER = DefaultUserTaskLifeCycle.WORKFLOW_ENGINE_USER;
    /** The groups a user task may be given to (its {@code GroupId}); the engine's own identity holds them all. */
    static final Set<String> ALL_GROUPS = Set.of("CASEWORKER", "SUPERVISOR", "DATA_ENTRY_OPERATOR", "POLICY_OFFICER", "AUDITOR");
    private static final Logger log = LoggerFactory.getLogger(Tasks.class);

    private final UserTaskService userTasks;
    private final ObjectProvider<Cases> cases;
    private final AuditTrail audit;
    private final Offices offices;
    private final Users users;
    private final Escalations escalations;
    private final TaskList list;
    private final Caller caller;
    private final PersonalDataReads reads;

    Tasks(UserTaskService userTasks, ObjectProvider<Cases> cases, AuditTrail audit, Offices offices, Users users,
          Escalations escalations, TaskList list, Caller caller, PersonalDataReads reads) {
        this.caller = caller;
        this.reads = reads;
        this.userTasks = userTasks;
        this.cases = cases;
        this.audit = audit;
        this.offices = offices;
        this.users = users;
        this.escalations = escalations;
        this.list = list;
    }

    /** Tasks the user holds, of the cases of the user's offices. */
    @Transactional(readOnly = true)
    public List<TaskView> mine(String user, Collection<String> groups) {
        return ofOffices(user, userTasks.list(identity(user, groups)).stream().filter(t -> user.equals(t.getActualOwner())).toList());
    }

    /**
     * Tasks waiting for anyone of the user's groups to take them, of the cases of the user's offices; not those the
     * user may not take because they did a step the task checks (four eyes).
     */
    @Transactional(readOnly = true)
    public List<TaskView> available(String user, Collection<String> groups) {
        return ofOffices(user, userTasks.list(identity(user, groups)).stream()
                .filter(t -> t.getActualOwner() == null || t.getActualOwner().isBlank())
                .filter(t -> t.getPotentialGroups() != null && t.getPotentialGroups().stream().anyMatch(groups::contains))
                .filter(t -> !excluded(t).contains(user))
                .toList());
    }

    /** The tasks as task-list lines, the head's name only with {@code personalData}; one query for all of them. */
    @Transactional(readOnly = true)
    public List<TaskRow> rows(List<TaskView> tasks, boolean personalData) {
        return list.rows(tasks, personalData);
    }

    /**
     * What a task list is narrowed to; null or blank: any. {@code updateType}: the case type; {@code step}: the task's
     * name; {@code sla}: ON_TRACK, AT_RISK or BREACHED; {@code text}: a household or case id, or part of the step's
     * name or (for roles that may see personal data) the head's name.
     */
    public record TaskFilter(String updateType, String step, String district, String sla, String text) {
        public static final TaskFilter NONE = new TaskFilter(null, null, null, null, null);

        public TaskFilter {
            updateType = blankAsNone(updateType);
            step = blankAsNone(step);
            district = blankAsNone(district);
            sla = blankAsNone(sla);
            text = blankAsNone(text);
            if (sla != null && !List.of(TaskRow.ON_TRACK, TaskRow.AT_RISK, TaskRow.BREACHED).contains(sla)) {
                throw WorkflowRefusedException.invalid("sla: must be ON_TRACK, AT_RISK or BREACHED; '" + sla + "' is not");
            }
        }

        private static String blankAsNone(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /**
     * One page of a task list (pages from 0); how many tasks the whole list has, counted up to a limit
     * ({@code dynreg.workflow.task-count-limit}: {@code totalAtLeast} says the list is longer than {@code total});
     * and whether a next page has tasks.
     */
    public record TaskPage(String scope, int page, int size, long total, boolean totalAtLeast, boolean hasNext, List<TaskRow> tasks) {}

    /**
     * One page of a task list, read in the database however long the list: {@code scope} {@code mine} (held by the
     * reader) or {@code group} (waiting for one of the reader's groups, not those four eyes keep from the reader), of
     * the cases of the reader's offices, oldest first. The head's name only for roles that may see personal data
     * (Caller), and each such name shown is recorded as a read of personal data (PersonalDataReads), as for any page.
     */
    @Transactional(readOnly = true)
    public TaskPage list(String scope, TaskFilter filter, int page, int size, Authentication reader) {
        if (!"mine".equals(scope) && !"group".equals(scope)) {
            throw WorkflowRefusedException.invalid("scope: must be mine or group");
        }
        if (page < 0) {
            throw WorkflowRefusedException.invalid("page: must be 0 or more");
        }
        if (size < 1 || size > 1000) {
            throw WorkflowRefusedException.invalid("size: must be between 1 and 1000");
        }
        String user = reader.getName();
        Set<String> groups = groupsOf(reader);
        boolean personal = caller.maySeePersonalData(reader);
        TaskList.Ids ids = list.page("mine".equals(scope), user, groups, offices.of(user),
                filter == null ? TaskFilter.NONE : filter, personal, page, size);
        List<TaskRow> rows = list.rows(list.views(ids.ids()), personal);
        for (TaskRow r : rows) {
            if (r.headName() != null && r.householdId() != null) {
                reads.record(reader, PersonalDataReads.Kind.HOUSEHOLD, r.householdId(), r.householdId(), true);
            }
        }
        return new TaskPage(scope, page, size, ids.total(), ids.totalAtLeast(), ids.hasNext(), rows);
    }

    /** One open task as a task-list line, for whoever may take or hold it; its personal data as {@link #list} gives it. */
    @Transactional(readOnly = true)
    public TaskRow row(String taskId, Authentication reader) {
        UserTaskView t = open(taskId, reader.getName(), groupsOf(reader));
        refuseOtherOffice(t, taskId, reader.getName());
        boolean personal = caller.maySeePersonalData(reader);
        TaskRow r = list.rows(List.of(view(t)), personal).get(0);
        if (r.headName() != null && r.householdId() != null) {
            reads.record(reader, PersonalDataReads.Kind.HOUSEHOLD, r.householdId(), r.householdId(), true);
        }
        return r;
    }

    /** Whether four eyes keep this user from an open task: they did a step it checks. */
    @Transactional(readOnly = true)
    public boolean excludes(String taskId, String user) {
        return userTasks.getUserTaskInstance(taskId, identity(ENGINE, ALL_GROUPS)).map(t -> excluded(t).contains(user)).orElse(false);
    }

    /** The names of the steps open tasks wait at, for a task list's filter. */
    @Transactional(readOnly = true)
    public List<String> stepNames() {
        return list.stepNames();
    }

    /** A task the user completed: its step, case, outcome, comment and when. */
    public record DoneTask(String taskId, String name, long caseId, String outcome, String comment, Instant at) {}

    /** The tasks the user completed, newest first, from the audit trail's task.complete entries (the last 1000). */
    @Transactional(readOnly = true)
    public List<DoneTask> done(String user, int page, int size) {
        List<AuditEntry> entries = new ArrayList<>();
        Long after = null;
        while (true) {
            List<AuditEntry> batch = audit.entries(new AuditQuery(null, "case:", "task.complete", user, null, null, after,
                    AuditQuery.MAX_LIMIT));
            entries.addAll(batch);
            if (batch.size() < AuditQuery.MAX_LIMIT) {
                break;
            }
            after = batch.get(batch.size() - 1).seq();
            if (entries.size() > 10 * AuditQuery.MAX_LIMIT) {
                entries = new ArrayList<>(entries.subList(entries.size() - AuditQuery.MAX_LIMIT, entries.size()));
            }
        }
        List<DoneTask> done = new ArrayList<>();
        for (int i = entries.size() - 1 - page * size; i >= 0 && done.size() < size; i--) {
            AuditEntry e = entries.get(i);
            JsonNode d = details(e.details());
            done.add(new DoneTask(d.path("taskId").asText(), d.path("task").asText(), Long.parseLong(e.subject().substring("case:".length())),
                    d.path("outcome").asText(), d.path("comment").asText(), e.recordedAt()));
        }
        return done;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode details(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Task groups are the caller's roles (CASEWORKER, SUPERVISOR, DATA_ENTRY_OPERATOR). */
    public static Set<String> groupsOf(Authentication auth) {
        return auth.getAuthorities().stream().map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }

    private List<TaskView> ofOffices(String user, List<UserTaskView> tasks) {
        List<Office> mine = offices.of(user);
        if (mine.isEmpty() || tasks.isEmpty()) {
            return List.of();
        }
        Map<Long, TaskList.Place> places = list.places(tasks.stream().map(Tasks::caseIdOf).collect(Collectors.toSet()));
        return tasks.stream().filter(t -> {
            TaskList.Place p = places.get(caseIdOf(t));
            return p != null && Offices.covers(mine, p.district(), p.tehsil(), p.siteId());
        }).map(Tasks::view).toList();
    }

    /** Refuses a user who works for none of the offices covering the task's case (403 naming the case's office). */
    private void refuseOtherOffice(UserTaskView t, String taskId, String user) {
        Cases.CaseRow c = cases.getObject().row(caseIdOf(t));
        if (!offices.covers(user, c.district(), c.tehsil(), c.siteId())) {
            throw WorkflowRefusedException.forbidden("task " + taskId + " is work of the " + c.office()
                    + " office, which is not one of yours");
        }
    }

    /**
     * A supervisor gives a task to another person: one of the same office, who has the task's group and is
     * not excluded from it by four eyes. Whoever held it no longer does; the reason is recorded.
     */
    @Transactional
    public TaskView reassign(String taskId, String to, String reason, String supervisor, Collection<String> groups) {
        if (to == null || to.isBlank()) {
            throw WorkflowRefusedException.invalid("to: the user to give task " + taskId + " to is required");
        }
        if (reason == null || reason.isBlank()) {
            throw WorkflowRefusedException.invalid("reason: why task " + taskId + " is given to someone else is required");
        }
        UserTaskView t = supervised(taskId, supervisor);
        if (to.equals(t.getActualOwner())) {
            throw WorkflowRefusedException.conflict("task " + taskId + " is already held by " + to);
        }
        Users.User target;
        try {
            target = users.get(to);
        } catch (NotFoundException e) {
            throw WorkflowRefusedException.invalid("to: there is no user " + to);
        }
        Set<String> theirGroups = target.roles().stream().map(Enum::name).collect(Collectors.toSet());
        if (!target.enabled()) {
            throw WorkflowRefusedException.invalid("to: user " + to + " is disabled");
        }
        if (t.getPotentialGroups() == null || t.getPotentialGroups().stream().noneMatch(theirGroups::contains)) {
            throw WorkflowRefusedException.invalid("to: task " + taskId + " is for " + t.getPotentialGroups() + "; " + to + " is not");
        }
        Cases.CaseRow c = cases.getObject().row(caseIdOf(t));
        if (!Offices.covers(target.offices(), c.district(), c.tehsil(), c.siteId())) {
            throw WorkflowRefusedException.invalid("to: " + to + " does not work for the " + c.office() + " office");
        }
        if (excluded(t).contains(to)) {
            throw WorkflowRefusedException.invalid("to: " + to + " did a step that task " + taskId + " checks; a different person must take it");
        }
        String from = t.getActualOwner();
        if (from != null && !from.isBlank()) {
            transition(taskId, DefaultUserTaskLifeCycle.RELEASE, Map.of(), ENGINE_USER, Set.of());
        }
        UserTaskView given = transition(taskId, DefaultUserTaskLifeCycle.CLAIM, Map.of(DefaultUserTaskLifeCycle.PARAMETER_USER, to),
                ENGINE_USER, Set.of());
        audit.record(supervisor, "task.reassign", Cases.subject(c.id()), Map.of("task", t.getTaskName(), "taskId", taskId,
                "from", from == null ? "" : from, "to", to, "reason", reason.strip()));
        return view(given);
    }

    /**
     * The people a supervisor may give a task to ({@link #reassign} would accept): enabled, of the case's office, with
     * the task's group, not kept from it by four eyes and not holding it already; by user name.
     */
    @Transactional(readOnly = true)
    public List<String> reassignable(String taskId, String supervisor) {
        UserTaskView t = supervised(taskId, supervisor);
        Cases.CaseRow c = cases.getObject().row(caseIdOf(t));
        Set<String> taskGroups = t.getPotentialGroups() == null ? Set.of() : t.getPotentialGroups();
        return users.list().stream().filter(Users.User::enabled)
                .filter(u -> u.roles().stream().map(Enum::name).anyMatch(taskGroups::contains))
                .filter(u -> Offices.covers(u.offices(), c.district(), c.tehsil(), c.siteId()))
                .filter(u -> !excluded(t).contains(u.username()) && !u.username().equals(t.getActualOwner()))
                .map(Users.User::username).sorted().toList();
    }

    /** A supervisor gives a task someone else holds back to its group; the reason is recorded. */
    @Transactional
    public TaskView releaseHeld(String taskId, String reason, String supervisor, Collection<String> groups) {
        if (reason == null || reason.isBlank()) {
            throw WorkflowRefusedException.invalid("reason: why task " + taskId + " is taken from the person holding it is required");
        }
        UserTaskView t = supervised(taskId, supervisor);
        String from = t.getActualOwner();
        if (from == null || from.isBlank()) {
            throw WorkflowRefusedException.conflict("task " + taskId + " is held by nobody");
        }
        UserTaskView released = transition(taskId, DefaultUserTaskLifeCycle.RELEASE, Map.of(), ENGINE_USER, Set.of());
        audit.record(supervisor, "task.release", Cases.subject(caseIdOf(t)), Map.of("task", t.getTaskName(), "taskId", taskId,
                "from", from, "reason", reason.strip()));
        return view(released);
    }

    /**
     * Gives a task back to its group: the user's own ({@link #release}), or, for a supervisor, one someone else holds
     * ({@link #releaseHeld}, with a reason).
     */
    @Transactional
    public TaskView giveBack(String taskId, String reason, String user, Collection<String> groups) {
        String holder = holder(taskId);
        if (holder != null && !holder.equals(user) && groups.contains("SUPERVISOR")) {
            return releaseHeld(taskId, reason, user, groups);
        }
        return release(taskId, user, groups);
    }

    /** Who holds an open task; null when nobody does or there is no such open task. */
    @Transactional(readOnly = true)
    public String holder(String taskId) {
        return userTasks.getUserTaskInstance(taskId, identity(ENGINE, ALL_GROUPS)).map(UserTaskView::getActualOwner)
                .filter(o -> !o.isBlank()).orElse(null);
    }

    /** An open task of a case of the supervisor's offices. */
    private UserTaskView supervised(String taskId, String supervisor) {
        UserTaskView t = open(taskId, supervisor, ALL_GROUPS);
        if (!cases.getObject().isOpen(caseIdOf(t))) {
            throw WorkflowRefusedException.conflict("case " + caseIdOf(t) + " is closed");
        }
        refuseOtherOffice(t, taskId, supervisor);
        return t;
    }

    /** The open tasks of a case, whoever holds them. */
    @Transactional(readOnly = true)
    public List<TaskView> ofCase(long caseId) {
        return userTasks.list(identity(ENGINE, ALL_GROUPS)).stream()
                .filter(t -> caseIdOf(t) == caseId).map(Tasks::view).toList();
    }

    @Transactional
    public TaskView claim(String taskId, String user, Collection<String> groups) {
        UserTaskView t = open(taskId, user, groups);
        refuseOtherOffice(t, taskId, user);
        refuseExcluded(t, taskId, user);
        if (t.getActualOwner() != null && !t.getActualOwner().isBlank()) {
            throw t.getActualOwner().equals(user) ? WorkflowRefusedException.conflict("you already hold task " + taskId)
                    : WorkflowRefusedException.conflict("task " + taskId + " is held by " + t.getActualOwner());
        }
        UserTaskView claimed = transition(taskId, DefaultUserTaskLifeCycle.CLAIM, Map.of(), user, groups);
        audit.record(user, "task.claim", Cases.subject(caseIdOf(t)), Map.of("task", t.getTaskName(), "taskId", taskId));
        return view(claimed);
    }

    @Transactional
    public TaskView release(String taskId, String user, Collection<String> groups) {
        UserTaskView t = open(taskId, user, groups);
        if (!user.equals(t.getActualOwner())) {
            throw WorkflowRefusedException.forbidden("task " + taskId + " is not held by you");
        }
        UserTaskView released = transition(taskId, DefaultUserTaskLifeCycle.RELEASE, Map.of(), user, groups);
        audit.record(user, "task.release", Cases.subject(caseIdOf(t)), Map.of("task", t.getTaskName(), "taskId", taskId));
        return view(released);
    }

    /**
     * Completes a task with an outcome and a comment. Refused: a task already done (409), held by
     * someone else or the user's own earlier step to check (403), an outcome missing or not one the
     * task accepts (422), a closed case (409). A task nobody holds is claimed first.
     */
    @Transactional
    public TaskView complete(String taskId, String outcome, String comment, String user, Collection<String> groups) {
        return complete(taskId, outcome, comment, Map.of(), user, groups);
    }

    /**
     * As {@link #complete(String, String, String, String, Collection)}, with further outputs the task's
     * step needs (e.g. {@code surveyId} for a re-survey); they cannot override outcome, comment or completedBy.
     */
    @Transactional
    public TaskView complete(String taskId, String outcome, String comment, Map<String, Object> data, String user,
                             Collection<String> groups) {
        UserTaskView t = open(taskId, user, groups);
        long caseId = caseIdOf(t);
        if (!cases.getObject().isOpen(caseId)) {
            throw WorkflowRefusedException.conflict("case " + caseId + " is closed");
        }
        String owner = t.getActualOwner();
        if (owner != null && !owner.isBlank() && !owner.equals(user)) {
            throw WorkflowRefusedException.forbidden("task " + taskId + " is held by " + owner + "; only they can complete it");
        }
        refuseOtherOffice(t, taskId, user);
        refuseExcluded(t, taskId, user);
        Object surveyId = data == null ? null : data.get("surveyId");
        if (surveyId != null && !(surveyId instanceof Integer || surveyId instanceof Long
                || surveyId instanceof String text && text.strip().matches("\\d{1,18}"))) {
            throw WorkflowRefusedException.invalid("data.surveyId: must be the id of a survey, a whole number; '" + surveyId
                    + "' is not");
        }
        List<String> outcomes = outcomes(t);
        if (!outcomes.isEmpty() && (outcome == null || !outcomes.contains(outcome))) {
            throw WorkflowRefusedException.invalid("outcome must be one of " + outcomes);
        }
        if (owner == null || owner.isBlank()) {
            transition(taskId, DefaultUserTaskLifeCycle.CLAIM, Map.of(), user, groups);
        }
        Map<String, Object> outputs = new HashMap<>(data == null ? Map.of() : data);
        outputs.put("outcome", outcome);
        outputs.put("comment", comment == null ? "" : comment);
        outputs.put("completedBy", user);
        audit.record(user, "task.complete", Cases.subject(caseId), Map.of("task", t.getTaskName(), "taskId", taskId,
                "outcome", outcome == null ? "" : outcome, "comment", comment == null ? "" : comment));
        UserTaskView done = transition(taskId, DefaultUserTaskLifeCycle.COMPLETE, outputs, user, groups);
        escalations.resolveTask(caseId, t.getTaskName());
        AfterCommit.run(() -> log.info("task {} ({}) of case {} completed by {}: {}", taskId, t.getTaskName(), caseId, user, outcome));
        return view(done);
    }

    private UserTaskView open(String taskId, String user, Collection<String> groups) {
        Optional<UserTaskView> t = userTasks.getUserTaskInstance(taskId, identity(ENGINE, ALL_GROUPS));
        if (t.isEmpty()) {
            boolean done = !audit.entries(new AuditQuery(null, "case:", "task.complete", null, null, null, null, 1000)).stream()
                    .filter(e -> e.details().contains("\"taskId\":\"" + taskId + "\"")).toList().isEmpty();
            if (done) {
                throw WorkflowRefusedException.conflict("task " + taskId + " is already completed");
            }
            throw new NotFoundException("open task", taskId);
        }
        UserTaskView view = t.get();
        boolean mayTake = view.getPotentialGroups() != null && view.getPotentialGroups().stream().anyMatch(groups::contains);
        if (!mayTake && !user.equals(view.getActualOwner())) {
            throw WorkflowRefusedException.forbidden("task " + taskId + " is for " + view.getPotentialGroups() + ", not for you");
        }
        return view;
    }

    private UserTaskView transition(String taskId, String transition, Map<String, Object> data, String user, Collection<String> groups) {
        try {
            return userTasks.transition(taskId, transition, data, identity(user, groups))
                    .orElseThrow(() -> new NotFoundException("open task", taskId));
        } catch (UserTaskInstanceNotAuthorizedException e) {
            throw WorkflowRefusedException.forbidden("you may not " + transition + " task " + taskId);
        } catch (NotFoundException | WorkflowRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).startsWith("Invalid transition")) {
                throw WorkflowRefusedException.conflict("task " + taskId + " cannot be " + transition + "ed in its present state");
            }
            throw e;
        }
    }

    /** Four eyes: who did a step this task checks may neither claim nor complete it. */
    private static void refuseExcluded(UserTaskView t, String taskId, String user) {
        if (excluded(t).contains(user)) {
            throw WorkflowRefusedException.forbidden("you did a step that task " + taskId
                    + " checks; a different person must take it");
        }
    }

    /** The people a task's {@code NotBy} input names (comma-separated; blanks ignored). */
    static Set<String> excluded(UserTaskView t) {
        Object o = t.getInputs() == null ? null : t.getInputs().get("NotBy");
        return o == null ? Set.of() : Arrays.stream(String.valueOf(o).split(",")).map(String::trim)
                .filter(n -> !n.isEmpty() && !"null".equals(n)).collect(Collectors.toUnmodifiableSet());
    }

    static IdentityProvider identity(String user, Collection<String> groups) {
        return IdentityProviders.of(user, groups);
    }

    static long caseIdOf(UserTaskView t) {
        Object id = t.getInputs() == null ? null : t.getInputs().get("CaseId");
        return id == null ? -1 : Long.parseLong(String.valueOf(id));
    }

    static List<String> outcomes(UserTaskView t) {
        Object o = t.getInputs() == null ? null : t.getInputs().get("Outcomes");
        return o == null || String.valueOf(o).isBlank() ? List.of()
                : Arrays.stream(String.valueOf(o).split(",")).map(String::trim).toList();
    }

    static TaskView view(UserTaskView t) {
        Object version = t.getMetadata() == null ? null : t.getMetadata().get("ProcessVersion");
        return new TaskView(t.getId(), t.getTaskName(), caseIdOf(t), t.getStatus() == null ? null : t.getStatus().getName(),
                t.getActualOwner(), t.getPotentialGroups(), outcomes(t), version == null ? null : String.valueOf(version));
    }
}
