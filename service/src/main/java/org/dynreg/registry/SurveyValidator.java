package org.dynreg.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.dynreg.api.ColumnLimit;
import org.dynreg.api.FreeText;
import org.dynreg.places.District;
import org.dynreg.places.Places;
import org.dynreg.places.Spelling;
import org.dynreg.places.UnknownPlaceException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a submitted survey as a raw JSON tree, before it is bound to {@link Survey}, so that every
 * problem is reported at once with the place it was found. The format is described in
 * docs/survey-format.md and docs/schema/survey.schema.json.
 *
 * <p>A field the format does not define is refused, in every object, so that nothing is stored that the format
 * does not describe. Text, numbers and times are checked against the columns they are stored in
 * ({@link ColumnLimit}, read from the entities) and free text against {@link FreeText}. A field that is
 * explicitly {@code null} counts as left out. Messages never repeat names, national ids, phone numbers,
 * addresses or dates of birth.
 */
public final class SurveyValidator {

    public static final int MAX_MEMBERS = 30;
    public static final int MAX_AGE_YEARS = 120;
    /** Youngest age at which a member can be a spouse or have ever been married. */
    public static final int MIN_AGE_EVER_MARRIED = 10;
    /** How far in the future submittedAt may lie, to allow for tablet clocks that run fast. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
    public static final double MIN_LATITUDE = 23.0;
    public static final double MAX_LATITUDE = 37.5;
    public static final double MIN_LONGITUDE = 60.0;
    public static final double MAX_LONGITUDE = 78.0;

    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{5}-\\d{7}-\\d|\\d{13}");
    private static final Pattern MOBILE = Pattern.compile("03\\d{9}|\\+923\\d{9}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_ECHO = 30;
    private static final Places PLACES = Places.pakistan();

    private static final ColumnLimit OPERATOR_ID = ColumnLimit.of(SurveyRecord.class, "operatorId");
    private static final ColumnLimit SITE_ID = ColumnLimit.of(SurveyRecord.class, "siteId");
    private static final ColumnLimit DISTRICT = ColumnLimit.of(SurveyRecord.class, "district");
    private static final ColumnLimit TEHSIL = ColumnLimit.of(SurveyRecord.class, "tehsil");
    private static final ColumnLimit UNION_COUNCIL = ColumnLimit.of(SurveyRecord.class, "unionCouncil");
    private static final ColumnLimit ADDRESS = ColumnLimit.of(SurveyRecord.class, "address");
    private static final ColumnLimit LAND = ColumnLimit.of(SurveyRecord.class, "agriculturalLandAcres");
    private static final ColumnLimit NAME = ColumnLimit.of(MemberAnswers.class, "name");
    /** The limit of every field stored in a limited column, by path ({@code members[].name} for each member's). */
    static final Map<String, ColumnLimit> LIMITS = Map.of("operatorId", OPERATOR_ID, "siteId", SITE_ID,
            "location.district", DISTRICT, "location.tehsil", TEHSIL, "location.unionCouncil", UNION_COUNCIL,
            "location.address", ADDRESS, "assets.agriculturalLandAcres", LAND, "members[].name", NAME);

    /** The fields of each object of the format: the components of the record it is read into. */
    private static final Set<String> TOP_LEVEL_FIELDS = fieldsOf(Survey.class);
    private static final Set<String> LOCATION_FIELDS = fieldsOf(Survey.Location.class);
    private static final Set<String> CONTACT_FIELDS = fieldsOf(Survey.Contact.class);
    private static final Set<String> DWELLING_FIELDS = fieldsOf(Survey.Dwelling.class);
    private static final Set<String> ASSET_FIELDS = fieldsOf(Survey.Assets.class);
    private static final Set<String> LIVESTOCK_FIELDS = fieldsOf(Survey.Livestock.class);
    private static final Set<String> PROFILE_FIELDS = fieldsOf(Survey.Profile.class);
    private static final Set<String> MEMBER_FIELDS = fieldsOf(Survey.Member.class);

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // keep the offset the tablet recorded: the survey date is the local date of startedAt
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private final Clock clock;

    public SurveyValidator(Clock clock) {
        this.clock = clock;
    }

    public SurveyValidator() {
        this(Clock.systemUTC());
    }

    /** Every problem in the survey, in the order of the fields; empty when the survey is valid. */
    public List<FieldProblem> validate(JsonNode survey) {
        Run run = new Run();
        run.survey(survey);
        return List.copyOf(run.problems);
    }

