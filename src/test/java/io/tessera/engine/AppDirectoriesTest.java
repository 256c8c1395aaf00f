package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void followsXdgDefaultsUnderTheHomeFolder() {
        AppDirectories dirs = AppDirectories.resolve(Map.of(), null, HOME);
        assertEquals(Path.of("/home/ann/.config/tessera"), dirs.config());
        assertEquals(Path.of("/home/ann/.local/share/tessera"), dirs.data());
        assertEquals(Path.of("/home/ann/.local/share/tessera/local-cluster"), dirs.localCluster());
    }

    @Test
    void honoursXdgVariablesButIgnoresRelativeOnesAsTheSpecSays() {
        AppDirectories dirs = AppDirectories.resolve(Map.of("XDG_DATA_HOME", "/srv/data", "XDG_CONFIG_HOME", "relative/cfg"), null, HOME);
        assertEquals(Path.of("/srv/data/tessera"), dirs.data());
        assertEquals(Path.of("/home/ann/.config/tessera"), dirs.config());
    }

    @Test
    void tesseraHomePutsEverythingUnderOneFolderAndThePropertyWins() {
        assertEquals(Path.of("/opt/t/data"), AppDirectories.resolve(Map.of("TESSERA_HOME", "/opt/t"), null, HOME).data());
        assertEquals(Path.of("/p/config"), AppDirectories.resolve(Map.of("TESSERA_HOME", "/opt/t"), "/p", HOME).config());
    }
}
