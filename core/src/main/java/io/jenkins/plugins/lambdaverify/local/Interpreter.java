package io.jenkins.plugins.lambdaverify.local;

import java.nio.file.Path;

/**
 * A resolved interpreter.
 *
 * @param language   what it runs
 * @param executable the real executable (shims such as pyenv's resolved), run without a shell
 * @param version    its version, e.g. {@code 3.11.7} or {@code v20.20.2}
 */
public record Interpreter(RuntimeLanguage language, Path executable, String version) {
}
