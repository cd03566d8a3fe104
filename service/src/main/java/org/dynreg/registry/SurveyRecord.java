package org.dynreg.registry;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.ListIndexBase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A submitted survey as stored: never changed (the database refuses updates and deletes). Keeps the
 * payload exactly as received beside the columns the registry queries.
 */
@Entity
@Immutable
@Table(name = "survey")
@SecondaryTable(name = "survey_dwelling", pkJoinColumns = @PrimaryKeyJoinColumn(name = "survey_id"))
@SecondaryTable(name = "survey_assets", pkJoinColumns = @PrimaryKeyJoinColumn(name = "survey_id"))
public class SurveyRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survey_seq")
    @SequenceGenerator(name = "survey_seq", sequenceName = "survey_seq", allocationSize = 50)
    private Long id;
    @Column(name = "household_id")
    private Long householdId;
    @Enumerated(EnumType.STRING)
    @Column(name = "update_type")
    private UpdateType updateType;
    @Column(name = "operator_id", length = 40)
    private String operatorId;
    @Column(name = "site_id", length = 40)
    private String siteId;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "utc_offset_minutes")
    private int utcOffsetMinutes;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "received_by", length = 60)
    private String receivedBy;
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
    @Column(name = "international_travel")
    private Boolean internationalTravel;
    @Column(name = "monthly_phone_bill_pkr")
    private Integer monthlyPhoneBillPkr;
    private String payload;

    @Column(table = "survey_dwelling") private int rooms;
    @Enumerated(EnumType.STRING) @Column(table = "survey_dwelling", name = "wall_material") private WallMaterial wallMaterial;
    @Enumerated(EnumType.STRING) @Column(table = "survey_dwelling", name = "roof_material") private RoofMaterial roofMaterial;
    @Enumerated(EnumType.STRING) @Column(table = "survey_dwelling", name = "drinking_water") private DrinkingWater drinkingWater;
    @Enumerated(EnumType.STRING) @Column(table = "survey_dwelling") private Toilet toilet;
    @Enumerated(EnumType.STRING) @Column(table = "survey_dwelling") private Electricity electricity;
    @Enumerated(EnumType.STRING) @Column(table = "survey_dwelling", name = "cooking_fuel") private CookingFuel cookingFuel;

    @Column(table = "survey_assets") private boolean refrigerator;
    @Column(table = "survey_assets") private boolean freezer;
    @Column(table = "survey_assets") private boolean television;
    @Column(table = "survey_assets") private boolean motorcycle;
    @Column(table = "survey_assets") private boolean car;
    @Column(table = "survey_assets", name = "other_vehicle") private boolean otherVehicle;
    @Column(table = "survey_assets", name = "air_conditioner") private boolean airConditioner;
    @Column(table = "survey_assets", name = "washing_machine") private boolean washingMachine;
    @Column(table = "survey_assets", name = "agricultural_land_acres", precision = 9, scale = 2) private BigDecimal agriculturalLandAcres;
    @Column(table = "survey_assets") private int cattle;
    @Column(table = "survey_assets") private int buffalo;
    @Column(table = "survey_assets") private int goats;
    @Column(table = "survey_assets") private int sheep;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "survey_member", joinColumns = @JoinColumn(name = "survey_id"))
    @OrderColumn(name = "line_no")
    @ListIndexBase(1)
    private List<MemberAnswers> members = new ArrayList<>();

    protected SurveyRecord() {
    }

    SurveyRecord(long householdId, Survey s, String payload, Instant receivedAt, String receivedBy) {
        this.householdId = householdId;
        updateType = s.updateType();
        operatorId = s.operatorId();
        siteId = s.siteId();
        startedAt = s.startedAt().toInstant();
        submittedAt = s.submittedAt().toInstant();
        utcOffsetMinutes = s.startedAt().getOffset().getTotalSeconds() / 60;
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
        province = s.location().province();
        district = s.location().district();
        tehsil = s.location().tehsil();
        unionCouncil = s.location().unionCouncil();
        address = s.location().address();
        latitude = s.location().latitude() == null ? null : BigDecimal.valueOf(s.location().latitude());
        longitude = s.location().longitude() == null ? null : BigDecimal.valueOf(s.location().longitude());
        mobile = s.contact() == null ? null : s.contact().mobile();
        if (s.profile() != null) {
            internationalTravel = s.profile().internationalTravel();
            monthlyPhoneBillPkr = s.profile().monthlyPhoneBillPkr();
        }
        this.payload = payload;
        Survey.Dwelling d = s.dwelling();
        rooms = d.rooms();
        wallMaterial = d.wallMaterial();
        roofMaterial = d.roofMaterial();
        drinkingWater = d.drinkingWater();
        toilet = d.toilet();
        electricity = d.electricity();
        cookingFuel = d.cookingFuel();
        Survey.Assets a = s.assets();
        refrigerator = a.refrigerator();
        freezer = a.freezer();
        television = a.television();
        motorcycle = a.motorcycle();
        car = a.car();
        otherVehicle = a.otherVehicle();
        airConditioner = a.airConditioner();
        washingMachine = a.washingMachine();
        agriculturalLandAcres = BigDecimal.valueOf(a.agriculturalLandAcres() == null ? 0 : a.agriculturalLandAcres());
        if (a.livestock() != null) {
            cattle = orZero(a.livestock().cattle());
            buffalo = orZero(a.livestock().buffalo());
            goats = orZero(a.livestock().goats());
            sheep = orZero(a.livestock().sheep());
        }
        for (Survey.Member m : s.members()) {
            members.add(new MemberAnswers(m));
        }
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    public Long id() { return id; }
    public Long householdId() { return householdId; }
    public UpdateType updateType() { return updateType; }
    public String operatorId() { return operatorId; }
    public String siteId() { return siteId; }
    public Instant startedAt() { return startedAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant receivedAt() { return receivedAt; }
    public String receivedBy() { return receivedBy; }
    public String payload() { return payload; }
    public int memberCount() { return members.size(); }
}
