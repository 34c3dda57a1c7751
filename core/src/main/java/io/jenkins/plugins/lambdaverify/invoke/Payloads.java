package io.jenkins.plugins.lambdaverify.invoke;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Small helpers for raw payload bytes: bounded excerpts and strict UTF-8 decoding. */
public final class Payloads {

    /** How many characters of a payload an error message or report shows. */
    public static final int EXCERPT_CHARS = 300;

    private Payloads() {
    }

    /**
     * The first {@value #EXCERPT_CHARS} characters of a payload (invalid UTF-8 replaced), with {@code ...} when cut.
     * Only the first bytes are decoded, so a huge payload costs no more than a small one.
     */
    public static String excerpt(byte[] payload) {
        if (payload == null) {
            return "";
        }
        int bytes = Math.min(payload.length, EXCERPT_CHARS * 4);
        String head = new String(payload, 0, bytes, StandardCharsets.UTF_8);
        if (head.length() > EXCERPT_CHARS) {
            return head.substring(0, EXCERPT_CHARS) + "...";
        }
        return bytes < payload.length ? head + "..." : head;
    }

    /** The text of {@code bytes} if they are valid UTF-8, else {@code null}. */
    public static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
