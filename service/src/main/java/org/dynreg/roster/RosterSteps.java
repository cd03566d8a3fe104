package org.dynreg.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.identity.IdentityAuthority;
import org.dynreg.identity.Verification;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.HouseholdView;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.dynreg.workflow.TypedStep;
import org.dynreg.workflow.TypedStep.None;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.DecisionWords;
import org.dynreg.workflow.Notifications;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The automated steps of processes/rosterUpdate.bpmn. */
final class RosterSteps {
    static final String APPROVE = "APPROVE";
    static final String REJECT = "REJECT";
    static final String SET_ASIDE = "SET_ASIDE";

    private RosterSteps() {
    }


    /** What every step reads: the case and the stored change. */
    record Change(long caseId, long changeId) {}

    /** What the approval and rejection steps read: the change, and who verified and approved it with what. */
    record Review(long caseId, long changeId, String verifiedBy, String verifyComment, String approval, String approvedBy,
                  String approvalComment) {
        Review {
            verifiedBy = text(verifiedBy);
            verifyComment = text(verifyComment);
            approval = text(approval);
            approvedBy = text(approvedBy);
            approvalComment = text(approvalComment);
        }
    }

    /** What the approval check reads: who verified the change by hand and who approved it. */
    record Approving(long caseId, String approval, String approvedBy, String verifiedBy) {
        Approving {
            approval = text(approval);
            approvedBy = text(approvedBy);
            verifiedBy = text(verifiedBy);
        }
    }

    /** What the apply step reads: the change, and whether the Roster changes table rescores it. */
    record ApplyChange(long caseId, long changeId, Boolean rescore) {}

    record Verified(boolean identityVerified) {}

    record ApprovalDecision(String approvalDecision) {}

    static ChangeStore.Stored change(ChangeStore store, long id) {
        return store.byId(id).orElseThrow(() -> new IllegalStateException("roster change " + id + " is not stored"));
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }

    /**
     * Step roster.verify: asks the identity authority about the person the change concerns (the new
     * member, the member named, the head for a contact or address change). Anything but a confirmation,
     * an authority that does not answer included, sends the change to a caseworker.
     */
    @Component
    static class Verify extends TypedStep<Change, Verified> {
        private final ChangeStore store;
        private final Registry registry;
        private final IdentityAuthority authority;
        private final Cases cases;

        Verify(ChangeStore store, Registry registry, IdentityAuthority authority, Cases cases) {
            super("roster.verify", Change.class);
            this.store = store;
            this.registry = registry;
            this.authority = authority;
            this.cases = cases;
        }

        @Override
        protected Verified apply(Change in) {
            long caseId = in.caseId();
            ChangeStore.Stored s = change(store, in.changeId());
            RequestedChange c = s.change();
            JsonNode person = c.member();
            String who = "the new member";
            if (person == null) {
                ArrayNode members = RosterUpdates.latestSurvey(registry, s.householdId()).withArray("members");
                int i = RosterEdit.indexOf(members, c.memberNationalId());
                person = i < 0 ? null : members.get(i);
                who = c.memberLine() != null ? "the member on line " + c.memberLine() : "the head of the household";
            }
            Verification v = person == null
                    ? new Verification(Verification.Status.REJECTED, "the member is no longer on the household's roster")
                    : authority.verify(c.memberNationalId(), person.path("name").asText(), date(person.path("dateOfBirth").asText()));
            cases.record(caseId, RosterUpdates.SYSTEM, "roster.verify", Map.of("who", who, "status", v.status().name(), "reason", v.reason()));
            return new Verified(v.verified());
        }

