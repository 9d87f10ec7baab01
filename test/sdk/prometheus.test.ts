import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPrometheus, PROMTOOL, startPrometheus, until, type Prometheus } from '../support/prometheus.js';
import { signedBundle } from './support/bundles.js';
import { testClient } from './support/client.js';

if (!hasPrometheus) console.warn('skipping the Prometheus tests: /usr/bin/prometheus is not installed (apt-get install prometheus)');

/** promtool's exit code and output for a metrics exposition on stdin. */
function promtoolCheck(text: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(PROMTOOL, ['check', 'metrics'], (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
    child.stdin!.end(text);
  });
}

describe.skipIf(!hasPrometheus)('client metrics scraped by a real Prometheus', () => {
  let prometheus: Prometheus | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await prometheus?.stop();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    prometheus = server = undefined;
  });

  it('passes promtool and serves counters per flag × variation that Prometheus can query', async () => {
    const { client } = testClient({ source: signedBundle({ version: 7 }) });
    await client.ready();
    for (let i = 0; i < 3; i++) client.isEnabled('new-pdf-engine', { accountId: 'acct_internal_1' });
    client.isEnabled('bulk-invoice-api', { accountId: 'acct_2002' });
    client.variation('no-such-flag', {}, 'fallback');

    const checked = await promtoolCheck(client.metricsText());
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);

    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(client.metricsText());
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    prometheus = await startPrometheus(`127.0.0.1:${(server.address() as AddressInfo).port}`);

    const value = async (promql: string) => (await prometheus!.query(promql))[0]?.value[1];
    await until(async () => (await value('flagops_bundle_version')) === '7', undefined, 'Prometheus never scraped the client');
    expect(await value('flagops_evaluations_total{flag="new-pdf-engine",variation="on"}')).toBe('3');
    expect(await value('flagops_evaluations_total{flag="bulk-invoice-api",variation="off"}')).toBe('1');
    expect(await value('flagops_ready')).toBe('1');
    expect(await value('sum(flagops_evaluations_total)')).toBe('5');
  });
});
