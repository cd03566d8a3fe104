package org.dynreg.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * An eligibility decision as evidence: its inputs, the policy version and hash it ran under, the rules
 * that fired, the outputs and the reasons, as JSON documents. Written once; the database refuses any
 * update or delete of this table.
 */
@Entity
@Immutable
@Table(name = "eligibility_decision")
public class EligibilityDecision {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "decision_seq")
    @SequenceGenerator(name = "decision_seq", sequenceName = "decision_seq", allocationSize = 50)
    private Long id;
    @Column(name = "household_id") private long householdId;
    @Column(name = "survey_id") private long surveyId;
    @Column(name = "policy_version") private int policyVersion;
    @Column(name = "policy_sha256") private String policySha256;
    @Column(name = "decided_at") private Instant decidedAt;
    @Column(name = "decided_by") private String decidedBy;
    private int score;
    @Column(name = "cash_transfer_eligible") private boolean cashTransferEligible;
    private String inputs;
    @Column(name = "score_breakdown") private String scoreBreakdown;
    private String likelihoods;
    private String programs;
    @Column(name = "fired_rules") private String firedRules;
    private String reasons;

    protected EligibilityDecision() {
    }

    EligibilityDecision(Eligibility.Decided d, Instant decidedAt, String decidedBy) {
        this.householdId = d.householdId();
        this.surveyId = d.surveyId();
        this.policyVersion = d.policyVersion();
        this.policySha256 = d.policySha256();
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.score = d.score();
        this.cashTransferEligible = d.cashTransferEligible();
        this.inputs = d.inputs();
        this.scoreBreakdown = d.scoreBreakdown();
        this.likelihoods = d.likelihoods();
        this.programs = d.programs();
        this.firedRules = d.firedRules();
        this.reasons = d.reasons();
    }

    public Long id() { return id; }
    public long householdId() { return householdId; }
    public long surveyId() { return surveyId; }
    public int policyVersion() { return policyVersion; }
    public String policySha256() { return policySha256; }
    public Instant decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public int score() { return score; }
    public boolean cashTransferEligible() { return cashTransferEligible; }
    public String inputs() { return inputs; }
    public String scoreBreakdown() { return scoreBreakdown; }
    public String likelihoods() { return likelihoods; }
    public String programs() { return programs; }
    public String firedRules() { return firedRules; }
    public String reasons() { return reasons; }
}
