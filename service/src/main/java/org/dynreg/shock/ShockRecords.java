package org.dynreg.shock;

import org.dynreg.api.NotFoundException;
import org.dynreg.workflow.Cases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The shock, shock_area and shock_household rows. */
@Component
class ShockRecords {
    /** Re-survey orders are worked by priority (none last), then the poorest first, then by household id. */
    static final String ORDER = " order by sh.priority is null, sh.priority, sh.score_before, sh.household_id";

    private final JdbcTemplate jdbc;

    ShockRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Shock(long id, String kind, LocalDate startsOn, LocalDate endsOn, String comment, String declaredBy, Instant declaredAt) {}

    /** A household found in the areas with its current score. */
    record Found(long householdId, int score) {}

    /** A household's re-survey order: the row of shock_household for one case. */
    record Order(long shockId, long householdId, long caseId, Integer priority, int scoreBefore, Long surveyId) {}

    long insertShock(Declaration d, String actor, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into shock (kind, starts_on, ends_on, comment, declared_by, declared_at) "
                    + "values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, d.kind());
            ps.setDate(2, Date.valueOf(d.startsOn()));
            ps.setDate(3, d.endsOn() == null ? null : Date.valueOf(d.endsOn()));
            ps.setString(4, d.comment());
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        for (Declaration.Area a : d.areas()) {
            insertArea(id, a);
        }
        return id;
    }

