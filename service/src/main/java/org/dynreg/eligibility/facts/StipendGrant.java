package org.dynreg.eligibility.facts;

/** An education stipend for one school-age child of an eligible household. */
public class StipendGrant {
    private final String program;
    private final int memberLine;
    private final int age;
    private final String condition;

    public StipendGrant(String program, int memberLine, int age, String condition) {
        this.program = program;
        this.memberLine = memberLine;
        this.age = age;
        this.condition = condition;
    }

    public String getProgram() { return program; }
    public int getMemberLine() { return memberLine; }
    public int getAge() { return age; }
    public String getCondition() { return condition; }
}
