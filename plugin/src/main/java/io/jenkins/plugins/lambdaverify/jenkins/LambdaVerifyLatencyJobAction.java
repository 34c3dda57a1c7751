package io.jenkins.plugins.lambdaverify.jenkins;

import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.LinesChartModel;
import edu.hm.hafner.echarts.LinesDataSet;
import hudson.model.Job;
import io.jenkins.plugins.echarts.AsyncTrendJobAction;
import io.jenkins.plugins.echarts.JenkinsPalette;

/** The job page's second chart: p95 latency (ms) and cold starts per build. Chart only, no sidebar link. */
public class LambdaVerifyLatencyJobAction extends AsyncTrendJobAction<LambdaVerifyBuildAction> {
    public LambdaVerifyLatencyJobAction(Job<?, ?> owner) {
        super(owner, LambdaVerifyBuildAction.class);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Texts.get("LatencyJobAction.displayName");
    }

    @Override
    public String getUrlName() {
        return "lambda-verify-latency";
    }

    @Override
    protected LinesChartModel createChartModel() {
        LinesDataSet data =
                new LatencySeriesBuilder().createDataSet(new ChartModelConfiguration(), createBuildHistory());
        LinesChartModel model = new LinesChartModel(data);
        model.useContinuousRangeAxis();
        model.addSeries(
                LambdaVerifyJobAction.series(data, LatencySeriesBuilder.P95, "Trend.p95", JenkinsPalette.INDIGO, false),
                LambdaVerifyJobAction.series(
                        data, LatencySeriesBuilder.COLD_STARTS, "Trend.coldStarts", JenkinsPalette.CYAN, false));
        return model;
    }
}
