package org.dynreg.api;

/** Something asked for by id that the registry does not hold. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super("no " + what + " with id " + id);
    }
}
