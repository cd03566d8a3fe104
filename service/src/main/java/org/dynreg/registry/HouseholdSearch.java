package org.dynreg.registry;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Finding a household by what a person at the counter knows: its id, a member's national id, its phone or
 * a member's name. Searching by anything but the id is for the roles that may see personal data; the
 * caller's role decides that, and the reads are recorded (docs/personal-data.md).
 */
@Service
public class HouseholdSearch {
    public static final int MAX_RESULTS = 50;

    /** A household found, with its head's name only when {@code personalData}. */
    public record Found(long householdId, String province, String district, String tehsil, String headName) {}

    /** What to look for; blank fields are not searched, at least one is required. */
    public record Query(Long householdId, String nationalId, String phone, String name) {
        public boolean personal() {
            return !blank(nationalId) || !blank(phone) || !blank(name);
        }
    }

    private final JdbcTemplate jdbc;
    private final Caller caller;
    private final PersonalDataReads reads;

    HouseholdSearch(JdbcTemplate jdbc, Caller caller, PersonalDataReads reads) {
        this.jdbc = jdbc;
        this.caller = caller;
        this.reads = reads;
    }

    /**
     * The households the caller may look for: by id for every role that reads households, by national id, phone or
     * name only for the roles that may see personal data (refused otherwise); each household found with its head's
     * name is recorded as a read of personal data. The API and the console search through this.
     */
    public List<Found> find(Query q, Authentication auth) {
        boolean personal = caller.maySeePersonalData(auth);
        if (q.personal() && !personal) {
            throw new AccessDeniedException("searching by national id, phone or name is for roles that may see personal data");
        }
        List<Found> found = find(q, personal);
        if (personal) {
            for (Found f : found) {
                reads.record(auth, PersonalDataReads.Kind.HOUSEHOLD, f.householdId(), f.householdId(), true);
            }
        }
        return found;
    }

    @Transactional(readOnly = true)
    public List<Found> find(Query q, boolean personalData) {
        if (q.householdId() == null && !q.personal()) {
            throw new InvalidRequestException("householdId", "give a householdId, nationalId, phone or name to search for");
        }
        StringBuilder sql = new StringBuilder("select h.id, h.province, h.district, h.tehsil, (select m.name from household_member m "
                + "where m.household_id = h.id and m.relation = 'HEAD' order by m.id limit 1) as head from household h where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.householdId() != null) {
            sql.append(" and h.id = ?");
            args.add(q.householdId());
        }
        if (!blank(q.nationalId())) {
            sql.append(" and exists (select 1 from household_member m where m.household_id = h.id and m.national_id = ?)");
            args.add(q.nationalId().strip());
        }
        if (!blank(q.phone())) {
            sql.append(" and h.mobile = ?");
            args.add(q.phone().strip());
        }
        if (!blank(q.name())) {
            if (q.name().strip().length() < 3) {
                throw new InvalidRequestException("name", "give at least 3 letters of a name");
            }
            sql.append(" and exists (select 1 from household_member m where m.household_id = h.id and m.name like ?)");
            args.add("%" + q.name().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by h.id limit ").append(MAX_RESULTS);
        return jdbc.query(sql.toString(), (rs, i) -> new Found(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                personalData ? rs.getString(5) : null), args.toArray());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
