package io.jenkins.plugins.lambdaverify.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.jenkins.plugins.lambdaverify.aws.AwsClientFactory;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.logs.CloudWatchLogSource;
import io.jenkins.plugins.lambdaverify.logs.LogCorrelator;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogScan;
import io.jenkins.plugins.lambdaverify.logs.LogScanResult;
import io.jenkins.plugins.lambdaverify.logs.LogScanner;
import io.jenkins.plugins.lambdaverify.logs.SettlePolicy;
import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Run in its own JVM with a small {@code -Xmx}: one log scan as a run does it (the real SDK CloudWatchLogsClient,
 * FilterLogEvents paginator, version scoping, the default patterns, request-id correlation), then prints
 * {@code RESULT events=.. seconds=.. liveAfterGcMax=.. heapPeak=.. findings=..}. The heap left after each
 * collection is the memory the scan holds; its maximum must not grow with the number of events.
 */
public final class LogScanFork {
    private LogScanFork() {
    }

    public static void main(String[] args) {
        String endpoint = args[0];
        long total = Long.parseLong(args[1]);
        AtomicLong liveMax = new AtomicLong();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code")
                                && !e.getKey().contains("Compressed")) {
                            used += e.getValue().getUsed();
                        }
                    }
                    liveMax.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        AwsSettings settings = new AwsSettings("eu-west-1", null, endpoint, null, null, null, null,
                Map.of("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK", "AWS_SECRET_ACCESS_KEY", "benchmark"), false, null);
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requestIds.add(GeneratedLogsEndpoint.requestId(i * 8L * 997));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LogScanResult result;
        long start;
        long cpuStart;
        try (AwsClientFactory clients = AwsClientFactory.create(settings)) {
            clients.logs(); // building the client is start-up (measured as such), not scanning
            start = System.nanoTime();
            cpuStart = os.getProcessCpuTime();
            LogQuery query = new LogQuery("/aws/lambda/SleepFunction", GeneratedLogsEndpoint.START,
                    GeneratedLogsEndpoint.START.plus(Duration.ofDays(30)), java.util.Set.of("7"), null);
            result = LogScan.run(new CloudWatchLogSource(clients.logs(), SettlePolicy.none()), query,
                    LogScanner.forSpec(LogScanSpec.defaults(), "python3.11"), new LogCorrelator(requestIds));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long read = result.read().delivered() + result.read().outOfScope();
        if (read != total) {
            throw new IllegalStateException("read " + read + " events of " + total);
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        // What the scan still holds once its garbage is gone (the result itself included): a leak grows this.
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long matched = result.findings().stream().mapToLong(f -> f.count()).sum();
        System.out.printf(java.util.Locale.ROOT,
                "RESULT events=%d seconds=%.3f cpuSeconds=%.3f liveAfterGcMax=%d retained=%d heapPeak=%d maxHeap=%d matched=%d%n", read, seconds,
                cpuSeconds, liveMax.get(), retained, heapPeak, Runtime.getRuntime().maxMemory(), matched);
    }
}
