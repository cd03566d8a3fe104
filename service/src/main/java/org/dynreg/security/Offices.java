package org.dynreg.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.List;

/** The offices each user works for (docs/decisions/0025-offices-and-routing.md); none means no case's work. */
@Service
public class Offices {
    private final JdbcTemplate jdbc;

    Offices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's offices; empty when the user has none (they see no case's tasks). */
    public List<Office> of(String user) {
        return jdbc.query("select scope, district, tehsil, site_id from user_office where username = ? order by scope, district, tehsil, site_id",
                (rs, i) -> new Office(Office.Scope.valueOf(rs.getString("scope")), rs.getString("district"), rs.getString("tehsil"),
                        rs.getString("site_id")), user);
    }

    /** Whether any of the offices covers a case of this district, tehsil and site. */
    public static boolean covers(List<Office> offices, String district, String tehsil, String site) {
        return offices.stream().anyMatch(o -> o.covers(district, tehsil, site));
    }

    /** Whether the user works for a case of this district, tehsil and site. */
    public boolean covers(String user, String district, String tehsil, String site) {
        return covers(of(user), district, tehsil, site);
    }
}
