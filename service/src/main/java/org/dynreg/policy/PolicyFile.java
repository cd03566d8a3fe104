package org.dynreg.policy;

import java.util.Locale;

/** One file of a policy bundle: a decision table workbook or a DRL file, by its path in the bundle. */
public record PolicyFile(String path, byte[] content) {

    public enum Kind { DECISION_TABLE, DRL }

    public PolicyFile {
        if (kindOf(path) == null) {
            throw new IllegalArgumentException(path + ": a policy file must end in .drl.xlsx (decision table) or .drl (rules)");
        }
    }

    public Kind kind() {
        return kindOf(path);
    }

    public String sha256() {
        return Hashes.sha256(content);
    }

    static Kind kindOf(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".drl.xlsx")) {
            return Kind.DECISION_TABLE;
        }
        return p.endsWith(".drl") ? Kind.DRL : null;
    }
}
