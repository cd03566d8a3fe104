package org.dynreg.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a fact's getter that returns text: the text is always the name of one of this enum's constants (a survey
 * answer's code). The decision table check then accepts only those codes in a column that compares with it, and
 * names them to the officer who typed something else.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Codes {
    Class<? extends Enum<?>> value();
}
