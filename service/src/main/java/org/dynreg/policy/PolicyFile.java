package org.dynreg.policy;

import java.util.Locale;

/**
 * One file of a policy bundle, by its path in the bundle: a decision table workbook ({@code .drl.xlsx}), a DRL file
 * ({@code .drl}) or a BPMN process ({@code processes/<process id>.bpmn}).
 */
public record PolicyFile(String path, byte[] content) {

    public enum Kind { DECISION_TABLE, DRL, PROCESS }

    public PolicyFile {
        if (kindOf(path) == null) {
            throw new IllegalArgumentException(path + ": a policy file must end in .drl.xlsx (decision table), .drl (rules) "
                    + "or .bpmn (process)");
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
        if (p.endsWith(".bpmn")) {
            return Kind.PROCESS;
        }
        return p.endsWith(".drl") ? Kind.DRL : null;
    }
}
