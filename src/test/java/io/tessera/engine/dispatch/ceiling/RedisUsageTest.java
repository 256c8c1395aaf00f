package io.tessera.engine.dispatch.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedisUsageTest {
    private static final String BEFORE = """
            # CPU\r
            used_cpu_sys:1.250000\r
            used_cpu_user:2.500000\r
            used_cpu_sys_children:9.000000\r
            used_cpu_user_children:9.000000\r
            used_cpu_sys_main_thread:1.000000\r
            used_cpu_user_main_thread:2.000000\r
            \r
            # Commandstats\r
            cmdstat_info:calls=3,usec=90,usec_per_call=30.00,rejected_calls=0,failed_calls=0\r
            cmdstat_xadd:calls=10,usec=50,usec_per_call=5.00,rejected_calls=0,failed_calls=0\r
            """;
    private static final String AFTER = """
            # CPU
            used_cpu_sys:1.750000
            used_cpu_user:3.000000
            used_cpu_sys_children:19.000000
            # Commandstats
            cmdstat_info:calls=9,usec=270,usec_per_call=30.00,rejected_calls=0,failed_calls=0
            cmdstat_config|resetstat:calls=1,usec=4,usec_per_call=4.00,rejected_calls=0,failed_calls=0
            cmdstat_xadd:calls=110,usec=550,usec_per_call=5.00,rejected_calls=0,failed_calls=0
            cmdstat_evalsha:calls=2,usec=900,usec_per_call=450.00,rejected_calls=0,failed_calls=0
            cmdstat_xack:calls=2,usec=20,usec_per_call=10.00,rejected_calls=0,failed_calls=0
            """;

    @Test
    void cpuIsUserPlusSystemOfTheServerItselfAndTheBenchsOwnCommandsAreLeftOut() {
        RedisUsage before = RedisUsage.parse(BEFORE);
        assertEquals(3.75, before.cpuSeconds(), 1e-9, "used_cpu_user + used_cpu_sys, not the children's or the main thread's again");
        assertEquals(List.of("xadd"), List.copyOf(before.commands().keySet()));
        assertEquals(new CommandStat("xadd", 10, 50), before.commands().get("xadd"));
    }

    @Test
    void theDifferenceIsWhatARunCostAndTopOrdersByTime() {
        RedisUsage spent = RedisUsage.parse(AFTER).minus(RedisUsage.parse(BEFORE));
        assertEquals(1.0, spent.cpuSeconds(), 1e-9);
        assertEquals(new CommandStat("xadd", 100, 500), spent.commands().get("xadd"));
        assertEquals(new CommandStat("evalsha", 2, 900), spent.commands().get("evalsha"), "a command new since the first reading counts whole");
        assertFalse(spent.commands().containsKey("config|resetstat"));
        assertEquals(List.of("evalsha", "xadd"), spent.top(2).stream().map(CommandStat::name).toList());
    }
}