    /**
     * Validates the survey and binds it to {@link Survey}, with national ids in the dashed form, district and
     * tehsil named as the reference list of administrative units names them, and
     * a missing employment sector set to {@link EmploymentSector#NONE}.
     *
     * @throws InvalidSurveyException with every problem when the survey is not valid
     */
    public Survey bind(JsonNode survey) {
        List<FieldProblem> problems = validate(survey);
        if (!problems.isEmpty()) {
            throw new InvalidSurveyException(problems);
        }
        Survey s;
        try {
            s = JSON.treeToValue(survey, Survey.class);
        } catch (JsonProcessingException e) {
            // the checks above should make this impossible; report it without echoing the input
            throw new InvalidSurveyException(List.of(new FieldProblem("$", "the survey could not be read")));
        }
        List<Survey.Member> members = s.members().stream().map(m -> new Survey.Member(
                canonicalNationalId(m.nationalId()), m.name(), m.relation(), m.gender(), m.dateOfBirth(),
                m.maritalStatus(), m.disability(), m.literate(), m.educationLevel(), m.inSchool(), m.employment(),
                m.occupation(), m.employmentSector() == null ? EmploymentSector.NONE : m.employmentSector(),
                m.elementaryOccupation(), m.chronicDisease())).toList();
        return new Survey(s.updateType(), s.householdId(), s.startedAt(), s.submittedAt(), s.operatorId(),
                s.siteId(), listed(s.location()), s.contact(), s.dwelling(), s.assets(), s.profile(), members);
    }

    /** The location with its district and tehsil written as the reference list writes them (an alias or other casing given). */
    private static Survey.Location listed(Survey.Location l) {
        District district = PLACES.requireDistrict(l.province(), l.district());
        return new Survey.Location(l.province(), district.name(), PLACES.requireTehsil(district, l.tehsil()).name(),
                l.unionCouncil(), l.address(), l.latitude(), l.longitude());
    }

    /** True for 13 digits written {@code 12345-1234567-1} or as 13 plain digits. */
    public static boolean isNationalId(String id) {
        return id != null && NATIONAL_ID.matcher(id).matches();
    }

    /**
     * The dashed form {@code 12345-1234567-1} of a national id written either dashed or as 13 plain digits.
     *
     * @throws IllegalArgumentException if the id is neither
     */
    public static String canonicalNationalId(String id) {
        if (!isNationalId(id)) {
            throw new IllegalArgumentException("not a national id (13 digits, written 12345-1234567-1)");
        }
        String digits = id.replace("-", "");
        return digits.substring(0, 5) + "-" + digits.substring(5, 12) + "-" + digits.substring(12);
    }

    /** One validation: collects problems while walking the tree. */
    private final class Run {

        final List<FieldProblem> problems = new ArrayList<>();

        void problem(String path, String message) {
            problems.add(new FieldProblem(path, message));
        }

        boolean reported(String path) {
            return problems.stream().anyMatch(p -> p.path().equals(path));
        }

        void survey(JsonNode root) {
            if (root == null || !root.isObject()) {
                problem("$", "the survey must be a JSON object with the household's answers");
                return;
            }
            UpdateType updateType = requiredEnum(root, "", "updateType", UpdateType.class);
            householdId(root, updateType);
            OffsetDateTime startedAt = timestamp(root, "startedAt");
            OffsetDateTime submittedAt = timestamp(root, "submittedAt");
            if (startedAt != null && submittedAt != null && startedAt.isAfter(submittedAt)) {
                problem("startedAt", "is after submittedAt; an interview cannot start after it was submitted");
            }
            if (submittedAt != null && submittedAt.toInstant().isAfter(clock.instant().plus(MAX_CLOCK_AHEAD))) {
                problem("submittedAt", "is more than " + MAX_CLOCK_AHEAD.toMinutes()
                        + " minutes in the future; check the date and time on the tablet");
            }
            timeStored("startedAt", startedAt);
            timeStored("submittedAt", submittedAt);
            requiredText(root, "", "operatorId", OPERATOR_ID);
            requiredText(root, "", "siteId", SITE_ID);
            location(root);
            contact(root);
            dwelling(root);
            assets(root);
            profile(root);
            members(root, startedAt == null ? null : startedAt.toLocalDate());
            unknownFields(root, "", TOP_LEVEL_FIELDS);
        }

        void timeStored(String path, OffsetDateTime time) {
            report(path, time == null || reported(path) ? null : ColumnLimit.problem(time.toInstant()));
        }

