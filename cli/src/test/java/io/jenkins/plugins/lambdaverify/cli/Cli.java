package io.jenkins.plugins.lambdaverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs the CLI in-process, as {@code main} would but with captured streams, and keeps what a user would see. */
final class Cli {
    private Cli() {
    }

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LambdaVerifyCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Result r = new Result(code, out.toString(), err.toString());
        // Whatever happened, a user never sees a Java stack trace.
        assertThat(r.err()).as("stderr of %s", Arrays.toString(args)).doesNotContain("Exception in thread")
                .doesNotContainPattern("(?m)^\\s*at [\\w$.]+\\(")
                .doesNotContain("\tat ");
        assertThat(r.out()).as("stdout of %s", Arrays.toString(args)).doesNotContain("\tat ");
        return r;
    }

    /** {@code base} followed by {@code more}. */
    static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
