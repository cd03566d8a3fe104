package org.dynreg.privacy;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.RootCauseFirstThrowableProxyConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;
import org.springframework.boot.logging.logback.WhitespaceThrowableProxyConverter;

/**
 * Logback conversion words that print a log line's message and exception through {@link PersonalDataMask}.
 * The logback configurations register them under the built-in words ({@code %m}, {@code %msg},
 * {@code %message}, {@code %ex}, {@code %xEx}, {@code %rEx}, {@code %wEx}, ...), so every pattern of every
 * appender masks, whichever logger wrote the line.
 */
public final class MaskingConverters {
    private MaskingConverters() {
    }

    /** {@code %m}, {@code %msg}, {@code %message}. */
    public static class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }

    /** {@code %ex}, {@code %exception}, {@code %throwable}. */
    public static class Throwable extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }

    /** {@code %xEx}, {@code %xException}, {@code %xThrowable}. */
    public static class ExtendedThrowable extends ExtendedThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }

    /** {@code %rEx}, {@code %rootException}. */
    public static class RootCauseFirst extends RootCauseFirstThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }

    /** Spring Boot's {@code %wex}. */
    public static class WhitespaceThrowable extends WhitespaceThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }

    /** Spring Boot's {@code %wEx}, the exception word of its console and file patterns. */
    public static class ExtendedWhitespaceThrowable extends ExtendedWhitespaceThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return PersonalDataMask.mask(super.convert(event));
        }
    }
}
