package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The job index lists jobs newest first with their status, and keeps how each was launched. */
class JobCatalogIT {

    @Test
    void jobsAreListedNewestFirstWithTheirStatusAndLaunch() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            JobCatalog catalog = new JobCatalog(d.redis, d.keys);
            assertTrue(catalog.newest(10).isEmpty());
            d.dispatcher.submit("older", Task.batches("older", 0, Dispatching.images("o", 4), 2, "{\"r\":1}", Priority.NORMAL));
            Thread.sleep(5); // distinct creation milliseconds
            d.dispatcher.submit("newer", Task.batches("newer", 0, Dispatching.images("n", 3), 1, "{\"r\":2}", Priority.HIGH));
            d.dispatcher.cancel("older");

            List<JobStatus> jobs = catalog.newest(10);
            assertEquals(List.of("newer", "older"), jobs.stream().map(JobStatus::job).toList());
            assertEquals(3, jobs.get(0).counts().images());
            assertEquals(JobState.QUEUED, jobs.get(0).state());
            assertEquals(JobState.CANCELLED, jobs.get(1).state());
            assertEquals(List.of("newer"), catalog.newest(1).stream().map(JobStatus::job).toList());
            assertEquals(new JobCatalog.Launch("{\"r\":2}", Priority.HIGH), catalog.launch("newer").orElseThrow());
            assertTrue(catalog.launch("nonesuch").isEmpty());

            // a job whose keys expired leaves the listing and the index, and its control hash (which does not expire) goes too
            assertEquals("1", d.redis.hget(d.keys.control("older"), "cancel"));
            assertEquals(-1, d.redis.ttl(d.keys.control("older")), "the control hash lives as long as the job");
            d.redis.del(d.keys.job("older"));
            assertEquals(List.of("newer"), catalog.newest(10).stream().map(JobStatus::job).toList());
            assertEquals(List.of("newer"), d.redis.zrange(d.keys.jobs(), 0, -1));
            assertFalse(d.redis.exists(d.keys.control("older")), "the gone job's control hash is deleted with its index entry");
        }
    }
}
