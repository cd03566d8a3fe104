package org.dynreg.console;

import org.dynreg.security.Role;

import java.util.List;
import java.util.Set;

/**
 * The console's pages in the navigation, each with the roles that may open it: the same roles as the API
 * endpoints the page calls. A role with none of them (a partner) signs in to a page that says so.
 */
public enum ConsolePage {
    WORK("/work", "nav.work", Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.DATA_ENTRY_OPERATOR)),
    HOUSEHOLDS("/households", "nav.households", Set.of(Role.DATA_ENTRY_OPERATOR, Role.CASEWORKER, Role.SUPERVISOR, Role.AUDITOR)),
    POLICY("/policy", "nav.policy", Set.of(Role.POLICY_OFFICER)),
    AUDIT("/audit", "nav.audit", Set.of(Role.AUDITOR)),
    JOBS("/jobs", "nav.jobs", Set.of(Role.ADMINISTRATOR, Role.POLICY_OFFICER, Role.SUPERVISOR, Role.AUDITOR));

    private final String path;
    private final String label;
    private final Set<Role> roles;

    ConsolePage(String path, String label, Set<Role> roles) {
        this.path = path;
        this.label = label;
        this.roles = roles;
    }

    public String path() {
        return path;
    }

    /** The message key of its name in the navigation. */
    public String label() {
        return label;
    }

    public boolean openTo(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }

    public static List<ConsolePage> openTo(Set<Role> held, boolean any) {
        return java.util.Arrays.stream(values()).filter(p -> p.openTo(held)).toList();
    }
}
