package io.jenkins.plugins.lambdaverify.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "Did you mean" for misspelt keys and values. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The closest candidate within a small edit distance, or {@code null}. */
    public static String closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> distance(w, c.toLowerCase(Locale.ROOT)) <= Math.max(2, c.length() / 3))
                .min(Comparator.comparingInt(c -> distance(w, c.toLowerCase(Locale.ROOT))))
                .orElse(null);
    }

    /** " (did you mean 'x'?)" or empty. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String best = closest(word, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    static int distance(String a, String b) {
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
}
