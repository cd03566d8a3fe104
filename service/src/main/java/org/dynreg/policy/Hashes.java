package org.dynreg.policy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of policy files and of whole bundles. */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** A bundle's hash: over each file's path and hash, in path order, so it names the exact content. */
    public static String bundleSha256(List<PolicyFile> files) {
        MessageDigest d = digest();
        files.stream().sorted(Comparator.comparing(PolicyFile::path)).forEach(f -> {
            d.update(f.path().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(f.sha256().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            d.update((byte) '\n');
        });
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
