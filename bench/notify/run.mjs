// Fan-out benchmark for `notify`: N local receivers on 127.0.0.1, each answering after its own random delay.
// Concurrent delivery should make the total close to the slowest single delivery (ratio near 1), not their sum.
// Usage: node bench/notify/run.mjs [receivers=50] [max delay ms=500] [rounds=3]
import { build } from 'esbuild';
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const count = Number(process.argv[2] ?? 50);
const maxDelay = Number(process.argv[3] ?? 500);
const rounds = Number(process.argv[4] ?? 3);
const secret = 'bench-secret';

// Bundle the notify modules (TypeScript) into one ESM file this script can import.
const workDir = path.join(root, 'bench/.work');
mkdirSync(workDir, { recursive: true });
const outfile = path.join(workDir, 'notify-bundle.mjs');
await build({
  stdin: {
    contents: "export * from './src/notify/notify.ts'; export * from './src/notify/payload.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  logLevel: 'warning',
});
const { notify, repositoryFromGitHub, minimalHeadCommit, spiffWebhookUrl } = await import(
  pathToFileURL(outfile).href
);

// A small seeded generator, so runs are comparable.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

function startReceiver(delayMs) {
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      setTimeout(() => {
        const ok = req.headers['x-hub-signature-256'] === expected;
        res.writeHead(ok ? 200 : 403, { 'Content-Type': 'application/json' });
        res.end(ok ? '{"git_pull": true}' : '{}');
      }, delayMs);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const sha = 'a'.repeat(40);
const pusher = { name: 'bench', email: 'bench@example.invalid' };
console.log(`notify fan-out: ${count} receivers on 127.0.0.1, delays 0-${maxDelay} ms, ${rounds} rounds`);
for (let round = 1; round <= rounds; round++) {
  const delays = Array.from({ length: count }, () => Math.round(random() * maxDelay));
  const servers = await Promise.all(delays.map(startReceiver));
  const environments = servers.map((s, i) => ({
    name: `env-${i + 1}`,
    kind: 'spiff',
    url: spiffWebhookUrl(`http://127.0.0.1:${s.address().port}`),
    secret,
    overrides: {},
  }));
  const request = {
    environments,
    repository: repositoryFromGitHub('https://github.com', 'acme/models'),
    push: {
      ref: 'refs/heads/main',
      before: 'b'.repeat(40),
      after: sha,
      pusher,
      sender: null,
      headCommit: minimalHeadCommit(sha, pusher, new Date()),
    },
    deploy: null,
    ping: false,
    sender: null,
  };
  const t0 = performance.now();
  const report = await notify(request, { policy: { retries: 0 } });
  const total = performance.now() - t0;
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));

  const slowest = Math.max(...report.results.map((r) => r.durationMs));
  const sum = report.results.reduce((a, r) => a + r.durationMs, 0);
  console.log(
    `round ${round}: delivered ${report.delivered}/${count}, total ${total.toFixed(0)} ms, ` +
      `slowest single delivery ${slowest} ms, ratio total/slowest ${(total / slowest).toFixed(3)}, ` +
      `sequential sum ${sum} ms (${(sum / total).toFixed(1)}x the total)`,
  );
}
