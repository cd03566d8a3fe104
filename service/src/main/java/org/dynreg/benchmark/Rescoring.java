package org.dynreg.benchmark;

import org.springframework.context.ConfigurableApplicationContext;

/** (e): the rescoring job over the whole registry, started and waited for as an operator would. */
final class Rescoring {
    private final ConfigurableApplicationContext context;

    Rescoring(ConfigurableApplicationContext context) {
        this.context = context;
    }

    long wholeRegistry() {
        throw new UnsupportedOperationException("the rescoring job is not built yet");
    }
}
