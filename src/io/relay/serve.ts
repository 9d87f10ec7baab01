import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import { loadProject } from '../project.js';
import type { RelayListener } from './events.js';
import { startRelay, type Relay, type RelayOptions } from './server.js';

export interface ServeOptions {
  cwd: string;
  /** Flags folder (for the environments and the keyring); default `flags`. */
  dir?: string;
  /** Folder or http(s) origin to relay; default the config's `publish.to`, else `bundle.dir`. */
  from?: string;
  /** Default: every environment of the config. */
  environments?: string[];
  port?: number;
  host?: string;
  maxSubscribers?: number;
  onEvent?: RelayListener;
  /** Tuning for tests and benchmarks. */
  tuning?: Pick<RelayOptions, 'heartbeatInterval' | 'retry' | 'pollInterval'>;
}

/** `flags serve`: a relay for the project's environments, trusting the config keyring. */
export async function serveRelay(options: ServeOptions): Promise<Relay> {
  const project = await loadProject(options.dir ?? 'flags', { cwd: options.cwd });
  const { config } = project;
  const environments = options.environments?.length ? options.environments : config.environments;
  for (const env of environments) {
    if (!config.environments.includes(env)) {
      throw new UsageError(`unknown environment "${env}"`, { hint: `${project.dir}/flagops.yaml declares: ${config.environments.join(', ')}.` });
    }
  }
  const chosen = options.from ?? config.publish.to ?? path.join(project.dir, '..', config.bundle.dir);
  const from = /^https?:\/\//i.test(chosen) ? chosen : path.resolve(options.cwd, chosen);
  const port = options.port ?? 8787;
  try {
    return await startRelay({ ...options.tuning, from, environments, keys: config.signing.keys, port, host: options.host, maxSubscribers: options.maxSubscribers, onEvent: options.onEvent });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is already in use`, { hint: 'Stop the other process or pass --port.', cause: error });
    if (code === 'EADDRNOTAVAIL' || code === 'EACCES') throw new UsageError(`cannot listen on ${options.host ?? '127.0.0.1'}:${port} (${code})`, { hint: 'Pass a --host this machine has and a --port above 1023.', cause: error });
    throw error;
  }
}
