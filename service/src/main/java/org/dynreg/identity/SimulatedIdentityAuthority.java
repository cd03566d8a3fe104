package org.dynreg.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.dynreg.registry.SurveyValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the national identity authority: accepts every well-formed id unless told to reject
 * it or to time out for it. The time-out waits {@code dynreg.identity.simulated.timeout} and answers
 * UNAVAILABLE, as the real adapter does when the authority does not answer in time.
 *
 * <p>Only with {@code dynreg.identity.simulator=true} (tests, training sites): anyone who may control it
 * decides whose identity is confirmed.
 */
@Component
@ConditionalOnProperty(name = IdentityAuthority.SIMULATOR, havingValue = "true")
class SimulatedIdentityAuthority implements IdentityAuthority {
    private static final Logger log = LoggerFactory.getLogger(SimulatedIdentityAuthority.class);

    enum Behaviour { ACCEPT, REJECT, TIMEOUT }

    private final Map<String, Behaviour> told = new ConcurrentHashMap<>();
    private final Duration timeout;

    SimulatedIdentityAuthority(@Value("${dynreg.identity.simulated.timeout:PT0.2S}") Duration timeout) {
        this.timeout = timeout;
    }

    /** {@code nationalId} in its dashed form ({@link SurveyValidator#canonicalNationalId}). */
    void tell(String nationalId, Behaviour behaviour) {
        if (behaviour == Behaviour.ACCEPT) {
            told.remove(nationalId);
        } else {
            told.put(nationalId, behaviour);
        }
    }

    @Override
    public Verification verify(String nationalId, String fullName, LocalDate dateOfBirth) {
        Behaviour b = SurveyValidator.isNationalId(nationalId)
                ? told.getOrDefault(SurveyValidator.canonicalNationalId(nationalId), Behaviour.ACCEPT)
                : Behaviour.REJECT;
        log.debug("simulated identity check: {}", b);
        return switch (b) {
            case ACCEPT -> new Verification(Verification.Status.VERIFIED, "the identity authority confirmed the national id");
            case REJECT -> new Verification(Verification.Status.REJECTED,
                    "the identity authority does not know this national id with this name and date of birth");
            case TIMEOUT -> {
                try {
                    Thread.sleep(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield new Verification(Verification.Status.UNAVAILABLE, "the identity authority did not answer within "
                        + timeout.toMillis() + " ms");
            }
        };
    }
}
