package io.tessera.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.junit.jupiter.api.Test;

/** The bundled OpenCV loads on this JDK, has the codecs the engine relies on, and runs one thread per call. */
class OpenCvTest {

    @Test
    void loadsWithTheCodecsTheEngineUses() {
        OpenCv.load();
        assertTrue(OpenCv.version().startsWith("4."), OpenCv.version());
        for (String ext : new String[] {".jpg", ".png", ".webp", ".tiff", ".bmp", ".gif"}) {
            assertTrue(opencv_imgcodecs.haveImageWriter("x" + ext), "writes " + ext);
        }
        assertEquals(Integer.getInteger(OpenCv.THREADS_PROPERTY, 1), opencv_core.getNumThreads());
    }
}
