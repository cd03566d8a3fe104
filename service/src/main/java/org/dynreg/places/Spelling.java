package org.dynreg.places;

import java.util.Locale;

/** How names are compared: ignoring case, spaces and punctuation, and how far apart two spellings are. */
public final class Spelling {
    private Spelling() {
    }

    /** The name as compared: lower case letters and digits only ("D. I. Khan" and "di khan" are the same). */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The number of letters to insert, remove or change to turn one text into the other (Levenshtein distance). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** How many typos a name of this many letters may carry and still be suggested. */
    static int allowed(int length) {
        return length <= 4 ? 1 : length <= 9 ? 2 : 3;
    }
}