        void householdId(JsonNode root, UpdateType updateType) {
            JsonNode id = value(root, "householdId");
            if (updateType == UpdateType.MISSED_OUT) {
                if (id != null) {
                    problem("householdId", "must be left out for a MISSED_OUT survey; "
                            + "a household surveyed for the first time gets its id from the registry");
                }
                return;
            }
            if (updateType == null && id == null) {
                return; // without a readable update type it is unknown whether the id is needed
            }
            String hint = updateType == null ? "" : " for a " + updateType + " survey";
            integer(root, "", "householdId", updateType != null, 1, Long.MAX_VALUE,
                    "must be the household's registry id, a whole number above 0" + hint);
        }

        void location(JsonNode root) {
            JsonNode loc = object(root, "", "location", true, "must be an object with the household's location");
            if (loc == null) {
                return;
            }
            Province province = requiredEnum(loc, "location", "province", Province.class);
            requiredText(loc, "location", "district", DISTRICT);
            requiredText(loc, "location", "tehsil", TEHSIL);
            requiredText(loc, "location", "unionCouncil", UNION_COUNCIL);
            requiredText(loc, "location", "address", ADDRESS);
            place(loc, province);
            Double lat = number(loc, "location", "latitude", false);
            if (lat != null && (lat < MIN_LATITUDE || lat > MAX_LATITUDE)) {
                problem("location.latitude", "is outside Pakistan; it must be between "
                        + plain(MIN_LATITUDE) + " and " + plain(MAX_LATITUDE));
            }
            Double lon = number(loc, "location", "longitude", false);
            if (lon != null && (lon < MIN_LONGITUDE || lon > MAX_LONGITUDE)) {
                problem("location.longitude", "is outside Pakistan; it must be between "
                        + plain(MIN_LONGITUDE) + " and " + plain(MAX_LONGITUDE));
            }
            unknownFields(loc, "location", LOCATION_FIELDS);
        }

        /**
         * The district is one of the province's and the tehsil one of the district's in the reference list of
         * administrative units; the union council has the shape of a name or number (no list of them is shipped).
         */
        void place(JsonNode loc, Province province) {
            String district = checkedText(loc, "location.district", "district");
            District known = null;
            if (province != null && district != null) {
                try {
                    known = PLACES.requireDistrict(province, district);
                } catch (UnknownPlaceException e) {
                    problem("location.district", e.getMessage());
                }
            }
            String tehsil = checkedText(loc, "location.tehsil", "tehsil");
            if (known != null && tehsil != null) {
                try {
                    PLACES.requireTehsil(known, tehsil);
                } catch (UnknownPlaceException e) {
                    problem("location.tehsil", e.getMessage());
                }
            }
            String unionCouncil = checkedText(loc, "location.unionCouncil", "unionCouncil");
            if (unionCouncil != null) {
                report("location.unionCouncil", PLACES.unionCouncilProblem(unionCouncil).orElse(null));
            }
        }

        /** The field's text when it was given as text and passed its own checks, else null. */
        String checkedText(JsonNode obj, String path, String name) {
            JsonNode v = value(obj, name);
            return v == null || !v.isTextual() || reported(path) ? null : v.textValue();
        }

        void contact(JsonNode root) {
            JsonNode contact = object(root, "", "contact", false, "must be an object with the household's contact");
            if (contact == null) {
                return;
            }
            unknownFields(contact, "contact", CONTACT_FIELDS);
            JsonNode mobile = value(contact, "mobile");
            if (mobile == null) {
                return;
            }
            if (!mobile.isTextual() || !MOBILE.matcher(mobile.textValue()).matches()) {
                problem("contact.mobile",
                        "must be a Pakistani mobile number, written 03001234567 (11 digits) or +923001234567");
            }
        }

        void dwelling(JsonNode root) {
            JsonNode d = object(root, "", "dwelling", true, "must be an object with the answers about the dwelling");
            if (d == null) {
                return;
            }
            integer(d, "dwelling", "rooms", true, 1, Integer.MAX_VALUE, "must be a whole number of rooms, at least 1");
            requiredEnum(d, "dwelling", "wallMaterial", WallMaterial.class);
            requiredEnum(d, "dwelling", "roofMaterial", RoofMaterial.class);
            requiredEnum(d, "dwelling", "drinkingWater", DrinkingWater.class);
            requiredEnum(d, "dwelling", "toilet", Toilet.class);
            requiredEnum(d, "dwelling", "electricity", Electricity.class);
            requiredEnum(d, "dwelling", "cookingFuel", CookingFuel.class);
            unknownFields(d, "dwelling", DWELLING_FIELDS);
        }

