package io.tessera.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A minimal big-endian TIFF/EXIF structure: IFD0 (make, model, orientation), an EXIF sub-IFD (date) and a GPS IFD. */
final class ExifBlock {
    private ExifBlock() {}

    static byte[] tiff(String make, String model, int orientation, String dateTaken) {
        byte[] makeBytes = ascii(make);
        byte[] modelBytes = ascii(model);
        byte[] date = ascii(dateTaken); // "yyyy:MM:dd HH:mm:ss"
        int ifd0 = 8;
        int ifd0Size = 2 + 5 * 12 + 4;
        int makeAt = ifd0 + ifd0Size;
        int modelAt = makeAt + makeBytes.length;
        int subIfd = modelAt + modelBytes.length;
        int subIfdSize = 2 + 12 + 4;
        int dateAt = subIfd + subIfdSize;
        int gpsIfd = dateAt + date.length;
        int gpsIfdSize = 2 + 4 * 12 + 4;
        int latAt = gpsIfd + gpsIfdSize;
        int lonAt = latAt + 24;
        ByteBuffer b = ByteBuffer.allocate(lonAt + 24);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        b.putShort((short) 5);
        entry(b, 0x010F, 2, makeBytes.length, makeAt);
        entry(b, 0x0110, 2, modelBytes.length, modelAt);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(b, 0x8769, 4, 1, subIfd);
        entry(b, 0x8825, 4, 1, gpsIfd);
        b.putInt(0);
        b.put(makeBytes).put(modelBytes);
        b.putShort((short) 1);
        entry(b, 0x9003, 2, date.length, dateAt);
        b.putInt(0);
        b.put(date);
        b.putShort((short) 4);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        entry(b, 2, 5, 3, latAt);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        entry(b, 4, 5, 3, lonAt);
        b.putInt(0);
        b.putInt(48).putInt(1).putInt(8).putInt(1).putInt(30).putInt(1);
        b.putInt(11).putInt(1).putInt(34).putInt(1).putInt(0).putInt(1);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int valueOrOffset) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    private static byte[] ascii(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
