package org.dynreg.eligibility.facts;

import org.dynreg.policy.Codes;
import org.dynreg.registry.Gender;
import org.dynreg.registry.MaritalStatus;
import org.dynreg.registry.Relation;

/** One roster member as the tables see it: line number on the survey, age on the survey date, and answers. */
public class MemberFacts {
    private final int line;
    private final int age;
    private final String relation;
    private final String gender;
    private final String maritalStatus;
    private final boolean disabled;
    private final boolean inSchool;

    public MemberFacts(int line, int age, String relation, String gender, String maritalStatus,
                       boolean disabled, boolean inSchool) {
        this.line = line;
        this.age = age;
        this.relation = relation;
        this.gender = gender;
        this.maritalStatus = maritalStatus;
        this.disabled = disabled;
        this.inSchool = inSchool;
    }

    public int getLine() { return line; }
    public int getAge() { return age; }
    @Codes(Relation.class)
    public String getRelation() { return relation; }
    @Codes(Gender.class)
    public String getGender() { return gender; }
    @Codes(MaritalStatus.class)
    public String getMaritalStatus() { return maritalStatus; }
    public boolean isDisabled() { return disabled; }
    public boolean isInSchool() { return inSchool; }
    public boolean isEverMarried() { return !"NEVER_MARRIED".equals(maritalStatus); }
}
