package io.jenkins.plugins.lambdaverify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** core is the engine every front end shares: it must not know Jenkins, Stapler or picocli. */
@AnalyzeClasses(packages = "io.jenkins.plugins.lambdaverify", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule CORE_KNOWS_NO_FRONT_END = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..",
                    "org.jenkinsci..", "picocli..", "io.jenkins.plugins.lambdaverify.jenkins..",
                    "io.jenkins.plugins.lambdaverify.cli..")
            .because("core is shared by the CLI and the Jenkins plugin (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule EVALUATION_IS_PURE = noClasses()
            .that().resideInAnyPackage("..lambdaverify.check..", "..lambdaverify.spec..", "..lambdaverify.result..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "java.net.http..")
            .because("evaluation and the model are pure: AWS is reached only through the adapters");
}
