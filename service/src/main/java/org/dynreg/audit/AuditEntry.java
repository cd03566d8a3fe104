package org.dynreg.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.dynreg.policy.Hashes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One link of the audit trail: who did what to which subject, when, with what outcome. {@code details}
 * is the canonical JSON text exactly as stored and hashed (keys sorted, no whitespace, non-ASCII
 * escaped), served as JSON so that anyone can recompute {@code hash} from the entry alone.
 */
public record AuditEntry(
        long seq,
        Instant recordedAt,
        String actor,
        String action,
        String subject,
        @JsonRawValue String details,
        String prevHash,
        String hash) {

    /** The prev_hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** Fixed width, always three fraction digits, UTC: one text per instant. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String FORMAT = "dynreg-audit-v1";

    /** The entry that follows {@code prevHash}, with its hash. {@code recordedAt} must already be in milliseconds. */
    static AuditEntry link(long seq, Instant recordedAt, String actor, String action, String subject, String details, String prevHash) {
        return new AuditEntry(seq, recordedAt, actor, action, subject, details, prevHash,
                hash(seq, recordedAt, actor, action, subject, details, prevHash));
    }

    /** The hash this entry's content calls for; differs from {@link #hash()} when the stored row was changed. */
    String expectedHash() {
        return hash(seq, recordedAt, actor, action, subject, details, prevHash);
    }

    /**
     * SHA-256 over the fields as netstrings ({@code <UTF-8 byte length>:<bytes>,}), preceded by a format
     * name: no field's text can run into the next, so two different entries never hash the same text.
     */
    private static String hash(long seq, Instant recordedAt, String actor, String action, String subject, String details, String prevHash) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[]{FORMAT, Long.toString(seq), TIME.format(recordedAt), actor, action, subject, details, prevHash}) {
            text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(',');
        }
        return Hashes.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
