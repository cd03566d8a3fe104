package org.dynreg.identity;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.registry.SurveyValidator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The simulated authority's controls, for its REST adapter; present only with the simulator. */
@Component
@ConditionalOnProperty(name = IdentityAuthority.SIMULATOR, havingValue = "true")
public class SimulatorControl {
    private final SimulatedIdentityAuthority authority;

    SimulatorControl(SimulatedIdentityAuthority authority) {
        this.authority = authority;
    }

    public void tell(String nationalId, String behaviour) {
        if (!SurveyValidator.isNationalId(nationalId)) {
            throw new InvalidRequestException("nationalId", "is not a national id (13 digits, written 12345-1234567-1)");
        }
        SimulatedIdentityAuthority.Behaviour b;
        try {
            b = SimulatedIdentityAuthority.Behaviour.valueOf(String.valueOf(behaviour));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("behaviour", "must be ACCEPT, REJECT or TIMEOUT");
        }
        authority.tell(SurveyValidator.canonicalNationalId(nationalId), b);
    }
}
