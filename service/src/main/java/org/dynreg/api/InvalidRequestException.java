package org.dynreg.api;

/** A request parameter that is missing or out of range; answered 422 naming the field, and nothing changes. */
public class InvalidRequestException extends RuntimeException {
    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
