package org.dynreg.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A household as the API shows it. Personal data (names, national ids, dates of birth, phone numbers,
 * addresses) is present only for callers whose role may see it; for others those fields say
 * {@link #REDACTED}.
 */
public record HouseholdView(long id, String province, String district, String tehsil, String unionCouncil,
                            String address, BigDecimal latitude, BigDecimal longitude, String mobile,
                            Instant registeredAt, LocalDate lastSurveyedOn, Long latestSurveyId,
                            boolean personalDataShown, List<MemberView> members) {

    public static final String REDACTED = "[redacted]";

    public record MemberView(int line, String nationalId, String name, String relation, String gender,
                             String dateOfBirth, String maritalStatus, String disability, String educationLevel,
                             boolean inSchool, String occupation, String chronicDisease) {}

    static HouseholdView of(Household h, boolean personal) {
        List<HouseholdMember> ms = h.members();
        List<MemberView> members = new java.util.ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            MemberAnswers m = ms.get(i).answers();
            members.add(new MemberView(i + 1, personal ? m.nationalId() : REDACTED, personal ? m.name() : REDACTED,
                    m.relation().name(), m.gender().name(), personal ? m.dateOfBirth().toString() : REDACTED,
                    m.maritalStatus().name(), m.disability().name(), m.educationLevel().name(), m.inSchool(),
                    m.occupation().name(), m.chronicDisease().name()));
        }
        return new HouseholdView(h.id(), h.province().name(), h.district(), h.tehsil(), h.unionCouncil(),
                personal ? h.address() : REDACTED, h.latitude(), h.longitude(),
                personal ? h.mobile() : (h.mobile() == null ? null : REDACTED),
                h.registeredAt(), h.lastSurveyedOn(), h.latestSurveyId(), personal, members);
    }
}