        void assets(JsonNode root) {
            JsonNode a = object(root, "", "assets", true, "must be an object with the answers about assets");
            if (a == null) {
                return;
            }
            for (String name : List.of("refrigerator", "freezer", "television", "motorcycle", "car", "otherVehicle",
                    "airConditioner", "washingMachine")) {
                bool(a, "assets", name, true);
            }
            Double acres = number(a, "assets", "agriculturalLandAcres", true);
            if (acres != null && acres < 0) {
                problem("assets.agriculturalLandAcres", "must not be negative; write 0 for no land");
            } else if (acres != null) {
                report("assets.agriculturalLandAcres", LAND.problem(BigDecimal.valueOf(acres)));
            }
            JsonNode livestock = object(a, "assets", "livestock", false, "must be an object with animal counts");
            if (livestock != null) {
                for (String animal : List.of("cattle", "buffalo", "goats", "sheep")) {
                    integer(livestock, "assets.livestock", animal, false, 0, Integer.MAX_VALUE,
                            "must be a whole number of animals, 0 or more");
                }
                unknownFields(livestock, "assets.livestock", LIVESTOCK_FIELDS);
            }
            unknownFields(a, "assets", ASSET_FIELDS);
        }

        void profile(JsonNode root) {
            JsonNode p = object(root, "", "profile", false, "must be an object with the profile answers");
            if (p == null) {
                return;
            }
            bool(p, "profile", "internationalTravel", false);
            integer(p, "profile", "monthlyPhoneBillPkr", false, 0, Integer.MAX_VALUE,
                    "must be a whole number of rupees, 0 or more");
            unknownFields(p, "profile", PROFILE_FIELDS);
        }

        void members(JsonNode root, LocalDate surveyDate) {
            JsonNode members = value(root, "members");
            if (members == null) {
                problem("members", missing(root, "members", "is required: the list of the household's members"));
                return;
            }
            if (!members.isArray()) {
                problem("members", "must be a list of the household's members");
                return;
            }
            if (members.isEmpty()) {
                problem("members", "must list at least one member, the head of the household");
                return;
            }
            if (members.size() > MAX_MEMBERS) {
                problem("members", "lists " + members.size() + " members; a survey can list at most " + MAX_MEMBERS);
            }
            List<Integer> heads = new ArrayList<>();
            boolean unreadableRelation = false;
            Map<String, Integer> firstWithId = new LinkedHashMap<>();
            for (int i = 0; i < members.size(); i++) {
                String path = "members[" + i + "]";
                JsonNode m = members.get(i);
                if (m == null || !m.isObject()) {
                    problem(path, "must be an object with the member's answers");
                    unreadableRelation = true;
                    continue;
                }
                String id = nationalId(m, path);
                if (id != null) {
                    Integer first = firstWithId.putIfAbsent(id, i);
                    if (first != null) {
                        problem(path + ".nationalId", "is the same national id as members[" + first
                                + "]; a person can be listed only once");
                    }
                }
                requiredText(m, path, "name", NAME);
                Relation relation = requiredEnum(m, path, "relation", Relation.class);
                if (relation == null) {
                    unreadableRelation = true;
                } else if (relation == Relation.HEAD) {
                    heads.add(i);
                }
                requiredEnum(m, path, "gender", Gender.class);
                LocalDate born = date(m, path, "dateOfBirth");
                MaritalStatus marital = requiredEnum(m, path, "maritalStatus", MaritalStatus.class);
                requiredEnum(m, path, "disability", Disability.class);
                bool(m, path, "literate", true);
                requiredEnum(m, path, "educationLevel", EducationLevel.class);
                bool(m, path, "inSchool", true);
                requiredEnum(m, path, "employment", Employment.class);
                requiredEnum(m, path, "occupation", Occupation.class);
                optionalEnum(m, path, "employmentSector", EmploymentSector.class);
                bool(m, path, "elementaryOccupation", true);
                requiredEnum(m, path, "chronicDisease", ChronicDisease.class);
                if (born != null && surveyDate != null) {
                    age(path, born, surveyDate, relation, marital);
                }
                unknownFields(m, path, MEMBER_FIELDS);
            }
            if (heads.size() > 1) {
                problem("members", "has " + heads.size() + " members with relation HEAD ("
                        + heads.stream().map(i -> "members[" + i + "]").collect(Collectors.joining(", "))
                        + "); a household has exactly one head");
            } else if (heads.isEmpty() && !unreadableRelation) {
                problem("members", "has no member with relation HEAD; a household has exactly one head");
            }
        }

