import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../src/core/sign.js';
import { addKeyToConfig } from '../../src/io/keyring.js';
import { runFlags } from '../support/cli.js';
import { createTestRepo } from '../support/git.js';
import { tempDir } from '../support/tmp.js';

/** Commit time of the test repos: a whole second near now, so bundles are fresh (30d ttl). */
const SAME_SECOND = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const EXPIRES = new Date(Date.parse(SAME_SECOND) + 30 * 86_400_000).toISOString().replace('.000Z', 'Z');

/** A test repo whose keyring holds a fresh key; the private key lives outside the clone. */
async function signedRepo() {
  const repo = await createTestRepo({ date: SAME_SECOND });
  const pair = generateKeyPair();
  await addKeyToConfig(path.join(repo.dir, 'flags/flagops.yaml'), { id: 'test', publicKey: pair.publicKey });
  await repo.commit('trust the test key', {}, { date: SAME_SECOND });
  const keyFile = path.join(await tempDir('flagops-key-'), 'signing.pem');
  await writeFile(keyFile, pair.privateKeyPem, { mode: 0o600 });
  return { repo, pair, keyFile, env: { FLAGS_SIGNING_KEY: pair.privateKeyPem } };
}

async function payloadOf(file: string) {
  const envelope = JSON.parse(await readFile(file, 'utf8')) as { payload: string };
  return JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { version: number; source: string; issuedAt: string; expiresAt: string };
}

