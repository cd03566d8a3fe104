package org.dynreg.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.dynreg.api.FreeText;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.database.AfterCommit;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Registration of missed-out households: tokens issued at a registration site, each opening a case of
 * the process {@value #PROCESS}, and the survey waiting with its token until the registry stores it.
 */
@Service
public class Registrations {
    static final String PROCESS = "missedOutRegistration";
    static final String TYPE = "MISSED_OUT";
    static final int MAX_SITE_ID = 60;

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final Cases cases;
    private final Deadlines deadlines;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    /** {@code zone}: where the sites are, so that a site's numbers start again at its midnight, not at UTC's. */
    Registrations(Cases cases, Deadlines deadlines, JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                  @Value("${dynreg.registration.zone:Asia/Karachi}") ZoneId zone) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.zone = zone;
    }

    record TokenRow(long caseId, String siteId, LocalDate issuedOn, int number, String issuedBy, Instant issuedAt,
                    Long householdId, String pendingSurvey) {
        String label() {
            return Registrations.label(siteId, issuedOn, number);
        }
    }

    /** Issues the next token of the site for today and opens its case; the household waits for its survey. */
    @Transactional
    public long issue(String siteId, String actor) {
        if (siteId == null || siteId.isBlank()) {
            throw new InvalidRequestException("siteId", "the registration site issuing the token is required");
        }
        String site = siteId.strip();
        if (site.length() > MAX_SITE_ID) {
            throw new InvalidRequestException("siteId", "must be at most " + MAX_SITE_ID + " characters");
        }
        FreeText.require("siteId", site);
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, zone);
        // the site's row for the day stays locked until this transaction ends: numbers are never drawn twice
        jdbc.update("insert into registration_site_day (site_id, issued_on, last_number) values (?, ?, 1) "
                + "on duplicate key update last_number = last_number + 1", site, day);
        Integer number = jdbc.queryForObject("select last_number from registration_site_day where site_id = ? and issued_on = ?",
                Integer.class, site, day);
        long caseId = cases.open(TYPE, null, PROCESS, Map.of("reviewDue", deadlines.of("identity-review")), actor,
                Map.of("siteId", site, "issuedOn", day.toString(), "token", number));
        jdbc.update("insert into registration_token (case_id, site_id, issued_on, number, issued_by, issued_at) values (?, ?, ?, ?, ?, ?)",
                caseId, site, day, number, actor, Timestamp.from(now));
        AfterCommit.run(() -> log.info("token {} issued at site {} by {}: case {}", number, site, actor, caseId));
        return caseId;
    }

    /** The token of a registration case with where the case stands; the waiting survey only with {@code personalData}. */
    @Transactional(readOnly = true)
    public Token token(long caseId, boolean personalData) {
        TokenRow t = row(caseId);
        CaseView c = cases.view(caseId);
        JsonNode pending = personalData && t.pendingSurvey() != null ? readable(t.pendingSurvey()) : null;
        return new Token(t.caseId(), t.label(), t.siteId(), t.issuedOn(), t.number(), t.issuedBy(), t.issuedAt(), c.state(),
                c.outcome(), c.outcomeReason(), c.householdId(), c.currentDecision(), c.openTasks(), c.history(), pending);
    }

    TokenRow row(long caseId) {
        return jdbc.query("select * from registration_token where case_id = ?", (rs, i) -> new TokenRow(rs.getLong("case_id"),
                        rs.getString("site_id"), rs.getObject("issued_on", LocalDate.class), rs.getInt("number"),
                        rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
                        (Long) rs.getObject("household_id", Long.class), rs.getString("pending_survey")), caseId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("registration token", caseId));
    }

    /** Keeps the survey as the operator sent it, valid or not, so that it can be read back and corrected. */
    void keepSurvey(long caseId, String survey) {
        jdbc.update("update registration_token set pending_survey = ? where case_id = ?", survey, caseId);
    }

    /** The case ends without the registry storing the survey: the personal data it carries goes. */
    void forgetSurvey(long caseId) {
        jdbc.update("update registration_token set pending_survey = null where case_id = ?", caseId);
    }

    /**
     * The registry now holds the survey: the token and its case name the household, and the waiting copy goes.
     * The case's household is written here because a case opened before its household existed has no other
     * way to learn it; without it the case would be missing from the household's cases.
     */
    void registered(long caseId, long householdId) {
        jdbc.update("update registration_token set household_id = ?, pending_survey = null where case_id = ?", householdId, caseId);
        jdbc.update("update workflow_case set household_id = ? where id = ? and household_id is null", householdId, caseId);
    }

    private JsonNode readable(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    static String label(String siteId, LocalDate day, int number) {
        return String.format("%s/%s/%03d", siteId, day, number);
    }
}