        void age(String path, LocalDate born, LocalDate surveyDate, Relation relation, MaritalStatus marital) {
            String at = path + ".dateOfBirth";
            if (born.isAfter(surveyDate)) {
                problem(at, "is after the survey date");
                return;
            }
            if (born.isBefore(surveyDate.minusYears(MAX_AGE_YEARS))) {
                problem(at, "gives an age over " + MAX_AGE_YEARS + " years on the survey date");
                return;
            }
            int age = Period.between(born, surveyDate).getYears();
            if (age >= MIN_AGE_EVER_MARRIED) {
                return;
            }
            boolean spouse = relation == Relation.SPOUSE;
            boolean everMarried = marital != null && marital != MaritalStatus.NEVER_MARRIED;
            if (spouse || everMarried) {
                String who = spouse ? "a spouse" : "someone " + marital.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                String check = spouse && everMarried ? "the relation and the marital status"
                        : spouse ? "the relation" : "the marital status";
                problem(at, "gives an age of " + age + " on the survey date, too young for " + who
                        + " (at least " + MIN_AGE_EVER_MARRIED + "); check the date of birth and " + check);
            }
        }

        /** The member's national id in the dashed form, or null when it is missing or malformed (reported). */
        String nationalId(JsonNode m, String path) {
            JsonNode id = value(m, "nationalId");
            if (id == null) {
                problem(path + ".nationalId", missing(m, "nationalId", "is required"));
                return null;
            }
            if (!id.isTextual() || !isNationalId(id.textValue())) {
                problem(path + ".nationalId", "must be 13 digits, written 12345-1234567-1");
                return null;
            }
            return canonicalNationalId(id.textValue());
        }

        OffsetDateTime timestamp(JsonNode obj, String name) {
            JsonNode v = value(obj, name);
            if (v == null) {
                problem(name, missing(obj, name, "is required"));
                return null;
            }
            String format = "must be a date and time with its UTC offset, written like 2026-11-20T09:41:00+05:00";
            if (!v.isTextual()) {
                problem(name, format);
                return null;
            }
            try {
                return OffsetDateTime.parse(v.textValue());
            } catch (DateTimeParseException e) {
                if (parsesAsLocal(v.textValue())) {
                    problem(name, "has no UTC offset; " + format);
                } else {
                    problem(name, "'" + echo(v.textValue()) + "' is not a real date and time; " + format);
                }
                return null;
            }
        }

        private boolean parsesAsLocal(String text) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        /** A required calendar date; the value is not repeated in messages (it may be a date of birth). */
        LocalDate date(JsonNode obj, String parent, String name) {
            String path = join(parent, name);
            JsonNode v = value(obj, name);
            if (v == null) {
                problem(path, missing(obj, name, "is required"));
                return null;
            }
            if (!v.isTextual() || !DATE.matcher(v.textValue()).matches()) {
                problem(path, "must be a date written yyyy-MM-dd, like 1986-03-02");
                return null;
            }
            try {
                return LocalDate.parse(v.textValue());
            } catch (DateTimeParseException e) {
                problem(path, "is not a real calendar date; that day does not exist in that month");
                return null;
            }
        }

        <E extends Enum<E>> E requiredEnum(JsonNode obj, String parent, String name, Class<E> type) {
            return enumValue(obj, parent, name, type, true);
        }

        <E extends Enum<E>> E optionalEnum(JsonNode obj, String parent, String name, Class<E> type) {
            return enumValue(obj, parent, name, type, false);
        }

