package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ops.OpSpecException;
import io.tessera.engine.ops.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where outputs go, and the recipe's trip through a task's JSON. */
class JobRecipeTest {
    private final Pipeline thumbs = Pipeline.parse(List.of("thumbnail:256", "format:png"), null);

    @Test
    void theDefaultOutputIsBesideTheInputUnderDerivedJobAndChain() {
        assertEquals("/data/_derived/job-1/thumbnail-256", JobRecipe.defaultOutput("/data/set/", "job-1", thumbs));
        assertEquals("/_derived/j/thumbnail-256", JobRecipe.defaultOutput("/set", "j", thumbs));
    }

    @Test
    void outputsKeepThePathBelowTheInputAndTheWholeName() {
        JobRecipe recipe = new JobRecipe("/data/set", "/out", thumbs);
        assertEquals("/out/a/b c.jpg.png", recipe.outputFor("/data/set/a/b c.jpg"));
        assertEquals("/out/x.png.png", recipe.outputFor("/data/set/x.png"));
        // a.jpg and a.png stay apart
        assertTrue(!recipe.outputFor("/data/set/a.jpg").equals(recipe.outputFor("/data/set/a.png")));
    }

    @Test
    void recipesRoundTripAndBadOnesSayWhy() {
        JobRecipe recipe = new JobRecipe("/in", "/out", thumbs);
        assertEquals(recipe.input(), JobRecipe.fromJson(recipe.toJson()).input());
        assertEquals(thumbs, JobRecipe.fromJson(recipe.toJson()).pipeline());
        String bad = "{\"input\":\"/in\",\"output\":\"/out\",\"pipeline\":{\"ops\":[\"blur:-3\"]}}";
        assertTrue(assertThrows(OpSpecException.class, () -> JobRecipe.fromJson(bad)).getMessage().contains("radius"));
    }
}
