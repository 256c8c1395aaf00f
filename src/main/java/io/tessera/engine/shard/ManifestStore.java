package io.tessera.engine.shard;

import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.zk.ZkJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Shard input lists too long for a znode, as HDFS files of JSON lines ({@code {"path":…,"size":…}} each)
 * under {@code <root>/jobs/<job-id>/manifests/}. Written to a hidden temp file and renamed, so a reader
 * never sees half a manifest; read back only when the SHA-256 matches the one the shard node holds.
 */
public final class ManifestStore {
    /** Tessera's HDFS root unless a deployment says otherwise. */
    public static final String DEFAULT_ROOT = "/tessera";

    private final FileSystem fs;
    private final Path root;

    /** @param hdfsRoot Tessera's HDFS root, {@code /tessera} by default */
    public ManifestStore(FileSystem fs, String hdfsRoot) {
        this.fs = fs;
        this.root = new Path(hdfsRoot);
    }

    public Path jobFolder(String jobId) {
        return new Path(root, "jobs/" + jobId);
    }

    public ManifestRef write(String jobId, int shardIndex, List<ImageFile> inputs) throws IOException {
        Path folder = new Path(jobFolder(jobId), "manifests");
        Path target = new Path(folder, String.format("shard-%05d.jsonl", shardIndex));
        Path temp = new Path(folder, TemporaryNames.of(TemporaryNames.Kind.MANIFEST, target.getName()));
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(fs.create(temp, false), sha)) {
            for (ImageFile input : inputs) {
                out.write(ZkJson.bytes(input));
                out.write('\n');
            }
        }
        // A plan written again under the same job id replaces its old manifest; HDFS rename never overwrites.
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            fs.delete(temp, false);
            throw new IOException("could not move the manifest into place at " + target);
        }
        return new ManifestRef(target.toUri().getPath(), HexFormat.of().formatHex(sha.digest()), inputs.size());
    }

    public List<ImageFile> read(ManifestRef ref) throws IOException {
        MessageDigest sha = sha256();
        List<ImageFile> inputs = new ArrayList<>(ref.images());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new DigestInputStream(fs.open(new Path(ref.path())), sha), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    inputs.add(ZkJson.read(line.getBytes(StandardCharsets.UTF_8), ImageFile.class, ref.path()));
                }
            }
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(ref.sha256())) {
            throw new IOException("the manifest " + ref.path() + " is not the one the plan recorded (SHA-256 " + actual
                    + ", expected " + ref.sha256() + "): it was changed or damaged after planning");
        }
        return inputs;
    }

    public void deleteJob(String jobId) throws IOException {
        fs.delete(jobFolder(jobId), true);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
