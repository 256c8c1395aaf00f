package io.tessera.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.tessera.testing.FxTest;

/** Every test class that drives a stage is tagged {@link FxTest}, so the suite runs it apart from the parallel JVMs. */
@AnalyzeClasses(packages = "io.tessera", importOptions = ImportOption.OnlyIncludeTests.class)
class FxTestsAreTaggedTest {
    @ArchTest
    static final ArchRule stageDrivingTestsAreTagged = classes().that().haveSimpleNameEndingWith("Test")
            .or().haveSimpleNameEndingWith("IT")
            .should(beTaggedWhenTheyDriveAStage())
            .because("TestFX tests share one stage per JVM and run one at a time in the fx-tests execution (pom.xml)");

    static ArchCondition<JavaClass> beTaggedWhenTheyDriveAStage() {
        return new ArchCondition<>("be annotated @FxTest when they use TestFX's robot or toolkit, or the HDFS panel harness") {
            @Override
            public void check(JavaClass test, ConditionEvents events) {
                boolean drivesAStage = test.getDirectDependenciesFromSelf().stream().anyMatch(d ->
                        d.getTargetClass().getPackageName().equals("org.testfx.api")
                                || d.getTargetClass().getName().equals("io.tessera.console.hdfs.PanelHarness"));
                if (drivesAStage && !test.isAnnotatedWith(FxTest.class)) {
                    events.add(SimpleConditionEvent.violated(test, test.getName() + " drives a stage but is not @FxTest"));
                }
            }
        };
    }
}
