package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job action factory's check: a verification's file in one of the latest build directories, nothing loaded. */
class RecentVerificationsTest {
    private static final String FILE = "lambda-verify.xml";

    @TempDir
    Path builds;

    @Test
    void aJobThatNeverVerifiedHasNoTrend() throws Exception {
        Files.createDirectories(builds.resolve("1"));
        Files.writeString(builds.resolve("1/build.xml"), "<build/>");

        assertThat(RecentVerifications.any(builds.toFile(), FILE, 2, 10)).isFalse();
        assertThat(RecentVerifications.any(builds.toFile(), FILE, 1, 10)).isFalse(); // no build yet
    }

    @Test
    void onlyTheLatestBuildNumbersAreLookedAt() throws Exception {
        Files.createDirectories(builds.resolve("5"));
        Files.writeString(builds.resolve("5/lambda-verify.xml"), "<summary/>");

        assertThat(RecentVerifications.any(builds.toFile(), FILE, 15, 10)).isTrue(); // #14 .. #5
        assertThat(RecentVerifications.any(builds.toFile(), FILE, 16, 10)).isFalse(); // #15 .. #6
        // a directory of that name is not the file
        Files.createDirectories(builds.resolve("20/lambda-verify.xml"));
        assertThat(RecentVerifications.any(builds.toFile(), FILE, 21, 10)).isFalse();
    }
}
