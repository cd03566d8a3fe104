package org.dynreg.registry;

import org.dynreg.security.Disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A household as the API shows it (docs/personal-data.md). Personal data (names, national ids, dates of birth,
 * phone numbers, addresses, each member's disability and chronic disease) is present only for callers whose
 * role may see it; for others those fields say {@link #REDACTED}, the coordinates are rounded to about a
 * kilometre (or absent), and the household's {@code disabledMembers} and {@code chronicallyIllMembers} counts
 * are what they learn of disability and chronic disease.
 */
public record HouseholdView(long id, String province, String district, String tehsil, String unionCouncil,
                            String address, BigDecimal latitude, BigDecimal longitude, String mobile,
                            Instant registeredAt, LocalDate lastSurveyedOn, Long latestSurveyId,
                            boolean personalDataShown, int disabledMembers, int chronicallyIllMembers,
                            List<MemberView> members) {

    public static final String REDACTED = "[redacted]";

    public record MemberView(int line, String nationalId, String name, String relation, String gender,
                             String dateOfBirth, String maritalStatus, String disability, String educationLevel,
                             boolean inSchool, String occupation, String chronicDisease) {}

    static HouseholdView of(Household h, Disclosure disclosure) {
        boolean personal = disclosure.personalData();
        List<HouseholdMember> ms = h.members();
        List<MemberView> members = new java.util.ArrayList<>();
        int disabled = 0;
        int chronicallyIll = 0;
        for (int i = 0; i < ms.size(); i++) {
            MemberAnswers m = ms.get(i).answers();
            disabled += m.disability() == Disability.NONE ? 0 : 1;
            chronicallyIll += m.chronicDisease() == ChronicDisease.NONE ? 0 : 1;
            members.add(new MemberView(i + 1, personal ? m.nationalId() : REDACTED, personal ? m.name() : REDACTED,
                    m.relation().name(), m.gender().name(), personal ? m.dateOfBirth().toString() : REDACTED,
                    m.maritalStatus().name(), personal ? m.disability().name() : REDACTED, m.educationLevel().name(),
                    m.inSchool(), m.occupation().name(), personal ? m.chronicDisease().name() : REDACTED));
        }
        return new HouseholdView(h.id(), h.province().name(), h.district(), h.tehsil(), h.unionCouncil(),
                personal ? h.address() : REDACTED, disclosure.coordinate(h.latitude()), disclosure.coordinate(h.longitude()),
                personal ? h.mobile() : (h.mobile() == null ? null : REDACTED),
                h.registeredAt(), h.lastSurveyedOn(), h.latestSurveyId(), personal, disabled, chronicallyIll, members);
    }
}
