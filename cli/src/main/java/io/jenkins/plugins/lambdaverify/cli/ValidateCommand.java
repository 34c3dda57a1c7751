package io.jenkins.plugins.lambdaverify.cli;

import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks a config without running anything: for pre-commit hooks and PR checks. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a config file and print what it would verify; runs nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "lambda-verify.yaml",
            description = "Config file (default: ${DEFAULT-VALUE})")
    Path config;

    @Override
    public Integer call() {
        VerifySpec spec = SpecLoader.load(config, "pass another with -c");
        var out = commandSpec.commandLine().getOut();
        out.printf("%s is valid: %d phase(s), %d check(s)%n", config, spec.phases().size(), spec.checkCount());
        spec.phases().forEach(p -> {
            out.printf("  %s%n", p.name());
            p.checks().forEach(c -> out.printf("    %s%n", c.name()));
        });
        out.flush();
        return ExitCodes.PASSED;
    }
}
