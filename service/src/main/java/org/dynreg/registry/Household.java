package org.dynreg.registry;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A registered household: where it lives, how to reach it, and its current roster. */
@Entity
@Table(name = "household")
public class Household {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "household_seq")
    @SequenceGenerator(name = "household_seq", sequenceName = "household_seq", allocationSize = 50)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Province province;
    @Column(length = 80)
    private String district;
    @Column(length = 80)
    private String tehsil;
    @Column(name = "union_council", length = 80)
    private String unionCouncil;
    @Column(length = 500)
    private String address;
    @Column(precision = 9, scale = 6)
    private BigDecimal latitude;
    @Column(precision = 9, scale = 6)
    private BigDecimal longitude;
    @Column(length = 20)
    private String mobile;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "last_surveyed_on")
    private LocalDate lastSurveyedOn;
    @Column(name = "latest_survey_id")
    private Long latestSurveyId;
    @Version
    private int version;
    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("id")
    private List<HouseholdMember> members = new ArrayList<>();

    protected Household() {
    }

    Household(Instant registeredAt) {
        this.registeredAt = registeredAt;
    }

    /** Takes location and contact from the newest survey, and brings the roster in line with it. */
    void applySurvey(Survey s) {
        province = s.location().province();
        district = s.location().district();
        tehsil = s.location().tehsil();
        unionCouncil = s.location().unionCouncil();
        address = s.location().address();
        latitude = s.location().latitude() == null ? null : BigDecimal.valueOf(s.location().latitude());
        longitude = s.location().longitude() == null ? null : BigDecimal.valueOf(s.location().longitude());
        mobile = s.contact() == null ? null : s.contact().mobile();
        lastSurveyedOn = s.startedAt().toLocalDate();
        List<HouseholdMember> kept = new ArrayList<>();
        for (Survey.Member m : s.members()) {
            HouseholdMember existing = members.stream()
                    .filter(x -> x.nationalId().equals(m.nationalId())).findFirst().orElse(null);
            if (existing == null) {
                existing = new HouseholdMember(this, m);
            } else {
                existing.update(m);
            }
            kept.add(existing);
        }
        members.retainAll(kept);
        for (HouseholdMember k : kept) {
            if (!members.contains(k)) {
                members.add(k);
            }
        }
    }

    void surveyed(long surveyId) {
        latestSurveyId = surveyId;
    }

    public Long id() { return id; }
    public Province province() { return province; }
    public String district() { return district; }
    public String tehsil() { return tehsil; }
    public String unionCouncil() { return unionCouncil; }
    public String address() { return address; }
    public BigDecimal latitude() { return latitude; }
    public BigDecimal longitude() { return longitude; }
    public String mobile() { return mobile; }
    public Instant registeredAt() { return registeredAt; }
    public LocalDate lastSurveyedOn() { return lastSurveyedOn; }
    public Long latestSurveyId() { return latestSurveyId; }
    public List<HouseholdMember> members() { return members; }
}
