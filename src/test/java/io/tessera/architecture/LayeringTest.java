package io.tessera.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/** The layers of the brief: a UI-free engine, and a console and CLI that reach the servers only through it. */
@AnalyzeClasses(packages = "io.tessera", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    static final String[] SERVER_PACKAGES = {"org.apache.hadoop", "org.apache.curator", "org.apache.zookeeper", "redis.clients"};

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

    /**
     * The rules above see a dependency on a class; a call through a returned type is not one (say
     * {@code new StreamInspector(connection.redis())}: the console names neither Jedis type). This one looks at every
     * call, constructor call, method reference and field access of the console and the CLI: its owner, its parameter
     * types and its return type (or the field's type) must not be a server client type.
     */
    @ArchTest
    static final ArchRule consoleAndCliReachNoServerTypeByAnyRoute = classes().that().resideInAnyPackage("io.tessera.console..", "io.tessera.cli..")
            .should(reachNoServerType())
            .because("the console and the CLI reach the servers only through engine services (ClusterServices)");

    static ArchCondition<JavaClass> reachNoServerType() {
        return new ArchCondition<>("reach no Hadoop, Curator, ZooKeeper or Jedis type through a call, a parameter, a return type or a field") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaAccess<?> access : item.getAccessesFromSelf()) {
                    for (JavaClass touched : typesOf(access.getTarget())) {
                        if (isServerType(touched)) {
                            events.add(SimpleConditionEvent.violated(access, access.getDescription() + " reaches " + touched.getName()));
                        }
                    }
                }
            }
        };
    }

    private static List<JavaClass> typesOf(AccessTarget target) {
        List<JavaClass> types = new ArrayList<>();
        types.add(target.getOwner());
        if (target instanceof AccessTarget.CodeUnitAccessTarget codeUnit) {
            types.addAll(codeUnit.getRawParameterTypes());
            types.add(codeUnit.getRawReturnType());
        } else if (target instanceof AccessTarget.FieldAccessTarget field) {
            types.add(field.getRawType());
        }
        return types;
    }

    private static boolean isServerType(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        String name = base.getName();
        for (String server : SERVER_PACKAGES) {
            if (name.startsWith(server + ".")) {
                return true;
            }
        }
        return false;
    }
}
