package org.dynreg.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/** What the current caller may see: personal data only for the roles the privacy setting lists (docs/personal-data.md). */
@Component
public class Caller {
    private final Set<String> personalDataRoles;
    private final int coarseCoordinateDecimals;

    Caller(@Value("${dynreg.privacy.personal-data-roles}") Set<Role> personalDataRoles,
           @Value("${dynreg.privacy.coarse-coordinate-decimals}") int coarseCoordinateDecimals) {
        this.personalDataRoles = personalDataRoles.stream().map(r -> "ROLE_" + r.name()).collect(Collectors.toSet());
        this.coarseCoordinateDecimals = coarseCoordinateDecimals;
    }

    public boolean maySeePersonalData(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(personalDataRoles::contains);
    }

    public Disclosure disclosure(Authentication auth) {
        return new Disclosure(maySeePersonalData(auth), coarseCoordinateDecimals);
    }
}
