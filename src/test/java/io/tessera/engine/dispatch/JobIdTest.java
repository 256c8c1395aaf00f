package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one rule of job ids: what it accepts, and the reason it gives for what it refuses. */
class JobIdTest {

    @Test
    void plainIdsAreAccepted() {
        for (String good : new String[] {"j1", "thumbs-20261129-0142-7f3a", "retry-20261206-0930-00ff", "Job_2.v3", "a", "x".repeat(120)}) {
            assertEquals(good, JobId.of(good).value());
            assertTrue(JobId.isValid(good), good);
        }
    }

    @Test
    void everythingElseIsRefusedWithAReason() {
        assertRefused("", "it is empty");
        assertRefused(null, "it is empty");
        assertRefused("x".repeat(121), "this one has 121 characters");
        assertRefused("a/b", "'a/b' contains '/'");
        assertRefused("..", "'..' contains '..'");
        assertRefused("a..b", "'a..b' contains '..'");
        assertRefused("a b", "'a b' contains a space");
        assertRefused("a\tb", "'a<U+0009>b' contains U+0009");
        assertRefused("a\u0000b", "'a<U+0000>b' contains U+0000");
        assertRefused("jobs*", "'jobs*' contains '*'");
        assertRefused("job?", "'job?' contains '?'");
        assertRefused("a:b", "'a:b' contains ':'");
        assertRefused(".hidden", "'.hidden' starts with '.'");
        assertRefused("-rf", "'-rf' starts with '-'");
        assertRefused("all", "'all' is the channel of every job");
        assertRefused("фото", "'<U+0444><U+043E><U+0442><U+043E>' contains U+0444");
    }

    @Test
    void theKeysAndThePathsUseTheSameRule() {
        assertThrows(IllegalArgumentException.class, () -> DispatchKeys.DEFAULT.job("a b"));
        assertThrows(IllegalArgumentException.class, () -> io.tessera.engine.shard.TesseraPaths.job("../x"));
        assertFalse(JobId.isValid("x*"));
    }

    private static void assertRefused(String id, String problem) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> JobId.of(id), id);
        assertTrue(refused.getMessage().startsWith("a job id is 1-120 letters, digits, '.', '_' or '-', starting with a letter or a digit"),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; " + problem), refused.getMessage());
    }
}
