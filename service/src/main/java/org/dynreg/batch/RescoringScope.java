package org.dynreg.batch;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.registry.Province;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which households a rescoring run decides again: all, or those of a province, a district, or those whose latest
 * decision before the run found them eligible for a program; each part optional, together they all apply.
 */
record RescoringScope(String province, String district, String program) {
    static final String PROVINCE = "province";
    static final String DISTRICT = "district";
    static final String PROGRAM = "program";
    private static final Pattern PROGRAM_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    /** Blank parts are left out; a province or program that cannot exist is refused naming the field. */
    static RescoringScope of(String province, String district, String program) {
        province = blankToNull(province);
        district = blankToNull(district);
        program = blankToNull(program);
        if (province != null && !isProvince(province)) {
            throw new InvalidRequestException(PROVINCE, "must be one of " + Arrays.toString(Province.values()));
        }
        if (district != null && district.length() > 80) {
            throw new InvalidRequestException(DISTRICT, "is at most 80 characters");
        }
        if (program != null && !PROGRAM_CODE.matcher(program).matches()) {
            throw new InvalidRequestException(PROGRAM, "must be a program code such as UCT or CCT_EDUCATION");
        }
        return new RescoringScope(province, district, program);
    }

    static RescoringScope of(JobParameters p) {
        return new RescoringScope(p.getString(PROVINCE), p.getString(DISTRICT), p.getString(PROGRAM));
    }

    void addTo(JobParametersBuilder params) {
        if (province != null) {
            params.addString(PROVINCE, province);
        }
        if (district != null) {
            params.addString(DISTRICT, district);
        }
        if (program != null) {
            params.addString(PROGRAM, program);
        }
    }

    /**
     * The scope as SQL conditions on {@code household h}, arguments appended to {@code args}. A program is judged by
     * the household's latest decision not made by this run ({@code jobInstance}; -1 before the run exists), so the
     * run's own decisions do not move households in or out of its scope when it is restarted.
     */
    String where(long jobInstance, List<Object> args) {
        StringBuilder w = new StringBuilder();
        if (province != null) {
            w.append(" and h.province = ?");
            args.add(province);
        }
        if (district != null) {
            w.append(" and h.district = ?");
            args.add(district);
        }
        if (program != null) {
            w.append(" and exists (select 1 from eligibility_decision d where d.id = (select x.id from eligibility_decision x"
                    + " where x.household_id = h.id and not (x.batch_job_instance <=> ?) order by x.decided_at desc, x.id desc limit 1)"
                    + " and JSON_CONTAINS(d.programs, JSON_OBJECT('program', ?, 'eligible', true)))");
            args.add(jobInstance);
            args.add(program);
        }
        return w.toString();
    }

    /** The districts with households in scope. */
    List<District> districts(JdbcTemplate jdbc, long jobInstance) {
        List<Object> args = new ArrayList<>();
        return jdbc.query("select distinct h.province, h.district from household h where 1 = 1" + where(jobInstance, args)
                + " order by h.province, h.district", (rs, i) -> new District(rs.getString(1), rs.getString(2)), args.toArray());
    }

    /** How many households are in scope. */
    long count(JdbcTemplate jdbc, long jobInstance) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("select count(*) from household h where 1 = 1" + where(jobInstance, args), Long.class, args.toArray());
    }

    /** For messages and the audit trail: ids and area names, nothing personal. */
    String describe() {
        if (province == null && district == null && program == null) {
            return "the whole registry";
        }
        StringBuilder s = new StringBuilder();
        if (province != null) {
            s.append("province ").append(province);
        }
        if (district != null) {
            s.append(s.isEmpty() ? "" : ", ").append("district ").append(district);
        }
        if (program != null) {
            s.append(s.isEmpty() ? "" : ", ").append("eligible for ").append(program);
        }
        return s.toString();
    }

    private static boolean isProvince(String name) {
        return Arrays.stream(Province.values()).anyMatch(p -> p.name().equals(name));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
