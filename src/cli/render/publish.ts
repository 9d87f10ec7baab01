import type { PublishResult } from '../../io/publish.js';
import type { Output } from '../output.js';

export function renderPublish(result: PublishResult, out: Output, json: boolean): void {
  if (json) return void out.stdout(`${JSON.stringify(result, null, 2)}\n`);
  const c = out.color;
  for (const b of result.bundles) {
    const previous = b.previous === undefined ? 'first publish' : `was v${b.previous}`;
    if (b.status === 'unchanged') out.stdout(`${c.dim('unchanged')} ${b.environment}  v${b.version} already published at ${b.location}\n`);
    else out.stdout(`${c.green('published')} ${b.environment}  v${b.version} (${previous})  sha256:${b.digest.slice(0, 12)}  ${b.location}\n`);
  }
}
