package org.dynreg.privacy;

import java.util.regex.Pattern;

/**
 * Masks what looks like personal data in a log line: national ids (13 digits, written 12345-1234567-1 or
 * run together), mobile numbers (03001234567, +923001234567, 0300-1234567) and the values a database
 * echoes in its messages ("Duplicate entry '...' for key", "Incorrect date value: '...'"). Names and
 * addresses have no shape to recognise: the loggers that would print them are kept quiet instead
 * ({@link ValueDumpingLoggers}, docs/architecture.md "Logs and personal data").
 */
public final class PersonalDataMask {
    static final String NATIONAL_ID = "[national id]";
    static final String PHONE = "[phone]";
    static final String VALUE = "[masked]";

    private static final Pattern DUPLICATE_ENTRY = Pattern.compile("(Duplicate entry )'.*?'( for key)", Pattern.DOTALL);
    private static final Pattern ECHOED_VALUE = Pattern.compile("(?i)(\\bvalue:? )'[^']*'");
    private static final Pattern NATIONAL_ID_SHAPE = Pattern.compile("(?<!\\d)\\d{5}[- ]?\\d{7}[- ]?\\d(?!\\d)");
    private static final Pattern PHONE_SHAPE = Pattern.compile("(?<![\\d+])(?:\\+92|0092|92|0)[- ]?3\\d{2}[- ]?\\d{7}(?!\\d)");

    private PersonalDataMask() {
    }

    /** The text with every national id, mobile number and database-echoed value replaced by a placeholder. */
    public static String mask(String text) {
        if (text == null || text.isEmpty() || !worthLooking(text)) {
            return text;
        }
        String masked = DUPLICATE_ENTRY.matcher(text).replaceAll("$1'" + VALUE + "'$2");
        masked = ECHOED_VALUE.matcher(masked).replaceAll("$1'" + VALUE + "'");
        masked = NATIONAL_ID_SHAPE.matcher(masked).replaceAll(NATIONAL_ID);
        return PHONE_SHAPE.matcher(masked).replaceAll(PHONE);
    }

    /** Every pattern needs a digit or a quote; most log lines are left alone after one pass over their characters. */
    private static boolean worthLooking(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || (c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }
}
