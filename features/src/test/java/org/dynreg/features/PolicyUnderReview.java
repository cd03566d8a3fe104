package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.spring.ScenarioScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One scenario's dealings with the policy lifecycle: the version it uploaded, the service's latest
 * answer to an officer, and the latest check against the reference households.
 */
@ScenarioScope
public class PolicyUnderReview {
    private Integer versionsAtStart;
    private Integer newVersion;
    private byte[] uploadedTable;
    private ResponseEntity<JsonNode> answer;
    private JsonNode report;

    void started(int versions) {
        versionsAtStart = versions;
    }

    /** How many versions were stored when the scenario began. */
    int versionsAtStart() {
        if (versionsAtStart == null) {
            throw new IllegalStateException("the scenario has not said which policy is in force at its start");
        }
        return versionsAtStart;
    }

    void uploaded(byte[] table, ResponseEntity<JsonNode> r) {
        answered(r);
        if (r.getStatusCode() == HttpStatus.CREATED) {
            newVersion = r.getBody().get("bundle").get("version").asInt();
            uploadedTable = table;
            report = r.getBody().get("report");
        }
    }

    int newVersion() {
        if (newVersion == null) {
            throw new IllegalStateException("the scenario has not uploaded a new version; the service answered " + answer);
        }
        return newVersion;
    }

    /** The table file as it was uploaded for the new version. */
    byte[] uploadedTable() {
        newVersion();
        return uploadedTable;
    }

    void answered(ResponseEntity<JsonNode> r) {
        answer = r;
    }

    ResponseEntity<JsonNode> answer() {
        if (answer == null) {
            throw new IllegalStateException("no officer has done anything yet in this scenario");
        }
        return answer;
    }

    void checked(JsonNode validationReport) {
        report = validationReport;
    }

    /** The latest check of the new version against the reference households. */
    JsonNode report() {
        if (report == null) {
            throw new IllegalStateException("the new version has not been checked against the reference households");
        }
        return report;
    }
}
