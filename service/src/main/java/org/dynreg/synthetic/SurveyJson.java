package org.dynreg.synthetic;

import java.time.OffsetDateTime;
import java.util.List;

/** A drawn household as the survey JSON a registration centre sends (docs/survey-format.md). */
public final class SurveyJson {
    private SurveyJson() {
    }

    /** The MISSED_OUT survey of a drawn household, started and submitted at the given times. */
    public static String of(SyntheticHousehold h, String site, OffsetDateTime started, OffsetDateTime submitted) {
        StringBuilder json = new StringBuilder(2400);
        json.append("{\"updateType\":\"MISSED_OUT\",\"startedAt\":\"").append(started)
                .append("\",\"submittedAt\":\"").append(submitted)
                .append("\",\"operatorId\":\"").append(ChunkRows.OPERATOR).append("\",\"siteId\":\"").append(site)
                .append("\",\"location\":{\"province\":\"").append(h.province().name())
                .append("\",\"district\":\"").append(h.district()).append("\",\"tehsil\":\"").append(h.tehsil())
                .append("\",\"unionCouncil\":\"").append(h.unionCouncil()).append("\",\"address\":\"").append(h.address())
                .append("\"},\"contact\":{\"mobile\":\"").append(h.mobile())
                .append("\"},\"dwelling\":{\"rooms\":").append(h.rooms())
                .append(",\"wallMaterial\":\"").append(h.wall().name()).append("\",\"roofMaterial\":\"").append(h.roof().name())
                .append("\",\"drinkingWater\":\"").append(h.water().name()).append("\",\"toilet\":\"").append(h.toilet().name())
                .append("\",\"electricity\":\"").append(h.electricity().name())
                .append("\",\"cookingFuel\":\"").append(h.cookingFuel().name())
                .append("\"},\"assets\":{\"refrigerator\":").append(h.refrigerator()).append(",\"freezer\":").append(h.freezer())
                .append(",\"television\":").append(h.television()).append(",\"motorcycle\":").append(h.motorcycle())
                .append(",\"car\":").append(h.car()).append(",\"otherVehicle\":").append(h.otherVehicle())
                .append(",\"airConditioner\":").append(h.airConditioner()).append(",\"washingMachine\":").append(h.washingMachine())
                .append(",\"agriculturalLandAcres\":").append(h.landAcres())
                .append(",\"livestock\":{\"cattle\":").append(h.cattle()).append(",\"buffalo\":").append(h.buffalo())
                .append(",\"goats\":").append(h.goats()).append(",\"sheep\":").append(h.sheep())
                .append("}},\"profile\":{\"internationalTravel\":").append(h.internationalTravel())
                .append(",\"monthlyPhoneBillPkr\":").append(h.monthlyPhoneBillPkr()).append("},\"members\":[");
        List<SyntheticHousehold.Member> list = h.members();
        for (int i = 0; i < list.size(); i++) {
            SyntheticHousehold.Member m = list.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"nationalId\":\"").append(m.nationalId()).append("\",\"name\":\"").append(m.name())
                    .append("\",\"relation\":\"").append(m.relation().name()).append("\",\"gender\":\"").append(m.gender().name())
                    .append("\",\"dateOfBirth\":\"").append(m.dateOfBirth()).append("\",\"maritalStatus\":\"")
                    .append(m.maritalStatus().name()).append("\",\"disability\":\"").append(m.disability().name())
                    .append("\",\"literate\":").append(m.literate()).append(",\"educationLevel\":\"")
                    .append(m.educationLevel().name()).append("\",\"inSchool\":").append(m.inSchool())
                    .append(",\"employment\":\"").append(m.employment().name()).append("\",\"occupation\":\"")
                    .append(m.occupation().name()).append("\",\"employmentSector\":\"").append(m.sector().name())
                    .append("\",\"elementaryOccupation\":").append(m.elementaryOccupation())
                    .append(",\"chronicDisease\":\"").append(m.chronicDisease().name()).append("\"}");
        }
        return json.append("]}").toString();
    }
}
