package io.jenkins.plugins.lambdaverify.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Reporters are pure renderers of a RunReport: no AWS SDK, no engine, no I/O beyond the files they are given. */
class ReportPurityTest {

    @Test
    void reportDependsOnlyOnResultsTheJdkAndJackson() {
        JavaClasses report = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.lambdaverify.report");
        classes().that().resideInAPackage("io.jenkins.plugins.lambdaverify.report")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.jenkins.plugins.lambdaverify.report..", "io.jenkins.plugins.lambdaverify.result..",
                        "io.jenkins.plugins.lambdaverify.secret..", "java..", "javax.xml.stream..", "tools.jackson..")
                .check(report);
    }

    @Test
    void theMaskingRulesDependOnlyOnTheJdk() {
        // Both the log scan and the reports use them: they must stay a leaf anything may call.
        JavaClasses secret = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.lambdaverify.secret");
        classes().that().resideInAPackage("io.jenkins.plugins.lambdaverify.secret")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.lambdaverify.secret..",
                        "java..")
                .check(secret);
    }
}
