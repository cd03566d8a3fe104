package org.dynreg.registry;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A person on a household's current roster; a national id belongs to one household only. */
@Entity
@Table(name = "household_member")
public class HouseholdMember {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "household_id")
    private Household household;
    @Embedded
    private MemberAnswers answers;

    protected HouseholdMember() {
    }

    HouseholdMember(Household household, Survey.Member m) {
        this.household = household;
        this.answers = new MemberAnswers(m);
    }

    /** Takes the answers of the household's newest survey. */
    void update(Survey.Member m) {
        answers = new MemberAnswers(m);
    }

    public Long id() { return id; }
    public String nationalId() { return answers.nationalId(); }
    public MemberAnswers answers() { return answers; }
}
