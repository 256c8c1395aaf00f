package io.tessera.engine.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.engine.store.TemporaryNames;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeftOutTest {

    @Test
    void eachFileLeftOutHasOneReasonTheFirstThatApplies() {
        assertEquals(Optional.empty(), HdfsImageLister.leftOut("set/a.jpg"));
        assertEquals(Optional.of(LeftOut.Reason.HIDDEN_NAME), HdfsImageLister.leftOut("..%2F..%2Fescape.jpg"));
        assertEquals(Optional.empty(), HdfsImageLister.leftOut("set/_MG_0001.JPG"));
        assertEquals(Optional.of(LeftOut.Reason.IN_HIDDEN_FOLDER), HdfsImageLister.leftOut("_derived/job/a.jpg.png"));
        assertEquals(Optional.of(LeftOut.Reason.IN_HIDDEN_FOLDER), HdfsImageLister.leftOut("set/.thumbnails/.a.jpg"));
        assertEquals(Optional.of(LeftOut.Reason.TEMPORARY), HdfsImageLister.leftOut("_derived/" + TemporaryNames.of(TemporaryNames.Kind.OUTPUT, "a.png")));
        assertEquals(Optional.of(LeftOut.Reason.NOT_AN_IMAGE), HdfsImageLister.leftOut("set/notes.txt"));
    }

    @Test
    void anEstimateSaysWhatWasLeftOutInWords() {
        assertEquals(List.of(), LeftOut.NONE.phrases());
        assertEquals(List.of("1 hidden file left out (its name starts with '.')"), new LeftOut(0, 0, 1, 0).phrases());
        assertEquals(List.of("3 hidden files left out (their names start with '.')",
                "1 file in hidden folders left out (a folder name starts with '.' or '_')",
                "2 files without an image extension left out",
                "1 unfinished write left out (temporary files of uploads or jobs)"), new LeftOut(1, 1, 3, 2).phrases());
    }
}
