import type { CompileResult } from '../../io/compile.js';
import type { KeygenResult } from '../../io/keys.js';
import type { VerifyFileResult } from '../../io/verify.js';
import type { Output } from '../output.js';
import { renderFindings } from './findings.js';

export function renderCompile(result: CompileResult, out: Output, json: boolean): void {
  if (json) {
    out.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const c = out.color;
  renderFindings(result.diagnostics, out);
  if (result.bundles.length === 0) {
    out.stderr(`${c.red('error')}: nothing compiled: fix the errors above (nothing was written)\n`);
    return;
  }
  for (const warning of result.warnings) out.stderr(`${c.yellow('warning')}: ${warning}\n`);
  for (const b of result.bundles) {
    const signed = b.keyid ? `signed by ${b.keyid}` : c.yellow('UNSIGNED (SDKs refuse it)');
    out.stdout(`${c.green('compiled')} ${b.environment}  v${b.version}  ${b.flags} flags  ${b.file}  sha256:${b.digest.slice(0, 12)}  ${signed}\n`);
  }
}

export function renderVerify(verified: VerifyFileResult, out: Output, json: boolean, now: Date = new Date()): void {
  const { result } = verified;
  if (json) {
    const body = result.ok
      ? { ok: verified.ok, file: verified.file, expired: verified.expired, digest: result.digest, keyid: result.keyid, ...summaryOf(result.payload) }
      : { ok: false, file: verified.file, code: result.code, message: result.message };
    out.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  const c = out.color;
  if (!result.ok) {
    out.stdout(`${c.red('FAILED')} ${verified.file}: ${result.code}\n  ${result.message}\n`);
    return;
  }
  const p = result.payload;
  const days = Math.round((Date.parse(p.expiresAt) - now.getTime()) / 86_400_000);
  const expiry = verified.expired ? c.red(`EXPIRED ${-days} day(s) ago`) : `in ${days} day(s)`;
  out.stdout(`${verified.ok ? c.green('ok') : c.red('FAILED')} ${verified.file}\n`);
  const rows: [string, string][] = [
    ['environment', p.environment],
    ['version', String(p.version)],
    ['issued', p.issuedAt],
    ['expires', `${p.expiresAt} (${expiry})`],
    ['source', p.source],
    ['keyid', result.keyid],
    ['flags', String(Object.keys(p.flags).length)],
    ['digest', `sha256:${result.digest}`],
  ];
  for (const [label, value] of rows) out.stdout(`  ${c.dim(label.padEnd(12))}${value}\n`);
}

function summaryOf(p: { environment: string; version: number; issuedAt: string; expiresAt: string; source: string; flags: object }) {
  return { environment: p.environment, version: p.version, issuedAt: p.issuedAt, expiresAt: p.expiresAt, source: p.source, flags: Object.keys(p.flags).length };
}

/** With the private key on stdout, everything for people goes to stderr. */
export function renderKeygen(result: KeygenResult, out: Output): void {
  const c = out.color;
  const say = result.privateKeyPem ? out.stderr : out.stdout;
  if (result.privateKeyPem) out.stdout(result.privateKeyPem);
  say(`${c.green('generated')} Ed25519 key ${result.id} (keyid ${result.keyid})\n`);
  if (result.file) say(`  private key  ${result.file} (mode 0600): keep it secret; CI reads it from FLAGS_SIGNING_KEY\n`);
  else say('  private key  printed to stdout: store it as the FLAGS_SIGNING_KEY secret\n');
  say(`  public key   added to ${result.config} (signing.keys); commit that change\n`);
}
