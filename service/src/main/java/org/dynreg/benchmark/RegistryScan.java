package org.dynreg.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The read limit: every household with the answers rescoring needs (dwelling and assets of its latest
 * survey) and every member, streamed in household order from two cursors and merged, each value read
 * from the result set as the rescoring reader reads it, nothing else done with it.
 */
final class RegistryScan {
    private static final String HOUSEHOLDS = "select h.id, h.province, h.district, h.last_surveyed_on, "
            + "s.international_travel, s.monthly_phone_bill_pkr, d.drinking_water, d.toilet, a.refrigerator, a.freezer, "
            + "a.television, a.motorcycle, a.car, a.other_vehicle, a.agricultural_land_acres "
            + "from household h join survey s on s.id = h.latest_survey_id "
            + "join survey_dwelling d on d.survey_id = h.latest_survey_id join survey_assets a on a.survey_id = h.latest_survey_id "
            + "order by h.id";
    private static final String MEMBERS = "select household_id, relation, gender, date_of_birth, marital_status, disability, "
            + "in_school, education_level, employment_sector, elementary_occupation from household_member "
            + "order by household_id, id";

    record Counts(long households, long members, long checksum) {
    }

    private final DataSource dataSource;

    RegistryScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Counts readAll() throws SQLException {
        long households = 0, members = 0, checksum = 0;
        try (Connection hc = dataSource.getConnection(); Connection mc = dataSource.getConnection();
             PreparedStatement hs = hc.prepareStatement(HOUSEHOLDS); PreparedStatement ms = mc.prepareStatement(MEMBERS)) {
            hs.setFetchSize(1000);
            ms.setFetchSize(1000);
            try (ResultSet h = hs.executeQuery(); ResultSet m = ms.executeQuery()) {
                boolean memberRow = m.next();
                while (h.next()) {
                    long id = h.getLong(1);
                    checksum += h.getString(2).length() + h.getString(3).length() + h.getDate(4).getTime()
                            + (h.getBoolean(5) ? 1 : 0) + h.getInt(6) + h.getString(7).length() + h.getString(8).length()
                            + (h.getBoolean(9) ? 1 : 0) + (h.getBoolean(10) ? 1 : 0) + (h.getBoolean(11) ? 1 : 0)
                            + (h.getBoolean(12) ? 1 : 0) + (h.getBoolean(13) ? 1 : 0) + (h.getBoolean(14) ? 1 : 0)
                            + h.getBigDecimal(15).intValue();
                    households++;
                    while (memberRow && m.getLong(1) <= id) {
                        if (m.getLong(1) == id) {
                            checksum += m.getString(2).length() + m.getString(3).length() + m.getDate(4).getTime()
                                    + m.getString(5).length() + m.getString(6).length() + (m.getBoolean(7) ? 1 : 0)
                                    + m.getString(8).length() + m.getString(9).length() + (m.getBoolean(10) ? 1 : 0);
                            members++;
                        }
                        memberRow = m.next();
                    }
                }
            }
        }
        return new Counts(households, members, checksum);
    }
}
