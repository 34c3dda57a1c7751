package io.jenkins.plugins.lambdaverify.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The baselines as Debian ships them: {@code /usr/bin/python3} with python3-boto3, and {@code /usr/bin/aws}
 * (awscli). A missing one leaves its column empty, saying why, rather than timing something else.
 */
record Clients(String boto3, String boto3Missing, String awsCli, String awsCliMissing) {
    static final String PYTHON = "/usr/bin/python3";
    static final String AWS = "/usr/bin/aws";

    static Clients detect() {
        String python = null;
        String pythonWhy = null;
        if (!Files.isExecutable(Path.of(PYTHON))) {
            pythonWhy = PYTHON + " not found (apt-get install python3 python3-boto3)";
        } else if (Processes.firstLine(List.of(PYTHON, "-c", "import boto3")) == null) {
            pythonWhy = "boto3 not importable by " + PYTHON + " (apt-get install python3-boto3)";
        } else {
            python = PYTHON;
        }
        String aws = null;
        String awsWhy = null;
        String version = Files.isExecutable(Path.of(AWS)) ? Processes.firstLine(List.of(AWS, "--version")) : null;
        if (version == null || !version.startsWith("aws-cli/")) {
            awsWhy = AWS + " not found or not working (apt-get install awscli)";
        } else {
            aws = AWS;
        }
        return new Clients(python, pythonWhy, aws, awsWhy);
    }
}
