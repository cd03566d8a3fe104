package org.dynreg.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Ids taken from one of the registry's sequences the way Hibernate takes them: a call that returns
 * {@code v} owns the block {@code v - increment + 1 .. v}. The first value a fresh sequence returns is
 * left alone, as Hibernate treats it specially. So bulk rows and rows stored one by one never collide.
 */
public final class IdBlocks {
    private static final Set<String> SEQUENCES = Set.of("household_seq", "member_seq", "survey_seq", "decision_seq");

    private final List<long[]> blocks;
    private int block;
    private long nextInBlock;

    private IdBlocks(List<long[]> blocks) {
        this.blocks = blocks;
        this.nextInBlock = blocks.isEmpty() ? 0 : blocks.get(0)[0];
    }

    public static IdBlocks reserve(Connection c, String sequence, long count) throws SQLException {
        if (!SEQUENCES.contains(sequence)) {
            throw new IllegalArgumentException("not a registry sequence: " + sequence);
        }
        try (Statement s = c.createStatement()) {
            long increment;
            try (ResultSet rs = s.executeQuery("select increment from " + sequence)) {
                rs.next();
                increment = rs.getLong(1);
            }
            List<long[]> blocks = new ArrayList<>();
            long have = 0;
            while (have < count) {
                long calls = (count - have + increment - 1) / increment + 1;
                try (ResultSet rs = s.executeQuery("select nextval(" + sequence + ") from seq_1_to_" + calls)) {
                    while (rs.next()) {
                        long v = rs.getLong(1);
                        if (v >= increment) {
                            blocks.add(new long[]{v - increment + 1, v});
                            have += increment;
                        }
                    }
                }
            }
            return new IdBlocks(blocks);
        }
    }

    public long next() {
        long[] current = blocks.get(block);
        if (nextInBlock > current[1]) {
            block++;
            current = blocks.get(block);
            nextInBlock = current[0];
        }
        return nextInBlock++;
    }
}
