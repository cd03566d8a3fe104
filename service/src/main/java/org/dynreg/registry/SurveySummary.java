package org.dynreg.registry;

import java.time.Instant;

/** One entry of a household's survey history (no personal data). */
public record SurveySummary(long id, String updateType, String operatorId, String siteId, Instant startedAt,
                            Instant submittedAt, Instant receivedAt, String receivedBy, int members) {

    static SurveySummary of(SurveyRecord s) {
        return new SurveySummary(s.id(), s.updateType().name(), s.operatorId(), s.siteId(), s.startedAt(),
                s.submittedAt(), s.receivedAt(), s.receivedBy(), s.memberCount());
    }
}
