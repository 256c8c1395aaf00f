package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.engine.ops.Pipeline;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaleOutputSweepTest {

    @Test
    void theFoldersSweptAreWhereTheOutputsOfTheImagesGoOnceEach() {
        JobRecipe recipe = new JobRecipe("/data/set", "/out/job", Pipeline.parse(List.of("thumbnail:64"), "png"));
        assertEquals(Set.of("/out/job", "/out/job/a", "/out/job/a/b"), StaleOutputSweep.outputFolders(recipe,
                List.of("/data/set/x.jpg", "/data/set/a/y.jpg", "/data/set/a/z.jpg", "/data/set/a/b/w.jpg")));
    }
}
