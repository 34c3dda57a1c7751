package io.jenkins.plugins.lambdaverify.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = LambdaVerifyCommand.class.getPackage().getImplementationVersion();
        return new String[] {"lambda-verify " + (v != null ? v : "development"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