        private static LocalDate date(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /**
     * Step roster.approval: an approval by whoever verified the change by hand is set aside and the
     * approval asked again. The task refuses its requester itself (NotBy); a task names one such person,
     * and this is the second.
     */
    @Component
    static class Approval extends TypedStep<Approving, ApprovalDecision> {
        private final Cases cases;

        Approval(Cases cases) {
            super("roster.approval", Approving.class);
            this.cases = cases;
        }

        @Override
        protected ApprovalDecision apply(Approving in) {
            if (APPROVE.equals(in.approval()) && in.approvedBy().equals(in.verifiedBy())) {
                cases.record(in.caseId(), RosterUpdates.SYSTEM, "roster.approval-set-aside", Map.of("approvedBy", in.approvedBy(),
                        "reason", "the approver verified this change by hand; a different supervisor must approve it"));
                return new ApprovalDecision(SET_ASIDE);
            }
            return new ApprovalDecision(APPROVE.equals(in.approval()) ? APPROVE : REJECT);
        }
    }

    /**
     * Step roster.apply: the change becomes a ROSTER_UPDATE survey of the household, written into its
     * latest survey as it stands now, and submitted to the registry, which validates it, stores it and
     * decides on it. The household is told and the case closed. A change the registry would now refuse
     * (the roster changed under it) is not applied, and the case says why.
     */
    @Component
    static class Apply extends TypedStep<ApplyChange, None> {
        private final ChangeStore store;
        private final Registry registry;
        private final Eligibility eligibility;
        private final Cases cases;
        private final Notifications notifications;
        private final Clock clock;

        Apply(ChangeStore store, Registry registry, Eligibility eligibility, Cases cases, Notifications notifications, Clock clock) {
            super("roster.apply", ApplyChange.class);
            this.store = store;
            this.registry = registry;
            this.eligibility = eligibility;
            this.cases = cases;
            this.notifications = notifications;
            this.clock = clock;
        }

        @Override
        protected None apply(ApplyChange in) {
            long caseId = in.caseId();
            ChangeStore.Stored s = change(store, in.changeId());
            boolean rescore = !Boolean.FALSE.equals(in.rescore());
            long household = s.householdId();
            HouseholdView view = registry.household(household, false).orElseThrow();
            List<DecisionView> decisions = eligibility.decisionsOf(household);
            DecisionView before = decisions.get(decisions.size() - 1);
            ObjectNode origin = JsonNodeFactory.instance.objectNode().put("caseId", caseId).put("changeId", s.id())
                    .put("kind", s.change().kind().name()).put("changeSha256", s.sha256()).put("basedOnSurveyId", view.latestSurveyId());
            RosterEdit.Edited edited;
            try {
                edited = RosterEdit.edit(registry.payloadOf(view.latestSurveyId()).orElseThrow(), s.change(), household, clock.instant(),
                        !rescore, s.requestedBy(), origin);
            } catch (RosterEdit.NoLongerApplies e) {
                return notApplied(caseId, s, List.of(e.getMessage()));
            }
            List<FieldProblem> problems = registry.check(edited.survey());
            if (!problems.isEmpty()) {
                return notApplied(caseId, s, problems.stream().map(FieldProblem::toString).toList());
            }
            Registration r = registry.submitRosterEdit(edited.survey(), edited.origin(), RosterUpdates.SYSTEM);
            DecisionView after = r.decision();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("surveyId", r.surveyId());
            details.put("basedOnSurveyId", view.latestSurveyId());
            details.put("decisionId", after.id());
            details.put("rescore", rescore);
            details.put("scoreBefore", before.score());
            details.put("scoreAfter", after.score());
            details.put("effect", effect(s.change().kind(), rescore, before, after, view.latestSurveyId(), edited.survey()));
            cases.record(caseId, RosterUpdates.SYSTEM, "roster.apply", details);
            String message = "The change to your household's record (" + s.change().kind().words() + ") has been made. "
                    + (rescore ? "Your household was assessed again. " + DecisionWords.of(before, after)
                    : "It does not change your household's assessment.");
            notifications.notify(household, caseId, "ROSTER_CHANGE_APPLIED", message);
            cases.close(caseId, "APPLIED", "survey " + r.surveyId() + ", decision " + after.id(), RosterUpdates.SYSTEM);
            return None.NONE;
        }

        private static String effect(ChangeKind kind, boolean rescore, DecisionView before, DecisionView after, long basedOn, JsonNode survey) {
            String date = survey.path("startedAt").asText().substring(0, 10);
            if (rescore) {
                return "rescored as on " + date + " (the change, and every member's age on that day): score " + before.score()
                        + " before, " + after.score() + " after";
            }
            String kept = "the Roster changes table does not rescore " + kind.words() + ": the survey keeps the answers and the survey date of survey "
                    + basedOn + ", so the change cannot move the score";
            if (before.score() == after.score()) {
                return kept + "; it stays " + after.score();
            }
            return kept + "; the score is " + after.score() + " instead of " + before.score() + " because the policy in force is version "
                    + after.policyVersion() + ", the earlier decision's was version " + before.policyVersion();
        }

        private None notApplied(long caseId, ChangeStore.Stored s, List<String> problems) {
            cases.record(caseId, RosterUpdates.SYSTEM, "roster.not-applied", Map.of("problems", problems));
            notifications.notify(s.householdId(), caseId, "ROSTER_CHANGE_NOT_APPLIED", "The change to your household's record ("
                    + s.change().kind().words() + ") could not be made: the record changed after you asked. Please ask again.");
            cases.close(caseId, "NOT_APPLIED", "the household's roster changed after the change was requested", RosterUpdates.SYSTEM);
            return None.NONE;
        }
    }

    /** Step roster.reject: a change rejected at verification or approval; the household is told why. */
    @Component
    static class Reject extends TypedStep<Review, None> {
        private final ChangeStore store;
        private final Cases cases;
        private final Notifications notifications;

        Reject(ChangeStore store, Cases cases, Notifications notifications) {
            super("roster.reject", Review.class);
            this.store = store;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected None apply(Review in) {
            long caseId = in.caseId();
            ChangeStore.Stored s = change(store, in.changeId());
            boolean atApproval = REJECT.equals(in.approval());
            String stage = atApproval ? "approval" : "verification";
            String by = atApproval ? in.approvedBy() : in.verifiedBy();
            String comment = atApproval ? in.approvalComment() : in.verifyComment();
            cases.record(caseId, RosterUpdates.SYSTEM, "roster.reject", Map.of("stage", stage, "by", by));
            notifications.notify(s.householdId(), caseId, "ROSTER_CHANGE_REJECTED", ("The change to your household's record ("
                    + s.change().kind().words() + ") was not made. " + comment).strip());
            cases.close(caseId, "REJECTED", ("rejected at " + stage + " by " + by + ". " + comment).strip(), RosterUpdates.SYSTEM);
            return None.NONE;
        }
    }
}
