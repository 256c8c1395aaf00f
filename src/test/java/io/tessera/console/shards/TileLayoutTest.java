package io.tessera.console.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shard map's layout: inside its area, areas proportional to weights, no slivers, clicks find their tile. */
class TileLayoutTest {

    @Test
    void fiveThousandTilesFitTheAreaWithAreasProportionalToTheirWeightsAndNoSlivers() {
        double[] weights = new double[5_000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1_000 + (i * 7919 % 1_000);
        }
        TileLayout layout = TileLayout.compute(weights, null, 900, 600);

        double minHeight = Double.MAX_VALUE;
        for (int i = 0; i < weights.length; i++) {
            assertTrue(layout.x(i) >= -1e-6 && layout.x(i) + layout.width(i) <= 900 + 1e-6, "tile " + i + " inside horizontally");
            assertTrue(layout.y(i) >= -1e-6 && layout.y(i) + layout.height(i) <= 600 + 0.5, "tile " + i + " inside vertically");
            minHeight = Math.min(minHeight, layout.height(i));
        }
        double ratio0 = layout.width(0) * layout.height(0) / weights[0];
        double ratio1 = layout.width(4_321) * layout.height(4_321) / weights[4_321];
        assertEquals(ratio0, ratio1, ratio0 * 1e-9, "area per byte is the same for every tile");
        double meanSide = Math.sqrt(900 * 600 / 5_000.0);
        assertTrue(minHeight > meanSide * 0.5, "no sliver rows: min height " + minHeight + " vs mean side " + meanSide);
        assertEquals(4_321, layout.tileAt(layout.x(4_321) + 0.5, layout.y(4_321) + 0.5));
        assertEquals(-1, layout.tileAt(-5, -5));
    }

    @Test
    void zeroByteShardsStillGetAVisibleTile() {
        double[] weights = new double[100];
        Arrays.fill(weights, 1_000_000);
        weights[10] = 0;
        TileLayout layout = TileLayout.compute(weights, null, 500, 500);
        assertTrue(layout.width(10) * layout.height(10) > 0.5, "visible");
    }
}
