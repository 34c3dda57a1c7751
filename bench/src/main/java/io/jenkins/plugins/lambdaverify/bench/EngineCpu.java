package io.jenkins.plugins.lambdaverify.bench;

import java.lang.management.ManagementFactory;

/**
 * Run in its own JVM: the process CPU time (all threads: the engine's workers, JIT and GC included) per check on
 * the in-process path, after a warm-up. Prints {@code RESULT cpuMicrosPerCheck=<x> checks=<n>}.
 */
public final class EngineCpu {
    private EngineCpu() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        EngineFixture fixture = new EngineFixture(8);
        long warmEnd = System.nanoTime() + seconds * 1_000_000_000L / 2;
        while (System.nanoTime() < warmEnd) {
            fixture.run();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long runs = 0;
        while (System.nanoTime() < end) {
            fixture.run();
            runs++;
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        long checks = runs * EngineFixture.CHECKS;
        System.out.printf(java.util.Locale.ROOT, "RESULT cpuMicrosPerCheck=%.2f checks=%d%n", cpu / 1e3 / checks, checks);
    }
}
