package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSignerTest {
    private final TaskSigner signer = TaskSigner.hmac(key(1));
    private final Task task = new Task("job-1", "0-0", 0, List.of("/in/a.jpg", "/in/b.jpg"),
            "{\"input\":\"/in\",\"output\":\"/out\",\"pipeline\":{}}", Priority.NORMAL, 1, null);

    @Test
    void aSignedTaskPassesAcrossAttemptsAndTheWire() {
        Task signed = signer.sign(task);
        assertNotNull(signed.sig());
        assertNull(signer.refusal(signed));
        assertNull(signer.refusal(signed.withAttempt(3, "disk full")), "attempts and errors may change on the way");
        assertNull(signer.refusal(Task.fromJson(signed.toJson())), "the signature survives JSON");
    }

    @Test
    void alteredWorkUnsignedTasksAndOtherKeysAreRefused() {
        Task signed = signer.sign(task);
        String mismatch = "the task's signature does not match: forged, altered, or signed with another cluster's key";
        assertEquals(mismatch, signer.refusal(new Task("job-1", "0-0", 0, List.of("/in/a.jpg", "/etc/passwd"), task.pipeline(),
                Priority.NORMAL, 1, null, signed.sig())), "another image");
        assertEquals(mismatch, signer.refusal(new Task("job-1", "0-0", 0, task.images(), task.pipeline().replace("/out", "/elsewhere"),
                Priority.NORMAL, 1, null, signed.sig())), "another output folder");
        assertEquals(mismatch, signer.refusal(new Task("job-2", "0-0", 0, task.images(), task.pipeline(), Priority.NORMAL, 1, null, signed.sig())),
                "another job");
        assertEquals(mismatch, signer.refusal(new Task("job-1", "0-1", 0, task.images(), task.pipeline(), Priority.NORMAL, 1, null, signed.sig())),
                "another task id");
        assertTrue(signer.refusal(task).startsWith("the task is not signed"), signer.refusal(task));
        assertEquals(mismatch, TaskSigner.hmac(key(2)).refusal(signed), "another cluster's key");
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
