package org.dynreg.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dynreg.registry.SurveyValidatorTest.JSON;
import static org.dynreg.registry.SurveyValidatorTest.example;
import static org.dynreg.registry.SurveyValidatorTest.member;
import static org.dynreg.registry.SurveyValidatorTest.obj;

/** docs/schema/survey.schema.json: it accepts the shared example, rejects faults, and matches the Java model. */
class SurveySchemaTest {

    static JsonNode schemaNode;
    static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        Path file = Stream.of(Path.of("..", "docs", "schema", "survey.schema.json"),
                        Path.of("docs", "schema", "survey.schema.json"))
                .filter(Files::isRegularFile).findFirst().orElseThrow();
        schemaNode = JSON.readTree(file.toFile());
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
    }

    /** Where the schema finds faults, as JSON pointers ("" is the whole survey). */
    static Set<String> locations(JsonNode survey) {
        return schema.validate(survey).stream().map(m -> m.getInstanceLocation().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // --- validation with the schema ---

    @Test
    void theSharedExampleIsValid() {
        Set<ValidationMessage> messages = schema.validate(example());
        assertThat(messages).isEmpty();
    }

    @Test
    void anUnknownEnumValueAndAMissingRequiredFieldFail() {
        ObjectNode s = example();
        member(s, 1).put("gender", "F");
        obj(s, "location").remove("district");

        Set<ValidationMessage> messages = schema.validate(s);

        assertThat(messages).isNotEmpty();
        assertThat(locations(s)).containsExactly("/location", "/members/1/gender");
        assertThat(messages).extracting(ValidationMessage::getMessage)
                .anySatisfy(m -> assertThat(m).contains("required property 'district'"))
                .anySatisfy(m -> assertThat(m).contains("enumeration").contains("TRANSGENDER"));
    }

    @Test
    void otherFaultsFailToo() {
        ObjectNode s = example();
        s.put("householdId", 17);                                   // not for MISSED_OUT
        member(s, 0).put("nationalId", "35202-123456-1");
        member(s, 2).put("relation", "HEAD");                       // a second head
        member(s, 4).put("dateOfBirth", "2023-02-30");
        obj(s, "contact").put("mobile", "0300-1234567");
        obj(s, "dwelling").put("rooms", 0);
        s.put("startedAt", "2026-11-20T09:41:00");                  // no offset
        assertThat(locations(s)).containsExactly("/contact/mobile", "/dwelling/rooms", "/householdId", "/members",
                "/members/0/nationalId", "/members/4/dateOfBirth", "/startedAt");

        s = example();
        s.put("updateType", "APPEAL");
        assertThat(locations(s)).containsExactly("");
        s.put("householdId", 17);
        assertThat(schema.validate(s)).isEmpty();
    }

    @Test
    void unknownFieldsAreRefusedInEveryObjectAsByTheValidator() {
        ObjectNode s = example();
        s.put("tabletBattery", 80);
        obj(s, "dwelling").put("floorMaterial", "CEMENT");
        member(s, 0).put("favouriteColour", "blue");
        assertThat(locations(s)).containsExactly("", "/dwelling", "/members/0");
    }

    @Test
    void theLimitsOfTheSchemaAndOfTheGuideAreTheValidators() throws IOException {
        Path guide = Stream.of(Path.of("..", "docs", "survey-format.md"), Path.of("docs", "survey-format.md"))
                .filter(Files::isRegularFile).findFirst().orElseThrow();
        String limits = Files.readString(guide).split("## Limits")[1].split("\n## ")[0];
        SurveyValidator.LIMITS.forEach((path, limit) -> {
            JsonNode field = path.startsWith("members[].")
                    ? schemaNode.at("/$defs/Member/properties/" + path.substring("members[].".length()))
                    : schemaNode.at("/properties/" + path.replace(".", "/properties/"));
            if (limit.precision() > 0) {
                assertThat(field.get("maximum").decimalValue()).as(path).isEqualByComparingTo(limit.max());
                assertThat(limits).contains("| `" + path + "` | at most " + limit.max().toPlainString());
            } else {
                assertThat(field.get("maxLength").asInt()).as(path).isEqualTo(limit.length());
                assertThat(limits).contains("| `" + path + "` | at most " + limit.length() + " characters |");
            }
        });
        assertThat(limits.lines().filter(l -> l.startsWith("| `"))).hasSize(SurveyValidator.LIMITS.size());
    }

    @Test
    void theOptionalFieldsAreAccepted() {
        ObjectNode s = example();
        member(s, 0).put("employmentSector", "PRIVATE");
        member(s, 1).putNull("employmentSector");
        member(s, 2).put("nationalId", "3520211111113");
        s.remove("contact");
        obj(s, "location").remove(List.of("latitude", "longitude"));
        obj(s, "assets").remove("livestock");
        s.putObject("profile").put("internationalTravel", false).put("monthlyPhoneBillPkr", 900);
        obj(s, "dwelling").put("rooms", 3.0);                        // a whole number, as for the validator
        assertThat(schema.validate(s)).isEmpty();
    }

    // --- the schema and the Java model cannot drift apart ---

    @Test
    void everyJavaEnumIsInTheSchemaWithTheSameConstants() throws Exception {
        List<Class<? extends Enum<?>>> enums = registryEnums();
        assertThat(enums).hasSizeGreaterThanOrEqualTo(17);
        for (Class<? extends Enum<?>> type : enums) {
            JsonNode def = schemaNode.at("/$defs/" + type.getSimpleName() + "/enum");
            assertThat(def.isArray()).as("$defs/%s/enum in the schema", type.getSimpleName()).isTrue();
            List<String> inSchema = StreamSupport.stream(def.spliterator(), false).map(JsonNode::asText).toList();
            List<String> inJava = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            assertThat(inSchema).as("constants of %s", type.getSimpleName()).isEqualTo(inJava);
        }
        List<String> enumDefs = new ArrayList<>();
        schemaNode.get("$defs").fields().forEachRemaining(e -> {
            if (e.getValue().has("enum")) {
                enumDefs.add(e.getKey());
            }
        });
        assertThat(enumDefs).as("enumerations in the schema without a Java enum")
                .containsExactlyInAnyOrderElementsOf(enums.stream().map(Class::getSimpleName).toList());
    }

    @Test
    void theUpdateTypesThatNeedAHouseholdIdAreAllButMissedOut() {
        List<String> needingId = StreamSupport.stream(
                schemaNode.at("/allOf/1/if/properties/updateType/enum").spliterator(), false).map(JsonNode::asText).toList();
        assertThat(schemaNode.at("/allOf/0/if/properties/updateType/const").asText()).isEqualTo("MISSED_OUT");
        assertThat(needingId).isEqualTo(Arrays.stream(UpdateType.values()).filter(t -> t != UpdateType.MISSED_OUT)
                .map(Enum::name).toList());
    }

    @Test
    void everyFieldOfTheSurveyRecordIsInTheSchemaAndEnumsUseTheirDefinitions() {
        checkRecord(Survey.class, schemaNode, "");
    }

    private void checkRecord(Class<?> record, JsonNode node, String path) {
        JsonNode properties = resolve(node).get("properties");
        assertThat(properties).as("properties of %s", path.isEmpty() ? "the survey" : path).isNotNull();
        for (RecordComponent c : record.getRecordComponents()) {
            String at = path.isEmpty() ? c.getName() : path + "." + c.getName();
            JsonNode property = properties.get(c.getName());
            assertThat(property).as("%s in the schema", at).isNotNull();
            Class<?> type = c.getType();
            if (type.isEnum()) {
                assertThat(refs(property)).as("%s refers to $defs/%s", at, type.getSimpleName())
                        .contains("#/$defs/" + type.getSimpleName());
            } else if (type.isRecord()) {
                checkRecord(type, property, at);
            } else if (type == List.class) {
                Class<?> item = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                checkRecord(item, resolve(property).get("items"), at + "[]");
            }
        }
    }

    /** The schema properties that are required agree with what the validator requires. */
    @Test
    void theSchemaAndTheValidatorRequireTheSameFields() {
        SurveyValidator validator = new SurveyValidator(SurveyValidatorTest.CLOCK);
        for (String pointer : List.of("", "/location", "/dwelling", "/assets", "/members/0")) {
            String prefix = pointer.isEmpty() ? "" : pointer.substring(1).replace("/0", "[0]") + ".";
            JsonNode objectSchema = resolve(pointer.startsWith("/members")
                    ? schemaNode.at("/properties/members/items")
                    : pointer.isEmpty() ? schemaNode : schemaNode.at("/properties" + pointer));
            Set<String> required = new TreeSet<>();
            objectSchema.get("required").forEach(n -> required.add(n.asText()));
            objectSchema.get("properties").fieldNames().forEachRemaining(name -> {
                ObjectNode s = example();
                ObjectNode target = (ObjectNode) s.at(pointer);
                target.remove(name);
                List<String> paths = validator.validate(s).stream().map(FieldProblem::path).toList();
                if (required.contains(name)) {
                    assertThat(paths).as("removing required %s%s", prefix, name).contains(prefix + name);
                } else {
                    assertThat(paths).as("removing optional %s%s", prefix, name).isEmpty();
                }
            });
        }
    }

    private static JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            return resolve(schemaNode.at(node.get("$ref").asText().substring(1)));
        }
        return node;
    }

    private static List<String> refs(JsonNode property) {
        List<String> refs = new ArrayList<>();
        if (property.has("$ref")) {
            refs.add(property.get("$ref").asText());
        }
        if (property.has("anyOf")) {
            for (JsonNode alternative : (ArrayNode) property.get("anyOf")) {
                refs.addAll(refs(alternative));
            }
        }
        return refs;
    }

    /** Every enum in org.dynreg.registry, found on the class path so that a new one cannot be missed. */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends Enum<?>>> registryEnums() throws URISyntaxException, ClassNotFoundException {
        String pkg = Survey.class.getPackageName();
        URL classes = Survey.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(classes.getProtocol()).isEqualTo("file");
        File[] files = new File(new File(classes.toURI()), pkg.replace('.', '/')).listFiles((dir, name) -> name.endsWith(".class") && !name.contains("$"));
        List<Class<? extends Enum<?>>> enums = new ArrayList<>();
        for (File f : files) {
            Class<?> type = Class.forName(pkg + "." + f.getName().replace(".class", ""));
            if (type.isEnum()) {
                enums.add((Class<? extends Enum<?>>) type);
            }
        }
        return enums;
    }
}
