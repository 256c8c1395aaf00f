package io.tessera.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the brief: a UI-free engine, and a console that reaches the servers only through it. */
@AnalyzeClasses(packages = "io.tessera", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule engineHasNoJavaFx = noClasses().that().resideInAPackage("io.tessera.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
            .because("the engine runs headless in workers");

    @ArchTest
    static final ArchRule engineDoesNotKnowItsCallers = noClasses().that().resideInAPackage("io.tessera.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tessera.console..", "io.tessera.cli..");

    @ArchTest
    static final ArchRule consoleTalksToServersOnlyThroughTheEngine = noClasses().that().resideInAPackage("io.tessera.console..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.hadoop..", "org.apache.curator..", "org.apache.zookeeper..", "redis.clients..")
            .because("the UI never calls Hadoop, Curator or Jedis directly");

    @ArchTest
    static final ArchRule cliTalksToServersOnlyThroughTheEngine = noClasses().that().resideInAPackage("io.tessera.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.hadoop..", "org.apache.curator..", "org.apache.zookeeper..", "redis.clients..");
}
