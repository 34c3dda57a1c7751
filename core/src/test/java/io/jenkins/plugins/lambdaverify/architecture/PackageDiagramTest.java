package io.jenkins.plugins.lambdaverify.architecture;

import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;

/** The package diagram readers see (docs/design.puml) is the one the build checks. */
@AnalyzeClasses(packages = "io.jenkins.plugins.lambdaverify", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDiagramTest {

    private static URL diagram() {
        try {
            return Path.of("..", "docs", "design.puml").toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ArchTest
    static final ArchRule CODE_FOLLOWS_THE_DIAGRAM = classes()
            .should(adhereToPlantUmlDiagram(diagram(), consideringOnlyDependenciesInDiagram()));

    @ArchTest
    static final ArchRule NO_CYCLES = SlicesRuleDefinition.slices()
            .matching("io.jenkins.plugins.lambdaverify.(*)..").should().beFreeOfCycles();
}
