package org.dynreg.policy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * A roll-back done: the activation it stored (its fields at the top level of the JSON answer), the activations still
 * pending afterwards, which stay pending unless cancelled, and a warning sentence naming them (null when none is).
 */
public record RollBack(@JsonUnwrapped Activation activation, List<Activation> pending, String warning) {}
