package io.tessera.engine.worker;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.BytePointer;

/**
 * A whole input in native memory, not on the Java heap: inputs of megabytes would be "humongous" objects there, and a
 * worker allocating one per image kept the G1 collector in back-to-back concurrent cycles (about 7 ms of CPU per image
 * with a default heap). The memory is freed, and the input's share of the {@link InputBudget} given back, when the
 * last holder lets go: the image lane that read it and, while it runs, the computation decoding it (which may outlive
 * the lane's wait after the per-image time limit). Never through the garbage collector.
 */
final class InputBytes implements AutoCloseable {
    private final BytePointer memory;
    private final ByteBuffer bytes;
    private final InputBudget.Lease share;
    private final AtomicInteger holders = new AtomicInteger(1);
    private boolean closedByCreator;

    private InputBytes(BytePointer memory, ByteBuffer bytes, InputBudget.Lease share) {
        this.memory = memory;
        this.bytes = bytes;
        this.share = share;
    }

    /** Room for {@code length} bytes, held by the caller; {@code share} is given back with the memory. */
    static InputBytes allocate(int length, InputBudget.Lease share) {
        if (length == 0) {
            return new InputBytes(null, ByteBuffer.allocateDirect(0), share);
        }
        BytePointer memory = new BytePointer((long) length);
        return new InputBytes(memory, memory.capacity(length).asByteBuffer(), share);
    }

    /** The bytes, for filling or reading (a view of its own each time: position 0, limit the length). */
    ByteBuffer buffer() {
        return bytes.duplicate().clear();
    }

    int length() {
        return bytes.capacity();
    }

    /** A copy on the heap (tests, small files). */
    byte[] toArray() {
        byte[] copy = new byte[length()];
        buffer().get(copy);
        return copy;
    }

    /** Another holder (a computation reading the bytes); false when the memory is freed already. */
    boolean hold() {
        while (true) {
            int now = holders.get();
            if (now == 0) {
                return false;
            }
            if (holders.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** A holder lets go; the last frees the memory and gives the budget share back. */
    void release() {
        if (holders.decrementAndGet() == 0) {
            if (memory != null) {
                memory.close();
            }
            share.close();
        }
    }

    /** The creator lets go (once; later calls do nothing). */
    @Override
    public synchronized void close() {
        if (!closedByCreator) {
            closedByCreator = true;
            release();
        }
    }
}
