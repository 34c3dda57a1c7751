package io.jenkins.plugins.lambdaverify.jenkins;

import edu.hm.hafner.echarts.SeriesBuilder;
import io.jenkins.plugins.lambdaverify.summary.BuildSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per build: passed, failed and errored checks, failing log findings and rollbacks. */
class OutcomeSeriesBuilder extends SeriesBuilder<LambdaVerifyBuildAction> {
    static final String PASSED = "passed";
    static final String FAILED = "failed";
    static final String ERRORS = "errors";
    static final String FINDINGS = "findings";
    static final String ROLLBACKS = "rollbacks";

    @Override
    protected Map<String, Integer> computeSeries(LambdaVerifyBuildAction action) {
        return series(action.getResult());
    }

    static Map<String, Integer> series(BuildSummary report) {
        Map<String, Integer> series = new LinkedHashMap<>();
        series.put(PASSED, report.getPassedCount());
        series.put(FAILED, report.getFailed());
        series.put(ERRORS, report.getErrors());
        series.put(FINDINGS, report.getFailingFindings());
        series.put(ROLLBACKS, report.getRollbacks());
        return series;
    }
}
