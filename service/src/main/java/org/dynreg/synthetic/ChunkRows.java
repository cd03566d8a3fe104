package org.dynreg.synthetic;

import org.dynreg.database.IdBlocks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The rows of a chunk of drawn households for the five tables a registered household occupies: household,
 * household_member (the current roster), survey (with the survey as a registration centre would have sent
 * it, as its payload), survey_dwelling and survey_assets. Column lists are those of V1__registry.sql.
 */
final class ChunkRows {
    static final String HOUSEHOLD_COLUMNS = "(id, province, district, tehsil, union_council, address, latitude, longitude, "
            + "mobile, registered_at, last_surveyed_on, latest_survey_id, version)";
    static final String MEMBER_COLUMNS = "(id, household_id, national_id, name, relation, gender, date_of_birth, "
            + "marital_status, disability, literate, education_level, in_school, employment, occupation, "
            + "employment_sector, elementary_occupation, chronic_disease)";
    static final String SURVEY_COLUMNS = "(id, household_id, update_type, operator_id, site_id, started_at, submitted_at, "
            + "utc_offset_minutes, received_at, received_by, province, district, tehsil, union_council, address, latitude, "
            + "longitude, mobile, international_travel, monthly_phone_bill_pkr, payload)";
    static final String DWELLING_COLUMNS = "(survey_id, rooms, wall_material, roof_material, drinking_water, toilet, "
            + "electricity, cooking_fuel)";
    static final String ASSETS_COLUMNS = "(survey_id, refrigerator, freezer, television, motorcycle, car, other_vehicle, "
            + "air_conditioner, washing_machine, agricultural_land_acres, cattle, buffalo, goats, sheep)";

    /** Registration centres record Pakistan Standard Time. */
    static final ZoneOffset CENTRE_OFFSET = ZoneOffset.ofHours(5);
    static final String OPERATOR = "SYNTHETIC";
    private static final DateTimeFormatter DATABASE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final Tsv households;
    final Tsv members;
    final Tsv surveys;
    final Tsv dwellings;
    final Tsv assets;
    int memberCount;

    ChunkRows(int households) {
        this.households = new Tsv(households * 160);
        this.members = new Tsv(households * 6 * 150);
        this.surveys = new Tsv(households * 2600);
        this.dwellings = new Tsv(households * 60);
        this.assets = new Tsv(households * 40);
    }

    /**
     * Adds one household. {@code memberIds} supplies the ids of its members in order; {@code zone} is the
     * zone the registry's timestamps are written in (that of the JVM, as the JDBC driver writes them).
     */
    void add(SyntheticHousehold h, long householdId, long surveyId, IdBlocks memberIds, long seed, String receivedBy,
             ZoneId zone) {
        OffsetDateTime started = h.surveyedOn().atTime(10, 0).atOffset(CENTRE_OFFSET)
                .plusMinutes(h.index() % 420);
        OffsetDateTime submitted = started.plusMinutes(25);
        String startedDb = local(started.toInstant(), zone);
        String submittedDb = local(submitted.toInstant(), zone);
        String site = "SEED-" + seed;

        households.number(householdId).text(h.province().name()).text(h.district()).text(h.tehsil())
                .text(h.unionCouncil()).text(h.address()).nul().nul().text(h.mobile()).text(submittedDb)
                .text(h.surveyedOn().toString()).number(surveyId).number(0).endRow();

        for (SyntheticHousehold.Member m : h.members()) {
            members.number(memberIds.next()).number(householdId).text(m.nationalId()).text(m.name())
                    .text(m.relation().name()).text(m.gender().name()).text(m.dateOfBirth().toString())
                    .text(m.maritalStatus().name()).text(m.disability().name()).bool(m.literate())
                    .text(m.educationLevel().name()).bool(m.inSchool()).text(m.employment().name())
                    .text(m.occupation().name()).text(m.sector().name()).bool(m.elementaryOccupation())
                    .text(m.chronicDisease().name()).endRow();
            memberCount++;
        }

        surveys.number(surveyId).number(householdId).text("MISSED_OUT").text(OPERATOR).text(site).text(startedDb)
                .text(submittedDb).number(CENTRE_OFFSET.getTotalSeconds() / 60).text(submittedDb).text(receivedBy)
                .text(h.province().name()).text(h.district()).text(h.tehsil()).text(h.unionCouncil()).text(h.address())
                .nul().nul().text(h.mobile()).bool(h.internationalTravel()).number(h.monthlyPhoneBillPkr())
                .text(SurveyJson.of(h, site, started, submitted)).endRow();
        dwellings.number(surveyId).number(h.rooms()).text(h.wall().name()).text(h.roof().name()).text(h.water().name())
                .text(h.toilet().name()).text(h.electricity().name()).text(h.cookingFuel().name()).endRow();
        assets.number(surveyId).bool(h.refrigerator()).bool(h.freezer()).bool(h.television()).bool(h.motorcycle())
                .bool(h.car()).bool(h.otherVehicle()).bool(h.airConditioner()).bool(h.washingMachine())
                .number(h.landAcres()).number(h.cattle()).number(h.buffalo()).number(h.goats()).number(h.sheep()).endRow();
    }

    private static String local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone).format(DATABASE_TIME);
    }
}
