package io.tessera.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentinelUriTest {
    @Test
    void readsSentinelsMasterNameTlsAndTheAuthOption() {
        SentinelUri uri = SentinelUri.parse("redis-sentinel://s1:26380,10.0.0.2,[::1]:26379#tessera");
        assertEquals(List.of(new SentinelUri.Address("s1", 26380), new SentinelUri.Address("10.0.0.2", 26379), new SentinelUri.Address("::1", 26379)),
                uri.sentinels());
        assertEquals("tessera", uri.masterName());
        assertFalse(uri.tls());
        assertTrue(uri.authenticateSentinels());
        assertEquals("redis-sentinel://s1:26380,10.0.0.2:26379,[::1]:26379#tessera", uri.toUri());

        SentinelUri open = SentinelUri.parse("rediss-sentinel://s1:26379?sentinel-auth=none#m");
        assertTrue(open.tls());
        assertFalse(open.authenticateSentinels());
        assertEquals(open, SentinelUri.parse(open.toUri()));
    }

    @Test
    void saysWhatIsWrong() {
        assertEquals("'redis-sentinel://s1:26379' is not like redis-sentinel://host1:26379,host2:26379#master-name.",
                assertThrows(IllegalArgumentException.class, () -> SentinelUri.parse("redis-sentinel://s1:26379")).getMessage());
        assertEquals("Sentinel 's 1' is not host:port.",
                assertThrows(IllegalArgumentException.class, () -> SentinelUri.parse("redis-sentinel://s 1#m")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SentinelUri.parse("redis-sentinel://s1:99999#m")).getMessage()
                .contains("1-65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SentinelUri.parse("redis-sentinel://s1?auth=no#m")).getMessage()
                .contains("?sentinel-auth=none"));
    }

    @Test
    void aProfileMayNameSentinelsInsteadOfOneServer() {
        assertTrue(ProfileValidator.problems(profile("redis-sentinel://a:26379,b:26379,c:26379#tessera")).isEmpty());
        assertEquals(List.of("Redis URI: Sentinel master name 'no/good': 1-64 letters, digits, dots, dashes or underscores."),
                ProfileValidator.problems(profile("redis-sentinel://a:26379#no/good")));
        assertTrue(ProfileValidator.problems(profile("sentinel://a:26379#m")).getFirst().contains("redis-sentinel://host1:26379,host2:26379#master"));
    }

    private static ConnectionProfile profile(String redisUri) {
        return new ConnectionProfile("p", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://nn:8020", null, null),
                new ZooKeeperSettings("zk:2181", "/tessera", null, null), new RedisSettings(redisUri, null, null, false));
    }
}
