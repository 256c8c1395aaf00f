package io.tessera.engine.images;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * The few POSIX calls {@link CodecChatter} and {@link OpenCv} need (file descriptors and the environment), through
 * {@code java.lang.foreign}. Empty on Windows, where these do not exist in this form.
 */
final class Libc {
    private static final Optional<Libc> INSTANCE = create();

    private final MethodHandle dup;
    private final MethodHandle dup2;
    private final MethodHandle pipe;
    private final MethodHandle read;
    private final MethodHandle write;
    private final MethodHandle close;
    private final MethodHandle setenv;
    private final MethodHandle getenv;

    private Libc(Linker linker) {
        dup = handle(linker, "dup", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        dup2 = handle(linker, "dup2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        pipe = handle(linker, "pipe", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        read = handle(linker, "read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        write = handle(linker, "write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        close = handle(linker, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        setenv = handle(linker, "setenv", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        getenv = handle(linker, "getenv", FunctionDescriptor.of(ADDRESS, ADDRESS));
    }

    static Optional<Libc> get() {
        return INSTANCE;
    }

    private static Optional<Libc> create() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Libc(Linker.nativeLinker()));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no native access granted, or an unusual libc: stay without
        }
    }

    private static MethodHandle handle(Linker linker, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = linker.defaultLookup().find(name).orElseThrow(() -> new IllegalStateException("no " + name + " in libc"));
        return linker.downcallHandle(symbol, descriptor);
    }

    int dup(int fd) {
        return (int) invoke(dup, fd);
    }

    int dup2(int from, int to) {
        return (int) invoke(dup2, from, to);
    }

    void close(int fd) {
        invoke(close, fd);
    }

    /** A new pipe: {read end, write end}. */
    int[] pipe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if ((int) invoke(pipe, fds) != 0) {
                throw new IllegalStateException("pipe() failed");
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    /** Reads into {@code buffer} (native memory); the count, 0 at end of file, negative on error. */
    long read(int fd, MemorySegment buffer) {
        return (long) invoke(read, fd, buffer, buffer.byteSize());
    }

    /** Writes all of {@code bytes}; gives up quietly when the descriptor refuses. */
    void writeFully(int fd, byte[] bytes, int length) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(Math.max(1, length));
            MemorySegment.copy(bytes, 0, data, JAVA_BYTE, 0, length);
            long done = 0;
            while (done < length) {
                long n = (long) invoke(write, fd, data.asSlice(done), length - done);
                if (n <= 0) {
                    return;
                }
                done += n;
            }
        }
    }

    /** Sets an environment variable of this process for native code, unless it is set already. */
    void setenvIfAbsent(String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = (MemorySegment) invoke(getenv, arena.allocateFrom(name));
            if (current.equals(MemorySegment.NULL)) {
                invoke(setenv, arena.allocateFrom(name), arena.allocateFrom(value), 0);
            }
        }
    }

    private static Object invoke(MethodHandle handle, Object... args) {
        try {
            return handle.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
