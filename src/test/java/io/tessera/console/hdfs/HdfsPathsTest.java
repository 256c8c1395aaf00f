package io.tessera.console.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HdfsPathsTest {
    @Test
    void typedPathsAreMadeCanonical() {
        assertEquals(Optional.of("/tessera/a"), HdfsPaths.normalize(" tessera//a/ "));
        assertEquals(Optional.of("/"), HdfsPaths.normalize("/"));
        assertEquals(Optional.empty(), HdfsPaths.normalize("  "));
        assertEquals(Optional.of("/tessera/a b.jpg"), HdfsPaths.normalize("hdfs://nn.example:8020/tessera/a b.jpg"));
        assertEquals(Optional.of("/"), HdfsPaths.normalize("hdfs://nn:8020"));
    }

    @Test
    void parentsNamesAndBreadcrumbSteps() {
        assertEquals(Optional.of("/"), HdfsPaths.parent("/a"));
        assertEquals(Optional.of("/a"), HdfsPaths.parent("/a/b"));
        assertEquals(Optional.empty(), HdfsPaths.parent("/"));
        assertEquals("b c.jpg", HdfsPaths.name("/a/b c.jpg"));
        assertEquals("/x", HdfsPaths.child("/", "x"));
        assertEquals("/a/x", HdfsPaths.child("/a", "x"));
        assertEquals(List.of("/", "/a", "/a/b"), HdfsPaths.steps("/a/b"));
        assertEquals(List.of("/"), HdfsPaths.steps("/"));
    }
}
