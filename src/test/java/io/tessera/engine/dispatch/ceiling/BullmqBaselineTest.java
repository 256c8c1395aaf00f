package io.tessera.engine.dispatch.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BullmqBaselineTest {

    @Test
    void theResultIsTheLastJsonLineWhateverNodePrintedBeforeIt() {
        String printed = """
                (node:1234) Warning: something about the event loop
                {"contender":"bullmq","version":"5.81.5","jobs":20000,"concurrency":50,"addSeconds":0.75,"seconds":2.5,"jobsPerSecond":8000}
                """;
        assertEquals(new BullmqBaseline.Run("5.81.5", 20_000, 50, 0.75, 2.5), BullmqBaseline.parse(printed));
    }

    @Test
    void noResultIsAClearErrorNamingWhatWasPrinted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BullmqBaseline.parse("Error: connect ECONNREFUSED 127.0.0.1:6379\n"));
        assertTrue(e.getMessage().contains("printed no result") && e.getMessage().contains("ECONNREFUSED"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BullmqBaseline.parse("{not json"));
    }

    @Test
    void withoutItsFolderTheBaselineIsLeftOutWithTheReason(@TempDir Path empty) throws Exception {
        List<String> said = new ArrayList<>();
        assertTrue(BullmqBaseline.prepare(empty, said::add).isEmpty());
        assertTrue(said.getFirst().startsWith("BullMQ baseline left out"), said.toString());
    }
}
