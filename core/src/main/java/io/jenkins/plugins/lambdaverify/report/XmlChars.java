package io.jenkins.plugins.lambdaverify.report;

import java.util.regex.Pattern;

/** Makes any text safe to put into an XML 1.0 document: log lines carry colour codes and stray control bytes. */
public final class XmlChars {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");

    private XmlChars() {
    }

    /**
     * The text without ANSI escape sequences and without the characters XML 1.0 forbids (controls other than tab,
     * line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF). {@code null} becomes {@code ""}.
     */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String noAnsi = text.indexOf('\u001B') >= 0 ? ANSI.matcher(text).replaceAll("") : text;
        StringBuilder sb = new StringBuilder(noAnsi.length());
        noAnsi.codePoints().filter(XmlChars::allowed).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Like {@link #clean}, with line breaks and tabs turned into spaces: attribute values stay on one line. */
    public static String cleanOneLine(String text) {
        return clean(text).replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static boolean allowed(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
