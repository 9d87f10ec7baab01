import { spawn } from 'node:child_process';
import { simpleGit } from 'simple-git';
import { GitError } from '../core/errors.js';

/** One committed version of a file, as `git log` saw it. */
export interface FileRevision {
  sha: string;
  /** ISO 8601 committer date. */
  date: string;
  author: string;
  email: string;
  subject: string;
  /** The path at that commit, relative to `cwd`, posix separators. */
  path: string;
  /** The file's content at that commit; undefined when the commit deleted it. */
  text: string | undefined;
}

interface LogEntry {
  sha: string;
  date: string;
  author: string;
  email: string;
  subject: string;
  changes: { status: string; path: string; from?: string }[];
}

const FORMAT = '%x1e%H%x1f%cI%x1f%an%x1f%ae%x1f%s';

/**
 * The history of one file, newest first, following renames. One `git log` for the metadata and
 * one `git cat-file --batch` for every version's content.
 */
export async function readFileHistory(cwd: string, file: string): Promise<FileRevision[]> {
  const entries = await gitLog(cwd, ['--follow', '--', file]);
  const wanted = entries.flatMap((entry) => {
    const change = entry.changes[0];
    return change ? [{ entry, status: change.status, path: change.path }] : [];
  });
  const texts = await readBlobs(cwd, wanted.filter((w) => w.status !== 'D').map((w) => `${w.entry.sha}:./${w.path}`));
  return wanted.map(({ entry, status, path }) => toRevision(entry, path, status === 'D' ? undefined : texts.get(`${entry.sha}:./${path}`)));
}

/**
 * The history of every file under `dir` at once, keyed by each file's latest path (renames are
 * followed inside the folder), newest first. One `git log` pass over the folder, so it stays cheap
 * for hundreds of flags. Files deleted since keep their last path as key.
 */
export async function readFlagsHistory(cwd: string, dir: string): Promise<Map<string, FileRevision[]>> {
  const entries = await gitLog(cwd, ['-M', '--', dir]);
  const current = new Map<string, string>();
  const found: { key: string; entry: LogEntry; status: string; path: string }[] = [];
  for (const entry of entries) {
    for (const change of entry.changes) {
      const key = current.get(change.path) ?? change.path;
      if (change.from !== undefined && change.from !== change.path) current.set(change.from, key);
      found.push({ key, entry, status: change.status, path: change.path });
    }
  }
  const texts = await readBlobs(cwd, found.filter((f) => f.status !== 'D').map((f) => `${f.entry.sha}:./${f.path}`));
  const history = new Map<string, FileRevision[]>();
  for (const { key, entry, status, path } of found) {
    const text = status === 'D' ? undefined : texts.get(`${entry.sha}:./${path}`);
    const list = history.get(key) ?? [];
    list.push(toRevision(entry, path, text));
    history.set(key, list);
  }
  return history;
}

/** True when `cwd` lies inside a git work tree. */
export async function isGitRepository(cwd: string): Promise<boolean> {
  try {
    return (await simpleGit({ baseDir: cwd }).raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

async function gitLog(cwd: string, args: string[]): Promise<LogEntry[]> {
  let raw: string;
  try {
    raw = await simpleGit({ baseDir: cwd }).raw(['log', '-z', '--relative', '--name-status', `--format=${FORMAT}`, ...args]);
  } catch (error) {
    if (/does not have any commits/.test(String((error as Error).message))) return [];
    throw new GitError(`cannot read the git history in ${cwd}`, {
      hint: 'Run the command inside a git repository: audit trails and the ages of stale flags come from its history.',
      cause: error,
    });
  }
  return raw.split('\x1e').filter((record) => record.length > 0).map(parseRecord);
}

function parseRecord(record: string): LogEntry {
  const end = record.indexOf('\0');
  const header = (end === -1 ? record : record.slice(0, end)).split('\x1f');
  const [sha = '', date = '', author = '', email = '', subject = ''] = header;
  const tokens = (end === -1 ? '' : record.slice(end + 1)).replace(/^\n/, '').split('\0').filter((t) => t !== '');
  const changes: LogEntry['changes'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const status = tokens[i]!.charAt(0);
    if (status === 'R' || status === 'C') {
      changes.push({ status, from: tokens[i + 1]!, path: tokens[i + 2]! });
      i += 2;
    } else {
      changes.push({ status, path: tokens[i + 1]! });
      i += 1;
    }
  }
  return { sha, date, author, email, subject, changes };
}

function toRevision(entry: LogEntry, path: string, text: string | undefined): FileRevision {
  const { sha, date, author, email, subject } = entry;
  return { sha, date, author, email, subject, path, text };
}

/** Reads many `rev:path` objects through one `git cat-file --batch` process. */
async function readBlobs(cwd: string, specs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(specs)];
  const result = new Map<string, string>();
  if (unique.length === 0) return result;
  const output = await runBatch(cwd, unique.map((s) => `${s}\n`).join(''));
  let offset = 0;
  for (const spec of unique) {
    const newline = output.indexOf(10, offset);
    if (newline === -1) break;
    const header = output.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.slice(header.lastIndexOf(' ') + 1));
    result.set(spec, output.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return result;
}

function runBatch(cwd: string, input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new GitError('cannot run git cat-file', { cause: error, hint: 'Install git and put it on PATH.' })));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new GitError(`git cat-file failed: ${stderr.trim()}`, { hint: 'Check that the repository is not corrupt (`git fsck`).' }));
    });
    child.stdin.end(input);
  });
}
