package io.jenkins.plugins.lambdaverify.jenkins;

import hudson.util.XStream2;
import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import io.jenkins.plugins.lambdaverify.summary.VerificationSummary;
import io.jenkins.plugins.util.AbstractXmlStream;
import java.util.List;

/** Reads and writes a build's {@link BuildSummary} next to its build.xml, with stable element names. */
class ReportXmlStream extends AbstractXmlStream<BuildSummary> {
    ReportXmlStream() {
        super(BuildSummary.class);
    }

    @Override
    protected BuildSummary createDefaultValue() {
        return new BuildSummary(List.of());
    }

    @Override
    protected void configureXStream(XStream2 xStream) {
        xStream.alias("lambdaVerifyReport", BuildSummary.class);
        xStream.alias("verification", VerificationSummary.class);
        xStream.alias("phase", VerificationSummary.Phase.class);
        xStream.alias("check", VerificationSummary.Check.class);
        xStream.alias("finding", VerificationSummary.Finding.class);
        xStream.alias("rollback", VerificationSummary.Rollback.class);
    }
}
