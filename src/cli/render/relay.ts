import type { RelayEvent } from '../../io/relay/events.js';
import type { Output } from '../output.js';

/** One line per relay event: text for people, or one JSON object per line for log shippers. */
export function renderRelayEvent(event: RelayEvent, out: Output, json: boolean): void {
  if (json) return void out.stdout(`${JSON.stringify(event)}\n`);
  const c = out.color;
  switch (event.type) {
    case 'listening': {
      const trust = event.verifying ? 'verifying signatures with the config keyring' : c.yellow('signing.keys is empty: relaying without verifying (SDKs still verify)');
      out.stdout(`${c.green('relay')} listening on ${event.url}, relaying ${event.from} (${event.environments.join(', ')}); ${trust}\n`);
      for (const env of event.environments) out.stdout(`  ${event.url}/${env}/stream   ${event.url}/${env}.json\n`);
      return;
    }
    case 'bundle': {
      const previous = event.previous === undefined ? 'first' : `was v${event.previous}`;
      out.stdout(`${event.at} ${c.green('bundle')} ${event.environment} v${event.version} (${previous}) commit ${event.source.slice(0, 12)} sha256:${event.digest.slice(0, 12)} → ${event.subscribers} stream(s)\n`);
      return;
    }
    case 'refused':
      out.stderr(`${event.at} ${c.red('refused')} ${event.environment} from ${event.origin}: ${event.reason} (still relaying the last good bundle)\n`);
      return;
    case 'upstream':
      out.stderr(`${event.at} ${c.yellow('upstream')} ${event.environment ? `${event.environment}: ` : ''}${event.message}\n`);
  }
}
