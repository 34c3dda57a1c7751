package io.jenkins.plugins.lambdaverify.spec;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An expectation on the JSON body at a JSON Pointer (RFC 6901), e.g. {@code /status}.
 *
 * @param pointer  the JSON Pointer
 * @param equalTo  the node must equal this (numbers compared by value)
 * @param contains text value contains this, or an array contains an element equal to it (as text)
 * @param matches  the text value matches this regex (find)
 * @param exists   the pointer must (true) or must not (false) resolve
 */
public record JsonExpectation(String pointer, JsonNode equalTo, String contains, Pattern matches, Boolean exists) {
    public String describe() {
        if (equalTo != null) {
            return "json " + pointer + " = " + equalTo;
        }
        if (contains != null) {
            return "json " + pointer + " contains " + contains;
        }
        if (matches != null) {
            return "json " + pointer + " ~ /" + matches.pattern() + "/";
        }
        return Boolean.FALSE.equals(exists) ? "json " + pointer + " absent" : "json " + pointer + " exists";
    }
}
