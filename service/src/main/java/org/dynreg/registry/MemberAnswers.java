package org.dynreg.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/**
 * One person's answers: a member line of a stored survey, and the current roster entry of a
 * household (both tables carry the same columns).
 */
@Embeddable
public class MemberAnswers {
    @Column(name = "national_id", length = 15) private String nationalId;
    @Column(length = 200) private String name;
    @Enumerated(EnumType.STRING) private Relation relation;
    @Enumerated(EnumType.STRING) private Gender gender;
    @Column(name = "date_of_birth") private LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING) @Column(name = "marital_status") private MaritalStatus maritalStatus;
    @Enumerated(EnumType.STRING) private Disability disability;
    private boolean literate;
    @Enumerated(EnumType.STRING) @Column(name = "education_level") private EducationLevel educationLevel;
    @Column(name = "in_school") private boolean inSchool;
    @Enumerated(EnumType.STRING) private Employment employment;
    @Enumerated(EnumType.STRING) private Occupation occupation;
    @Enumerated(EnumType.STRING) @Column(name = "employment_sector") private EmploymentSector employmentSector;
    @Column(name = "elementary_occupation") private boolean elementaryOccupation;
    @Enumerated(EnumType.STRING) @Column(name = "chronic_disease") private ChronicDisease chronicDisease;

    protected MemberAnswers() {
    }

    MemberAnswers(Survey.Member m) {
        nationalId = m.nationalId();
        name = m.name();
        relation = m.relation();
        gender = m.gender();
        dateOfBirth = m.dateOfBirth();
        maritalStatus = m.maritalStatus();
        disability = m.disability();
        literate = Boolean.TRUE.equals(m.literate());
        educationLevel = m.educationLevel();
        inSchool = Boolean.TRUE.equals(m.inSchool());
        employment = m.employment();
        occupation = m.occupation();
        employmentSector = m.employmentSector() == null ? EmploymentSector.NONE : m.employmentSector();
        elementaryOccupation = Boolean.TRUE.equals(m.elementaryOccupation());
        chronicDisease = m.chronicDisease();
    }

    public String nationalId() { return nationalId; }
    public String name() { return name; }
    public Relation relation() { return relation; }
    public Gender gender() { return gender; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public MaritalStatus maritalStatus() { return maritalStatus; }
    public Disability disability() { return disability; }
    public EducationLevel educationLevel() { return educationLevel; }
    public boolean inSchool() { return inSchool; }
    public Occupation occupation() { return occupation; }
    public ChronicDisease chronicDisease() { return chronicDisease; }
}
