package io.jenkins.plugins.lambdaverify.jenkins;

import edu.hm.hafner.echarts.SeriesBuilder;
import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per build: the p95 latency in milliseconds and the number of cold starts. */
class LatencySeriesBuilder extends SeriesBuilder<LambdaVerifyBuildAction> {
    static final String P95 = "p95";
    static final String COLD_STARTS = "coldStarts";

    @Override
    protected Map<String, Integer> computeSeries(LambdaVerifyBuildAction action) {
        return series(action.getResult());
    }

    static Map<String, Integer> series(BuildSummary report) {
        Map<String, Integer> series = new LinkedHashMap<>();
        series.put(P95, (int) Math.min(Integer.MAX_VALUE, report.getP95LatencyMillis()));
        series.put(COLD_STARTS, report.getColdStarts());
        return series;
    }
}
