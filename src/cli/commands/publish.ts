import { publishBundles } from '../../io/publish.js';
import { renderPublish } from '../render/publish.js';
import type { RegisterCommand } from './index.js';

interface PublishFlags {
  to?: string;
  env?: string[];
  dir: string;
  from?: string;
  json?: boolean;
}

export const registerPublish: RegisterCommand = (program, out) => {
  program
    .command('publish')
    .description('upload compiled bundles to a folder a CDN serves or an origin taking HTTP PUT; never goes backwards')
    .option('--to <dir|url>', 'target folder or http(s) URL (default: publish.to)')
    .option('--env <environment>', 'only this environment; repeat for several (default: all)', (v: string, p: string[] = []) => [...p, v])
    .option('--dir <dir>', 'flags folder', 'flags')
    .option('--from <dir>', 'compiled bundles folder (default: bundle.dir)')
    .option('--json', 'print the result as JSON')
    .action(async (flags: PublishFlags) => {
      const result = await publishBundles({ cwd: process.cwd(), dir: flags.dir, to: flags.to, environments: flags.env, from: flags.from });
      renderPublish(result, out, Boolean(flags.json));
    });
};
