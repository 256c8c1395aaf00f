package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ops.Pipeline;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRecipeOutputTest {
    private final JobRecipe recipe = new JobRecipe("/photos", "/photos/_derived/j/thumb", Pipeline.parse(List.of("thumbnail:64"), "png"));

    @Test
    void outputsStayUnderTheOutputFolder() {
        assertNull(recipe.outputRefusal("/photos/2024/a b.jpg"));
        assertEquals("/photos/_derived/j/thumb/2024/a b.jpg.png", recipe.outputFor("/photos/2024/a b.jpg"));
        assertNull(recipe.outputRefusal("/elsewhere/c.jpg"), "outside the input folder: its name alone, under the output folder");
        for (String escaping : List.of("/photos/../../etc/passwd", "/photos/a/../../../x.jpg", "/photos/./a.jpg", "/photos//a.jpg", "/photos/..")) {
            String refusal = recipe.outputRefusal(escaping);
            assertTrue(refusal != null && refusal.startsWith("refused: its output would not stay under the job's output folder"), escaping + ": " + refusal);
        }
    }
}
