/**
 * What the client adds on top of the evaluator (counters, exposure hand-off), in ns per call.
 * Run: node --import tsx test/bench/sdk-client.ts
 */
import { compileBundle } from '../../src/core/compile/index.js';
import { generateKeyPair, signPayload } from '../../src/core/sign.js';
import { loadProject } from '../../src/io/project.js';
import { createEvaluator } from '../../src/sdk/evaluate/index.js';
import { createClient } from '../../src/sdk/index.js';

const N = 1_000_000;
const ROUNDS = 7;
const project = await loadProject('flags', { cwd: new URL('../..', import.meta.url).pathname });
const payload = compileBundle(project, 'production', { version: 1, issuedAt: new Date().toISOString(), source: 'bench', ttlSeconds: 86400 });
const key = generateKeyPair();
const envelope = JSON.stringify(signPayload(payload, key.privateKeyPem));
const options = { source: envelope, environment: 'production', keys: [{ publicKey: key.publicKey }] };
const plain = createClient(options);
const exposing = createClient({ ...options, onExposure: () => {} });
await Promise.all([plain.ready(), exposing.ready()]);
const evaluator = createEvaluator(payload);
const counting = createEvaluator(payload, { count: true });

const keys = Object.keys(payload.flags);
const contexts = Array.from({ length: 1024 }, (_, i) => ({ userId: `user-${i}`, accountId: `acct_${i % 50}`, plan: i % 3 ? 'pro' : 'free', country: i % 2 ? 'US' : 'DE' }));

function measure(name: string, fn: (k: string, c: (typeof contexts)[number]) => unknown): void {
  const rounds: number[] = [];
  let sink = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < N; i++) if (fn(keys[i % keys.length]!, contexts[i & 1023]!)) sink++;
    rounds.push(Number(process.hrtime.bigint() - start) / N);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name.padEnd(40)} ${rounds[ROUNDS >> 1]!.toFixed(1).padStart(7)} ns/eval  (${sink > 0 ? 'ok' : ''})`);
}

measure('evaluator.value (no client)', (k, c) => evaluator.value(k, c, false as unknown));
measure('evaluator.evaluate (no client)', (k, c) => evaluator.evaluate(k, c).value);
measure('evaluator.evaluate (counting)', (k, c) => counting.evaluate(k, c).value);
measure('client.evaluate (counters)', (k, c) => plain.evaluate(k, c).value);
measure('client.isEnabled (counters)', (k, c) => plain.isEnabled(k, c));
measure('client.variation (counters)', (k, c) => plain.variation(k, c, false as never));
measure('client.evaluate (counters + exposures)', (k, c) => exposing.evaluate(k, c).value);
await Promise.all([plain.close(), exposing.close()]);
