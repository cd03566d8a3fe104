package org.dynreg.api;

/**
 * Names, addresses and other free text are plain text: no control characters (C0 and C1, DEL, so no ANSI escape
 * sequences, NUL, tabs or line breaks), no line or paragraph separators, no bidirectional embeddings, overrides or
 * isolates (U+202A to U+202E, U+2066 to U+2069, which can make stored text read differently from what it is), no
 * byte order mark and no half of a surrogate pair. The marks Urdu and other scripts need (ZWJ, ZWNJ, the
 * left-to-right and right-to-left marks) are plain text. Such text is refused rather than cleaned, so that what
 * is stored is exactly what was sent (docs/survey-format.md, "Limits").
 */
public final class FreeText {
    private FreeText() {
    }

    /**
     * Refuses text that is not plain text.
     *
     * @throws InvalidRequestException naming {@code field} and the first offending character
     */
    public static void require(String field, String text) {
        String problem = text == null ? null : problem(text);
        if (problem != null) {
            throw new InvalidRequestException(field, problem);
        }
    }

    /** Why {@code text} is not plain text, naming the first offending character by its code and place, or null. */
    public static String problem(String text) {
        int place = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            place++;
            if (!plain(c)) {
                return "contains the character U+" + String.format("%04X", c) + " (at character " + place
                        + "), which is not plain text: control characters, bidirectional overrides and the like are refused";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean plain(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.SURROGATE
                && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)
                && c != 0x2028 && c != 0x2029 && c != 0xFEFF;
    }
}
