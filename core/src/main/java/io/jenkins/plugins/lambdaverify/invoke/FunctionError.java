package io.jenkins.plugins.lambdaverify.invoke;

import java.util.List;

/**
 * A Lambda function error ({@code X-Amz-Function-Error}): the runtime could not produce a response.
 *
 * @param kind         {@code Unhandled} or {@code Handled}, as Lambda reports it
 * @param errorType    e.g. {@code Runtime.ImportModuleError}
 * @param errorMessage e.g. {@code Unable to import module 'app': No module named 'src'}
 * @param stackTrace   first lines of the stack trace, possibly empty
 */
public record FunctionError(String kind, String errorType, String errorMessage, List<String> stackTrace) {
    public FunctionError {
        stackTrace = stackTrace == null ? List.of() : List.copyOf(stackTrace);
    }

    public String summary() {
        String type = errorType == null || errorType.isBlank() ? kind : errorType;
        return errorMessage == null || errorMessage.isBlank() ? type : type + ": " + errorMessage;
    }
}
