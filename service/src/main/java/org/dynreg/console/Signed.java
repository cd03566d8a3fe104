package org.dynreg.console;

import org.dynreg.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The signed-in user's roles and task groups, read as the REST controllers read them. */
public final class Signed {
    private Signed() {
    }

    public static Set<Role> roles(Authentication auth) {
        if (auth == null) {
            return EnumSet.noneOf(Role.class);
        }
        Set<String> names = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).filter(names::contains).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** Task groups are the caller's roles (CASEWORKER, SUPERVISOR, DATA_ENTRY_OPERATOR), as for the API. */
    public static Set<String> groups(Authentication auth) {
        return roles(auth).stream().map(Enum::name).collect(Collectors.toSet());
    }
}
