package io.jenkins.plugins.lambdaverify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The machine the figures come from, as the results table states it. */
record Machine(String cpu, int cores, String memory, String os, String jdk, String python, String boto3,
               String awsCli, Instant at) {
    static Machine describe() {
        String cpu = grep(Path.of("/proc/cpuinfo"), "model name");
        String mem = grep(Path.of("/proc/meminfo"), "MemTotal");
        String python = Processes.firstLine(List.of(Clients.PYTHON, "--version"));
        String boto3 = Processes.firstLine(List.of(Clients.PYTHON, "-c", "import boto3; print(boto3.__version__)"));
        String aws = Processes.firstLine(List.of(Clients.AWS, "--version"));
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        String prettyOs = grep(Path.of("/etc/os-release"), "PRETTY_NAME");
        return new Machine(cpu == null ? "unknown" : cpu, Runtime.getRuntime().availableProcessors(),
                mem == null ? "unknown" : mem,
                (prettyOs == null ? "" : prettyOs.replace("\"", "") + ", ") + os,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                python == null ? "not installed" : python, boto3 == null ? "not installed" : boto3,
                aws == null ? "not installed" : aws, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String grep(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(l.contains(":") ? ':' : '=') + 1).strip()).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