describe('flags compile', () => {
  it('writes byte-identical bundles when the same commit is compiled twice, then verify accepts them', async () => {
    const { repo, keyFile } = await signedRepo();
    const first = await runFlags(['compile', '--key', keyFile], { cwd: repo.dir });
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/compiled production {2}v2 {2}5 flags {2}dist\/flags\/production\.json/);
    const bytes = await readFile(path.join(repo.dir, 'dist/flags/production.json'));
    const payload = await payloadOf(path.join(repo.dir, 'dist/flags/staging.json'));
    expect(payload).toMatchObject({ version: 2, source: await repo.git('rev-parse', 'HEAD'), issuedAt: SAME_SECOND, expiresAt: EXPIRES });

    expect((await runFlags(['compile', '--key', keyFile], { cwd: repo.dir })).exitCode).toBe(0);
    expect(await readFile(path.join(repo.dir, 'dist/flags/production.json'))).toEqual(bytes);

    const verified = await runFlags(['verify', 'dist/flags/production.json', '--env', 'production'], { cwd: repo.dir });
    expect(verified.exitCode, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain('ok dist/flags/production.json');
    expect(verified.stdout).toMatch(/environment +production/);
    expect(verified.stdout).toMatch(/version +2/);
    expect(verified.stdout).toMatch(/flags +5/);
  });

  it('fails verification of an expired bundle, showing when it expired', async () => {
    const { repo, env } = await signedRepo();
    await repo.commit('an old change', {}, { date: '2020-01-01T00:00:00Z' });
    expect((await runFlags(['compile', '--env', 'staging'], { cwd: repo.dir, env })).exitCode).toBe(0);
    const verified = await runFlags(['verify', 'dist/flags/staging.json'], { cwd: repo.dir });
    expect(verified.exitCode).toBe(1);
    expect(verified.stdout).toMatch(/expires +2020-01-31T00:00:00Z \(EXPIRED \d+ day\(s\) ago\)/);
  });

  it('fails verification when a single byte of the bundle is flipped', async () => {
    const { repo, env } = await signedRepo();
    expect((await runFlags(['compile', '--env', 'production'], { cwd: repo.dir, env })).exitCode).toBe(0);
    const file = path.join(repo.dir, 'dist/flags/production.json');
    const envelope = JSON.parse(await readFile(file, 'utf8')) as { payload: string };
    const body = Buffer.from(envelope.payload, 'base64');
    body[40] = body[40]! ^ 0x04;
    await writeFile(file, JSON.stringify({ ...envelope, payload: body.toString('base64') }));
    const verified = await runFlags(['verify', 'dist/flags/production.json'], { cwd: repo.dir });
    expect(verified.exitCode).toBe(1);
    expect(verified.stdout).toContain('FAILED dist/flags/production.json: BAD_SIGNATURE');
  });

  it('gives a kill committed in the same second as the ramp before it a higher version', async () => {
    const { repo, env } = await signedRepo();
    const flagFile = 'flags/billing/new-pdf-engine.yaml';
    const original = await readFile(path.join(repo.dir, flagFile), 'utf8');
    await repo.commit('ramp new-pdf-engine to 10%', { [flagFile]: original.replace('rollout: { on: 5 }', 'rollout: { on: 10 }') }, { date: SAME_SECOND });
    await runFlags(['compile', '--env', 'production'], { cwd: repo.dir, env });
    const ramp = await payloadOf(path.join(repo.dir, 'dist/flags/production.json'));
    await repo.commit('kill new-pdf-engine', { [flagFile]: original.replace('  production:\n', '  production:\n    killed: true\n') }, { date: SAME_SECOND });
    await runFlags(['compile', '--env', 'production'], { cwd: repo.dir, env });
    const kill = await payloadOf(path.join(repo.dir, 'dist/flags/production.json'));
    expect(kill.issuedAt).toBe(ramp.issuedAt);
    expect(kill.version).toBeGreaterThan(ramp.version);
  });

  it('compiles a tree with uncommitted changes, says so, and marks the source dirty', async () => {
    const { repo, env } = await signedRepo();
    const head = await repo.git('rev-parse', 'HEAD');
    await writeFile(path.join(repo.dir, 'flags/platform/maintenance-mode.yaml'), (await readFile(path.join(repo.dir, 'flags/platform/maintenance-mode.yaml'), 'utf8')).replace('description:', 'description: edited.'));
    const result = await runFlags(['compile'], { cwd: repo.dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain("warning: uncommitted changes: this bundle is not reproducible; don't publish it");
    expect(await payloadOf(path.join(repo.dir, 'dist/flags/production.json'))).toMatchObject({ version: 3, source: `${head}+dirty` });
  });

  it('refuses to compile without a signing key unless --unsigned is given', async () => {
    const repo = await createTestRepo();
    const refused = await runFlags(['compile'], { cwd: repo.dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('error: no signing key');
    expect(refused.stderr).toContain('FLAGS_SIGNING_KEY');
    expect(await readdir(repo.dir)).not.toContain('dist');

    const unsigned = await runFlags(['compile', '--unsigned', '--json'], { cwd: repo.dir });
    expect(unsigned.exitCode).toBe(0);
    const result = JSON.parse(unsigned.stdout) as { bundles: { environment: string; keyid?: string }[] };
    expect(result.bundles.map((b) => [b.environment, b.keyid])).toEqual([['production', undefined], ['staging', undefined]]);
    const verified = await runFlags(['verify', 'dist/flags/staging.json', '--json'], { cwd: repo.dir });
    expect(verified.exitCode).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, code: 'UNSIGNED' });
  });

  it('refuses a signing key that is not in the keyring, naming its keyid', async () => {
    const repo = await createTestRepo();
    const stranger = generateKeyPair();
    const result = await runFlags(['compile'], { cwd: repo.dir, env: { FLAGS_SIGNING_KEY: stranger.privateKeyPem } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`the signing key ${stranger.keyid} is not in the keyring of flags/flagops.yaml`);
    expect(await readdir(repo.dir)).not.toContain('dist');
  });

  it('writes nothing when lint finds errors, and lists them with their location', async () => {
    const { repo, env } = await signedRepo();
    await repo.commit('break a flag', { 'flags/growth/ai-chatbot.yaml': 'key: ai-chatbot\nkind: permission\nenvironments:\n  production:\n    default: { rollout: { on: 150 } }\n' });
    const result = await runFlags(['compile'], { cwd: repo.dir, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/flags\/growth\/ai-chatbot\.yaml:\d+:\d+ error/);
    expect(result.stderr).toContain('nothing was written');
    expect(await readdir(repo.dir)).not.toContain('dist');
  });
});

describe('flags keygen', () => {
  it('writes the private key with mode 0600 outside the repo and adds the public key, keeping comments', async () => {
    const repo = await createTestRepo();
    const keyFile = path.join(await tempDir('flagops-key-'), 'ci.pem');
    const result = await runFlags(['keygen', '--id', 'ci-2026', '--out', keyFile], { cwd: repo.dir });
    expect(result.exitCode, result.stderr).toBe(0);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const config = await readFile(path.join(repo.dir, 'flags/flagops.yaml'), 'utf8');
    expect(config).toContain('# Public keys SDKs trust.');
    expect(config).toContain('environments: [production, staging]');
    expect(config).toMatch(/- id: ci-2026\n {6}publicKey: [A-Za-z0-9+/]{43}=/);

    await repo.commit('trust ci-2026', {});
    const compiled = await runFlags(['compile', '--key', keyFile, '--env', 'staging'], { cwd: repo.dir });
    expect(compiled.exitCode, compiled.stderr).toBe(0);
    expect((await runFlags(['verify', 'dist/flags/staging.json'], { cwd: repo.dir })).exitCode).toBe(0);
  });

  it('refuses a key file inside the repository unless --force, and prints to stdout for CI', async () => {
    const repo = await createTestRepo();
    const inside = await runFlags(['keygen', '--out', 'secrets/key.pem'], { cwd: repo.dir });
    expect(inside.exitCode).toBe(2);
    expect(inside.stderr).toContain('is inside the repository');
    const stdout = await runFlags(['keygen', '--id', 'ci', '--stdout'], { cwd: repo.dir });
    expect(stdout.exitCode).toBe(0);
    expect(stdout.stdout).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n?$/);
    expect(stdout.stderr).toContain('store it as the FLAGS_SIGNING_KEY secret');
    const again = await runFlags(['keygen', '--id', 'ci', '--stdout'], { cwd: repo.dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('already has a signing key with id "ci"');
  });
});

describe('flags eval', () => {
  it('explains the value, the matching rule and the bucket', async () => {
    const repo = await createTestRepo();
    const rule = await runFlags(['eval', 'new-pdf-engine', '--env', 'production', '--ctx', '{"accountId":"acct_internal_1"}'], { cwd: repo.dir });
    expect(rule.exitCode, rule.stderr).toBe(0);
    expect(rule.stdout).toMatch(/value +true\n +variation +on\n +reason +TARGETING_MATCH\n +rule +#0 internal accounts/);
    const split = await runFlags(['eval', 'redesigned-dashboard', '--env', 'production', '--ctx', '{"userId":"u-42"}', '--json'], { cwd: repo.dir });
    const explanation = (JSON.parse(split.stdout) as { explanation: { reason: string; bucketBy: string; bucket: number } }).explanation;
    expect(explanation).toMatchObject({ reason: 'SPLIT', bucketBy: 'userId' });
    expect(explanation.bucket).toBeGreaterThanOrEqual(0);
    expect(explanation.bucket).toBeLessThan(100_000);
  });

  it('rejects a context that is not JSON with a usage error', async () => {
    const repo = await createTestRepo();
    const result = await runFlags(['eval', 'ai-chatbot', '--ctx', '{plan: free}'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('usage error: --ctx is not valid JSON');
  });
});
