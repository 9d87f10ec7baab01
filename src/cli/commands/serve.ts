import { UsageError } from '../../core/errors.js';
import { serveRelay } from '../../io/relay/serve.js';
import { renderRelayEvent } from '../render/relay.js';
import type { RegisterCommand } from './index.js';

interface ServeFlags {
  dir: string;
  from?: string;
  env?: string[];
  port: string;
  host: string;
  maxSubscribers?: string;
  json?: boolean;
}

export const registerServe: RegisterCommand = (program, out) => {
  program
    .command('serve')
    .description('relay: serve the published bundles and stream each new one to SDKs over SSE')
    .option('--dir <dir>', 'flags folder (environments and keyring)', 'flags')
    .option('--from <dir|url>', 'folder `flags publish` writes, or an origin serving <env>.json (default: publish.to, else bundle.dir)')
    .option('--env <environment>', 'only this environment; repeat for several (default: all)', (v: string, p: string[] = []) => [...p, v])
    .option('--port <port>', 'port to listen on', '8787')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--max-subscribers <n>', 'open streams at most; more get 503 and poll instead', '10000')
    .option('--json', 'log one JSON object per line')
    .action(async (flags: ServeFlags) => {
      const port = wholeNumber('--port', flags.port);
      const maxSubscribers = wholeNumber('--max-subscribers', flags.maxSubscribers ?? '10000');
      const json = Boolean(flags.json);
      const relay = await serveRelay({
        cwd: process.cwd(), dir: flags.dir, from: flags.from, environments: flags.env, port, host: flags.host, maxSubscribers,
        onEvent: (event) => renderRelayEvent(event, out, json),
      });
      const signal = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      if (!json) out.stderr(`${signal}: closing streams, stopping\n`);
      await relay.close();
    });
};

function wholeNumber(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} expects a whole number, got "${value}"`, { hint: `e.g. ${option} 8787` });
  return Number(value);
}
