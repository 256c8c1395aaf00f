package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileValidatorTest {
    private static List<String> problems(String hdfs, String zk, String chroot, String redis) {
        return ProfileValidator.problems(new ConnectionProfile("p", ConnectionProfile.Kind.CLUSTER, new HdfsSettings(hdfs, null, null),
                new ZooKeeperSettings(zk, chroot, null, null), new RedisSettings(redis, null, null, false)));
    }

    @Test
    void aWellFormedProfileHasNoProblems() {
        assertEquals(List.of(), problems("hdfs://nn:8020", "zk1:2181,[::1]:2182", "/tessera", "rediss://r:6380"));
    }

    @Test
    void eachMalformedFieldIsNamed() {
        assertTrue(problems("nn:8020", "zk1:2181", null, "redis://r:6379").getFirst().startsWith("HDFS URI"));
        assertTrue(problems("hdfs://nn:8020", "zk1", null, "redis://r:6379").getFirst().startsWith("ZooKeeper: 'zk1'"));
        assertTrue(problems("hdfs://nn:8020", "zk1:2181", "tessera/", "redis://r:6379").getFirst().startsWith("ZooKeeper chroot"));
        assertTrue(problems("hdfs://nn:8020", "zk1:2181", null, "http://r").getFirst().startsWith("Redis URI"));
        assertTrue(problems("hdfs://nn:8020", "zk1:2181", null, "redis://u:pw@r:6379").getFirst().contains("own fields"));
        assertTrue(problems("hdfs://n n", "zk1:2181", null, "redis://r:6379").getFirst().startsWith("HDFS URI"));
    }

    @Test
    void theLargestInputSizeIsBetweenOneMegabyteAndOneGigabyte() {
        var profile = new ConnectionProfile("p", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://nn:8020", null, null),
                new ZooKeeperSettings("zk:2181", "/t", null, null), new RedisSettings("redis://r:1", null, null, false));
        long mib = ConnectionProfile.Limits.MIB;
        assertEquals(List.of(), ProfileValidator.problems(profile.withLimits(new ConnectionProfile.Limits(mib))));
        assertEquals(List.of(), ProfileValidator.problems(profile.withLimits(new ConnectionProfile.Limits(1024 * mib))));
        assertEquals(List.of("Largest input: between 1 and 1024 MB, not 1025 MB."),
                ProfileValidator.problems(profile.withLimits(new ConnectionProfile.Limits(1025 * mib))));
        assertEquals(List.of("Largest input: between 1 and 1024 MB, not 1000 bytes."),
                ProfileValidator.problems(profile.withLimits(new ConnectionProfile.Limits(1000))));
        assertEquals(128 * mib, profile.limits().maxInputBytes(), "the default");
    }

    @Test
    void credentialsComeInPairs() {
        var profile = new ConnectionProfile("p", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://nn:8020", null, null),
                new ZooKeeperSettings("zk:2181", "/t", "admin", null), new RedisSettings("redis://r:1", null, null, false));
        assertTrue(ProfileValidator.problems(profile).getFirst().startsWith("ZooKeeper credentials"));
    }
}
