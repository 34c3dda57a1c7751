package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.engine.Redactor;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;

/** The engine's {@link Redactor} port, served by the reporters' {@link SecretMasker}: one set of masking rules. */
public record MaskingRedactor(SecretMasker masker) implements Redactor {
    @Override
    public String text(String text) {
        return text == null ? null : masker.maskText(text);
    }

    @Override
    public String path(String pathWithQuery) {
        return pathWithQuery == null ? null : masker.maskPath(pathWithQuery);
    }
}