    Shock shock(long id) {
        return jdbc.query("select * from shock where id = ?", SHOCK_ROW, id)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("shock", id));
    }

    List<Declaration.Area> areas(long shockId) {
        return jdbc.query("select province, district, tehsil from shock_area where shock_id = ? order by province, district, tehsil",
                (rs, i) -> new Declaration.Area(rs.getString(1), rs.getString(2), rs.getString(3).isEmpty() ? null : rs.getString(3)), shockId);
    }

    /**
     * Every household living in one of the places (a district, or a tehsil of it), with the score of its latest
     * decision. A stored location may spell the district or tehsil any way the reference list accepts.
     */
    List<Found> householdsIn(List<Place> places) {
        StringBuilder sql = new StringBuilder("select h.id, d.score from household h join eligibility_decision d on d.id = "
                + "(select x.id from eligibility_decision x where x.household_id = h.id order by x.decided_at desc, x.id desc limit 1) "
                + "where ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            Place p = places.get(i);
            sql.append(i == 0 ? "" : " or ").append("(h.province = ? and h.district in (").append(marks(p.district().spellings()))
                    .append(')');
            args.add(p.district().province().name());
            args.addAll(p.district().spellings());
            if (p.tehsil() != null) {
                sql.append(" and h.tehsil in (").append(marks(p.tehsil().spellings())).append(')');
                args.addAll(p.tehsil().spellings());
            }
            sql.append(')');
        }
        return jdbc.query(sql.toString(), (rs, i) -> new Found(rs.getLong(1), rs.getInt(2)), args.toArray());
    }

    private static String marks(List<String> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    /**
     * Waits until no other declaration or extension is being made, and keeps the others waiting until this
     * transaction ends: the overlap check and the declaration it allows are one step.
     */
    void lockDeclarations() {
        jdbc.queryForObject("select id from shock_declaration_lock where id = 1 for update", Integer.class);
    }

    /** A declared shock with one of its areas. */
    record DeclaredArea(Shock shock, Declaration.Area area) {}

    /**
     * The areas of every other shock whose days meet {@code startsOn} to {@code endsOn} (null: still going on),
     * read as committed (a locking read), so a declaration made just before is seen.
     */
    List<DeclaredArea> areasMeeting(LocalDate startsOn, LocalDate endsOn, long except) {
        return jdbc.query("select s.*, a.province, a.district, a.tehsil from shock s join shock_area a on a.shock_id = s.id "
                        + "where s.id <> ? and s.starts_on <= ? and coalesce(s.ends_on, ?) >= ? order by s.id, a.district, a.tehsil "
                        + "lock in share mode",
                (rs, i) -> new DeclaredArea(SHOCK_ROW.mapRow(rs, i), new Declaration.Area(rs.getString("province"),
                        rs.getString("district"), rs.getString("tehsil").isEmpty() ? null : rs.getString("tehsil"))),
                except, Date.valueOf(endsOn == null ? OPEN_END : endsOn), Date.valueOf(OPEN_END), Date.valueOf(startsOn));
    }

    /** The day an open-ended shock is taken to last until when comparing periods. */
    static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    void insertArea(long shockId, Declaration.Area a) {
        jdbc.update("insert into shock_area (shock_id, province, district, tehsil) values (?, ?, ?, ?)",
                shockId, a.province(), a.district(), a.tehsil() == null ? "" : a.tehsil());
    }

    void extendTo(long shockId, LocalDate endsOn) {
        jdbc.update("update shock set ends_on = ? where id = ?", Date.valueOf(endsOn), shockId);
    }

    /** The households a shock already names (with or without a case of their own). */
    java.util.Set<Long> named(long shockId) {
        return new java.util.HashSet<>(jdbc.queryForList("select household_id from shock_household where shock_id = ?", Long.class, shockId));
    }

    /** The open shock case of each household that has one. */
    Map<Long, Long> openShockCases(String caseType) {
        Map<Long, Long> open = new HashMap<>();
        jdbc.query("select household_id, id from workflow_case where case_type = ? and state = ?",
                rs -> { open.put(rs.getLong(1), rs.getLong(2)); }, caseType, Cases.OPEN);
        return open;
    }

    /** Names the household in the shock; refused by the database when the same event (kind and first day) already names it. */
    void insertHousehold(Shock shock, Found h, Integer priority, String rule, int policyVersion, Long caseId, Long openCaseId) {
        jdbc.update("insert into shock_household (shock_id, household_id, shock_kind, shock_starts_on, score_before, priority, "
                + "priority_rule, priority_policy_version, case_id, open_case_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                shock.id(), h.householdId(), shock.kind(), Date.valueOf(shock.startsOn()), h.score(), priority, rule,
                policyVersion, caseId, openCaseId);
    }

    List<ShockView.ShockCase> cases(long shockId) {
        return jdbc.query("select sh.*, c.state, c.outcome from shock_household sh join workflow_case c on c.id = sh.case_id "
                + "where sh.shock_id = ?" + ORDER, (rs, i) -> new ShockView.ShockCase(rs.getLong("case_id"), rs.getLong("household_id"),
                rs.getObject("priority", Integer.class), rs.getString("priority_rule"), rs.getInt("score_before"), rs.getString("state"),
                rs.getString("outcome"), rs.getObject("survey_id", Long.class), rs.getObject("score_after", Integer.class),
                rs.getObject("assistance_pkr", Long.class)), shockId);
    }

    List<ShockView.Skipped> skipped(long shockId) {
        return jdbc.query("select household_id, open_case_id from shock_household where shock_id = ? and case_id is null "
                + "order by household_id", (rs, i) -> new ShockView.Skipped(rs.getLong(1), rs.getLong(2)), shockId);
    }

    List<Assistance> assistance(long shockId) {
        return jdbc.query("select * from shock_household sh where sh.shock_id = ? and sh.assistance_pkr is not null" + ORDER,
                (rs, i) -> new Assistance(rs.getLong("household_id"), rs.getLong("case_id"), rs.getInt("score_before"),
                        rs.getInt("score_after"), rs.getLong("survey_id"), rs.getLong("assistance_pkr"), rs.getString("assistance_rule"),
                        rs.getInt("assistance_policy_version")), shockId);
    }

    /** The re-survey orders of open shock cases, by case id. */
    Map<Long, Order> openOrders() {
        Map<Long, Order> orders = new HashMap<>();
        jdbc.query("select sh.* from shock_household sh join workflow_case c on c.id = sh.case_id where c.state = ?",
                rs -> { orders.put(rs.getLong("case_id"), ORDER_ROW.mapRow(rs, 0)); }, Cases.OPEN);
        return orders;
    }

    Order byCase(long caseId) {
        return jdbc.query("select * from shock_household where case_id = ?", ORDER_ROW, caseId).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " is not a re-survey order of a shock"));
    }

    void rescored(long caseId, long surveyId, int score, Long assistancePkr, String rule, int policyVersion) {
        jdbc.update("update shock_household set survey_id = ?, score_after = ?, assistance_pkr = ?, assistance_rule = ?, "
                + "assistance_policy_version = ? where case_id = ?", surveyId, score, assistancePkr, rule, policyVersion, caseId);
    }

    private static final RowMapper<Shock> SHOCK_ROW = (rs, i) -> new Shock(rs.getLong("id"), rs.getString("kind"),
            rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on") == null ? null : rs.getDate("ends_on").toLocalDate(),
            rs.getString("comment"), rs.getString("declared_by"), rs.getTimestamp("declared_at").toInstant());

    private static final RowMapper<Order> ORDER_ROW = (rs, i) -> new Order(rs.getLong("shock_id"), rs.getLong("household_id"),
            rs.getLong("case_id"), rs.getObject("priority", Integer.class), rs.getInt("score_before"), rs.getObject("survey_id", Long.class));
}
