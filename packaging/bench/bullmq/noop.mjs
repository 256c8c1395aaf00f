// BullMQ no-op jobs end to end, the baseline of `tessera bench ceiling`: add N jobs (addBulk, 100 per call, as Tessera
// submits 100 tasks per script call), then process them with one Worker whose processor does nothing, and time it.
// Completed jobs are removed (removeOnComplete), as Tessera deletes acknowledged task entries. The keys under the prefix
// are left for the caller to delete, after it has read what the run cost Redis.
// Usage: REDIS_PASSWORD=… node noop.mjs --url redis://127.0.0.1:PORT --jobs 20000 --concurrency 4 --prefix bench-x
// Prints one JSON line: {"contender":"bullmq","version":…,"jobs":…,"addSeconds":…,"seconds":…,"jobsPerSecond":…}
import { Queue, Worker } from 'bullmq';
import { createRequire } from 'node:module';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const url = new URL(args.url ?? 'redis://127.0.0.1:6379');
const connection = { host: url.hostname, port: Number(url.port || 6379), password: process.env.REDIS_PASSWORD || undefined,
  maxRetriesPerRequest: null };
const jobs = Number(args.jobs ?? 20000);
const concurrency = Number(args.concurrency ?? 4);
const prefix = args.prefix ?? 'bench-bullmq';
const BULK = 100;
const version = createRequire(import.meta.url)('bullmq/package.json').version;

const queue = new Queue('noop', { connection, prefix });
await queue.waitUntilReady();
const began = process.hrtime.bigint();
for (let from = 0; from < jobs; from += BULK) {
  const bulk = [];
  for (let i = from; i < Math.min(jobs, from + BULK); i++) {
    bulk.push({ name: 'noop', data: { image: `/bench/in/img-${i}.jpg` }, opts: { removeOnComplete: true } });
  }
  await queue.addBulk(bulk);
}
const added = process.hrtime.bigint();
let done = 0;
const finished = new Promise(resolve => {
  const worker = new Worker('noop', async () => null, { connection, prefix, concurrency });
  worker.on('completed', () => {
    if (++done === jobs) {
      resolve(worker);
    }
  });
  worker.on('error', e => console.error(`bullmq worker: ${e.message}`));
});
const worker = await finished;
const ended = process.hrtime.bigint();
await worker.close();
await queue.close();
const seconds = Number(ended - began) / 1e9;
console.log(JSON.stringify({ contender: 'bullmq', version, jobs, concurrency, addSeconds: Number(added - began) / 1e9, seconds,
  jobsPerSecond: jobs / seconds }));
