package org.dynreg.batch;

import org.springframework.batch.item.ExecutionContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A district of a province: the unit a job is partitioned by. */
record District(String province, String district) {
    static final String PROVINCE = "province";
    static final String DISTRICT = "district";
    /** Step names hold 100 characters, the worker step's name and a colon included. */
    private static final int LONGEST_NAME = 80;

    static District of(ExecutionContext partition) {
        return new District(partition.getString(PROVINCE), partition.getString(DISTRICT));
    }

    /**
     * The partition's name, the same in every run, so that a restart finds each district's progress: the names
     * themselves, or for a very long district name its beginning and a hash of the whole.
     */
    String partitionName() {
        String name = province + "/" + district;
        if (name.length() <= LONGEST_NAME) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, LONGEST_NAME - 9) + "#" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    ExecutionContext context() {
        ExecutionContext c = new ExecutionContext();
        c.putString(PROVINCE, province);
        c.putString(DISTRICT, district);
        return c;
    }
}
