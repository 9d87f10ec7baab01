import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './ports.js';
import { tempDir } from './tmp.js';

export const PROMETHEUS = '/usr/bin/prometheus';
export const PROMTOOL = '/usr/bin/promtool';
export const hasPrometheus = existsSync(PROMETHEUS) && existsSync(PROMTOOL);

export interface Prometheus {
  url: string;
  /** Runs an instant PromQL query and returns its vector result. */
  query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

/** A real Prometheus on a free loopback port scraping `target` (host:port) every second. */
export async function startPrometheus(target: string, metricsPath = '/metrics'): Promise<Prometheus> {
  const dir = await tempDir('flagops-prometheus-');
  const port = await freePort();
  const config = path.join(dir, 'prometheus.yml');
  await writeFile(config, [
    'global: { scrape_interval: 1s, evaluation_interval: 1s }',
    'scrape_configs:',
    '  - job_name: app',
    `    metrics_path: ${metricsPath}`,
    `    static_configs: [{ targets: ['${target}'] }]`,
    '',
  ].join('\n'));
  const child = spawn(PROMETHEUS, [
    `--config.file=${config}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const query: Prometheus['query'] = async (promql) => {
    const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    if (body.status !== 'success') throw new Error(`query failed: ${JSON.stringify(body)}`);
    return body.data.result;
  };
  await until(async () => (await fetch(`${url}/-/ready`).then((r) => r.ok, () => false)), child, 'Prometheus did not become ready');
  return { url, query, stop: () => stop(child) };
}

/** Polls `check` (bounded) until it holds: waiting on a condition, not on time. */
export async function until(check: () => Promise<boolean>, child: ChildProcess | undefined, what: string, attempts = 300): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with ${child.exitCode}`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(what);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
