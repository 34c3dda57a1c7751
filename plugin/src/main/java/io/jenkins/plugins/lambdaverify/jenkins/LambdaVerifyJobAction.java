package io.jenkins.plugins.lambdaverify.jenkins;

import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import edu.hm.hafner.echarts.LinesDataSet;
import hudson.model.Job;
import io.jenkins.plugins.echarts.AsyncTrendJobAction;
import io.jenkins.plugins.echarts.JenkinsPalette;

/**
 * The job page's verification trend: passed, failed and errored checks, log findings and rollbacks per build. Unlike
 * the JUnit trend it includes FAILURE builds: every build with a verification is a point.
 */
public class LambdaVerifyJobAction extends AsyncTrendJobAction<LambdaVerifyBuildAction> {
    public LambdaVerifyJobAction(Job<?, ?> owner) {
        super(owner, LambdaVerifyBuildAction.class);
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return Texts.get("JobAction.displayName");
    }

    @Override
    public String getUrlName() {
        return LambdaVerifyBuildAction.URL_NAME;
    }

    @Override
    protected LinesChartModel createChartModel() {
        LinesDataSet data =
                new OutcomeSeriesBuilder().createDataSet(new ChartModelConfiguration(), createBuildHistory());
        LinesChartModel model = new LinesChartModel(data);
        model.addSeries(
                series(data, OutcomeSeriesBuilder.PASSED, "Trend.passed", JenkinsPalette.GREEN, true),
                series(data, OutcomeSeriesBuilder.FAILED, "Trend.failed", JenkinsPalette.RED, true),
                series(data, OutcomeSeriesBuilder.ERRORS, "Trend.errors", JenkinsPalette.ORANGE, true),
                series(data, OutcomeSeriesBuilder.FINDINGS, "Trend.findings", JenkinsPalette.PURPLE, false),
                series(data, OutcomeSeriesBuilder.ROLLBACKS, "Trend.rollbacks", JenkinsPalette.BLUE, false));
        return model;
    }

    static LineSeries series(LinesDataSet data, String key, String textKey, JenkinsPalette color, boolean stacked) {
        LineSeries series = new LineSeries(
                Texts.get(textKey),
                color.normal(),
                stacked ? LineSeries.StackedMode.STACKED : LineSeries.StackedMode.SEPARATE_LINES,
                stacked ? LineSeries.FilledMode.FILLED : LineSeries.FilledMode.LINES);
        series.addAll(data.getSeries(key));
        return series;
    }
}
