package org.dynreg.identity;

import org.dynreg.api.InvalidRequestException;
import org.springframework.stereotype.Component;

/** The simulated authority's controls, for its REST adapter. */
@Component
public class SimulatorControl {
    private final SimulatedIdentityAuthority authority;

    SimulatorControl(SimulatedIdentityAuthority authority) {
        this.authority = authority;
    }

    public void tell(String nationalId, String behaviour) {
        SimulatedIdentityAuthority.Behaviour b;
        try {
            b = SimulatedIdentityAuthority.Behaviour.valueOf(String.valueOf(behaviour));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("behaviour", "must be ACCEPT, REJECT or TIMEOUT");
        }
        authority.tell(nationalId, b);
    }
}
