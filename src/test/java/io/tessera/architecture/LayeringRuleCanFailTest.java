package io.tessera.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The any-route layering rule reports a console class that reaches Redis and HDFS through returned engine types. */
class LayeringRuleCanFailTest {

    @Test
    void aConsoleClassThatReachesServerTypesThroughTheConnectionIsReported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.tessera.console.layeringfixture");
        EvaluationResult result = LayeringTest.consoleAndCliReachNoServerTypeByAnyRoute.evaluate(fixture);

        assertTrue(result.hasViolation(), "the fixture must be reported");
        List<String> lines = result.getFailureReport().getDetails();
        String report = String.join("\n", lines);
        // the return type of ClusterConnection.redis() and the parameter of StreamInspector(UnifiedJedis) ...
        assertTrue(lines.stream().anyMatch(l -> l.contains("ClusterConnection.redis()") && l.contains("redis.clients.jedis")), report);
        assertTrue(lines.stream().anyMatch(l -> l.contains("StreamInspector.<init>") && l.contains("redis.clients.jedis.UnifiedJedis")), report);
        // ... and the HDFS client held only as an Object: seen through the call's return type alone
        assertTrue(lines.stream().anyMatch(l -> l.contains("ClusterConnection.fileSystem()") && l.contains("org.apache.hadoop.fs.FileSystem")), report);
    }
}