        private <E extends Enum<E>> E enumValue(JsonNode obj, String parent, String name, Class<E> type,
                                                boolean required) {
            String path = join(parent, name);
            JsonNode v = value(obj, name);
            String accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (v == null) {
                if (required) {
                    problem(path, missing(obj, name, "is required: one of " + accepted));
                }
                return null;
            }
            if (!v.isTextual()) {
                problem(path, "must be one of " + accepted);
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v.textValue())) {
                    return e;
                }
            }
            problem(path, "'" + echo(v.textValue()) + "' is not one of " + accepted);
            return null;
        }

        /** Required text that fits its column and is plain text ({@link FreeText}). */
        void requiredText(JsonNode obj, String parent, String name, ColumnLimit limit) {
            String path = join(parent, name);
            JsonNode v = value(obj, name);
            if (v == null) {
                problem(path, missing(obj, name, "is required"));
            } else if (!v.isTextual()) {
                problem(path, "must be text");
            } else if (v.textValue().isBlank()) {
                problem(path, "must not be empty");
            } else {
                String tooLong = limit.problem(v.textValue());
                report(path, tooLong != null ? tooLong : FreeText.problem(v.textValue()));
            }
        }

        /** Records {@code problem} at {@code path} when there is one (a check answered null when all was well). */
        void report(String path, String problem) {
            if (problem != null) {
                problem(path, problem);
            }
        }

        void bool(JsonNode obj, String parent, String name, boolean required) {
            String path = join(parent, name);
            JsonNode v = value(obj, name);
            if (v == null) {
                if (required) {
                    problem(path, missing(obj, name, "is required: true or false"));
                }
            } else if (!v.isBoolean()) {
                problem(path, "must be true or false");
            }
        }

        Double number(JsonNode obj, String parent, String name, boolean required) {
            String path = join(parent, name);
            JsonNode v = value(obj, name);
            if (v == null) {
                if (required) {
                    problem(path, missing(obj, name, "is required: a number"));
                }
                return null;
            }
            if (!v.isNumber()) {
                problem(path, "must be a number");
                return null;
            }
            if (!Double.isFinite(v.doubleValue())) {
                problem(path, "is too large a number");
                return null;
            }
            return v.doubleValue();
        }

        /** A whole number within [min, max]; a JSON number like 2.0 counts as whole. */
        void integer(JsonNode obj, String parent, String name, boolean required, long min, long max, String rule) {
            String path = join(parent, name);
            JsonNode v = value(obj, name);
            if (v == null) {
                if (required) {
                    problem(path, missing(obj, name, "is required; it " + rule));
                }
                return;
            }
            if (!v.isNumber()) {
                problem(path, rule);
                return;
            }
            BigDecimal d = v.decimalValue();
            if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0
                    || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                problem(path, rule);
            }
        }

        JsonNode object(JsonNode obj, String parent, String name, boolean required, String rule) {
            String path = join(parent, name);
            JsonNode v = value(obj, name);
            if (v == null) {
                if (required) {
                    problem(path, missing(obj, name, "is required; it " + rule));
                }
                return null;
            }
            if (!v.isObject()) {
                problem(path, rule);
                return null;
            }
            return v;
        }

        /**
         * A field the format does not define for this object is refused, naming a defined field it looks like a
         * misspelling of; a misspelt required field is reported as missing as well, with the same hint.
         */
        void unknownFields(JsonNode obj, String parent, Set<String> defined) {
            Iterator<String> names = obj.fieldNames();
            while (names.hasNext()) {
                String given = names.next();
                if (defined.contains(given)) {
                    continue;
                }
                String like = defined.stream().filter(known -> looksLike(given, known)).findFirst().orElse(null);
                String hint = "'" + echo(given) + "' was given instead";
                if (like != null && problems.stream().anyMatch(p -> p.path().equals(join(parent, like)) && p.message().contains(hint))) {
                    continue; // already reported as the missing field it misspells
                }
                problem(join(parent, echo(given)), "is not a field of the survey format"
                        + (like == null ? "" : "; did you mean '" + like + "'?"));
            }
        }
    }

    private static Set<String> fieldsOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toUnmodifiableSet());
    }

    /** The field's value, or null when it is absent or explicitly null. */
    private static JsonNode value(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** The message for a missing field, naming a present field that looks like its misspelling. */
    private static String missing(JsonNode obj, String name, String message) {
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String given = names.next();
            if (!given.equals(name) && looksLike(given, name) && obj.get(given) != null && !obj.get(given).isNull()) {
                return message + " ('" + echo(given) + "' was given instead; check the spelling)";
            }
        }
        return message;
    }

    /** Whether a field name looks like a misspelling of another: same letters ignoring case, or one or two typos. */
    static boolean looksLike(String given, String known) {
        String a = normalise(given);
        String b = normalise(known);
        if (a.equals(b)) {
            return true;
        }
        int allowed = b.length() >= 8 ? 2 : b.length() >= 4 ? 1 : 0;
        return Math.abs(a.length() - b.length()) <= allowed && Spelling.distance(a, b) <= allowed;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** A value repeated in a message, cut short so a wrongly placed free text is not copied whole. */
    private static String echo(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
