package io.tessera.engine.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tessera.engine.json.Json;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs tasks where they are made and checks them where they run, so that whoever can write to Redis cannot make a
 * worker read or write what it likes: the signature is an HMAC-SHA256 with the cluster's task key ({@code TaskKey}),
 * over the task's work (job, id, shard, images, pipeline with its input and output folders); attempt and last error
 * may change on the way, the work may not.
 */
public interface TaskSigner {
    Task sign(Task task);

    /** Why the task must not run (unsigned, or the signature does not match), or null when it is authentic. */
    String refusal(Task task);

    /** No signing, no checking: for dispatch's own tests and benchmarks, never for a worker. */
    TaskSigner NONE = new TaskSigner() {
        @Override
        public Task sign(Task task) {
            return task;
        }

        @Override
        public String refusal(Task task) {
            return null;
        }
    };

    static TaskSigner hmac(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a task key needs at least 32 bytes, not " + key.length);
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), "HmacSHA256");
        return new TaskSigner() {
            @Override
            public Task sign(Task task) {
                return task.withSignature(signature(spec, task));
            }

            @Override
            public String refusal(Task task) {
                if (task.sig() == null) {
                    return "the task is not signed (not written by Tessera, or by a version that does not sign)";
                }
                byte[] expected = signature(spec, task).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                byte[] given = task.sig().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                return MessageDigest.isEqual(expected, given) ? null : "the task's signature does not match: forged, altered, or signed with another cluster's key";
            }
        };
    }

    private static String signature(SecretKeySpec key, Task task) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // a JSON array: unambiguous field boundaries whatever the names hold
            byte[] work = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(List.of(task.job(), task.id(), task.shard(), task.images(), task.pipeline()));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(work));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot sign a task: " + e.getMessage(), e);
        }
    }
}
