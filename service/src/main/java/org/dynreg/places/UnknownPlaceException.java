package org.dynreg.places;

/** A district or tehsil the reference list does not hold where it was named; the message says what it holds instead. */
public class UnknownPlaceException extends RuntimeException {
    UnknownPlaceException(String message) {
        super(message);
    }
}
