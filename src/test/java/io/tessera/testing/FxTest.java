package io.tessera.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that shows the console headless (TestFX, Monocle). The suite runs these after the others, one class at a time
 * in one JVM (pom.xml, execution fx-tests), where the rest runs in two JVMs side by side: they share one primary stage
 * per JVM and wait on layouts and pulses, which a second test JVM beside them made late enough to fail.
 * {@code FxTestsAreTaggedTest} checks that every test class that drives a stage carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(FxTest.TAG)
public @interface FxTest {
    String TAG = "fx";
}
