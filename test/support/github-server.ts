import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/**
 * A small in-memory GitHub REST (+ GraphQL auto-merge) server on 127.0.0.1, for running the
 * real Octokit against. Records every request; failures can be injected per route.
 *
 *   const gh = await startGitHubServer({ owner: 'acme', repo: 'flags' });
 *   createForge({ token: 't', baseUrl: gh.url, owner: 'acme', repo: 'flags' });
 *   gh.fail({ method: 'POST', path: /\/pulls$/, status: 422, message: 'Validation Failed' });
 *   expect(gh.pulls).toHaveLength(1); expect(gh.requests[0]!.auth).toBe('token t');
 */

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The Authorization header as sent. */
  auth: string | undefined;
}

export interface FakePull {
  number: number;
  node_id: string;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
  labels: string[];
  autoMerge?: { mergeMethod: string };
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
}

export interface Failure {
  method?: string;
  path: RegExp | string;
  status: number;
  message?: string;
  /** How many matching requests fail; default every one. */
  times?: number;
}

export type Handler = (req: RecordedRequest) => { status: number; body: unknown } | undefined;

export interface GitHubServer {
  /** Base URL for Octokit (`baseUrl`). */
  url: string;
  owner: string;
  repo: string;
  requests: RecordedRequest[];
  pulls: FakePull[];
  comments: FakeComment[];
  /** When set, requests without `token <this>` / `Bearer <this>` get 401. */
  token?: string;
  /** GraphQL auto-merge answers with this error message when set (e.g. auto-merge not allowed). */
  autoMergeError?: string;
  fail(failure: Failure): void;
  /** Adds a handler for a route this server does not know; checked before the built-in ones. */
  route(method: string, path: RegExp, handler: Handler): void;
  close(): Promise<void>;
}

const open: GitHubServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

export async function startGitHubServer(options: { owner?: string; repo?: string; defaultBranch?: string; token?: string } = {}): Promise<GitHubServer> {
  const state = createState(options);
  const server = createServer((req, res) => void handle(state, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  open.push(state);
  return state;
}

type State = GitHubServer & { defaultBranch: string; failures: Failure[]; extra: { method: string; path: RegExp; handler: Handler }[] };

function createState(options: { owner?: string; repo?: string; defaultBranch?: string; token?: string }): State {
  const state: State = {
    url: '',
    owner: options.owner ?? 'acme',
    repo: options.repo ?? 'flags',
    defaultBranch: options.defaultBranch ?? 'main',
    token: options.token,
    requests: [],
    pulls: [],
    comments: [],
    failures: [],
    extra: [],
    fail: (failure) => void state.failures.push(failure),
    route: (method, path, handler) => void state.extra.push({ method, path, handler }),
    close: async () => {},
  };
  return state;
}

async function handle(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const raw = await readBody(req);
  const recorded: RecordedRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: raw ? safeJson(raw) : undefined,
    auth: req.headers.authorization,
  };
  state.requests.push(recorded);
  const { status, body } = answer(state, recorded);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

function answer(state: State, req: RecordedRequest): { status: number; body: unknown } {
  const failure = state.failures.find((f) => (!f.method || f.method === req.method) && matches(f.path, req.path) && (f.times ?? 1) > 0);
  if (failure) {
    if (failure.times !== undefined) failure.times--;
    return { status: failure.status, body: { message: failure.message ?? defaultMessage(failure.status), documentation_url: 'https://docs.github.com/rest' } };
  }
  if (state.token && req.auth !== `token ${state.token}` && req.auth !== `bearer ${state.token}` && req.auth !== `Bearer ${state.token}`) {
    return { status: 401, body: { message: 'Bad credentials' } };
  }
  for (const extra of state.extra) {
    if (extra.method === req.method && extra.path.test(req.path)) {
      const result = extra.handler(req);
      if (result) return result;
    }
  }
  if (req.method === 'POST' && req.path === '/graphql') return graphql(state, req);
  const prefix = `/repos/${state.owner}/${state.repo}`;
  if (!req.path.startsWith(prefix)) return notFound();
  return restRoute(state, req, req.path.slice(prefix.length));
}

function restRoute(state: State, req: RecordedRequest, path: string): { status: number; body: unknown } {
  const body = (req.body ?? {}) as Record<string, unknown>;
  let m: RegExpExecArray | null;
  if (req.method === 'GET' && path === '') {
    return ok({ id: 1, name: state.repo, full_name: `${state.owner}/${state.repo}`, default_branch: state.defaultBranch, allow_auto_merge: true });
  }
  if (req.method === 'GET' && path === '/pulls') {
    const head = req.query.head;
    const wanted = req.query.state ?? 'open';
    const list = state.pulls.filter((p) => (wanted === 'all' || p.state === wanted) && (!head || `${state.owner}:${p.head}` === head));
    return ok(list.map((p) => pullJson(state, p)));
  }
  if (req.method === 'POST' && path === '/pulls') return createPull(state, body);
  if ((m = /^\/pulls\/(\d+)$/.exec(path))) {
    const pull = state.pulls.find((p) => p.number === Number(m![1]));
    if (!pull) return notFound();
    if (req.method === 'PATCH') Object.assign(pull, pick(body, ['title', 'body', 'state', 'base']));
    return ok(pullJson(state, pull));
  }
  if (req.method === 'POST' && (m = /^\/issues\/(\d+)\/labels$/.exec(path))) {
    const pull = state.pulls.find((p) => p.number === Number(m![1]));
    if (!pull) return notFound();
    for (const label of (body.labels as string[]) ?? []) if (!pull.labels.includes(label)) pull.labels.push(label);
    return ok(pull.labels.map((name, i) => ({ id: i + 1, name })));
  }
  if ((m = /^\/issues\/(\d+)\/comments$/.exec(path))) {
    const issue = Number(m[1]);
    if (req.method === 'GET') return ok(state.comments.filter((c) => c.issue === issue).map((c) => commentJson(state, c)));
    const comment = { id: 1000 + state.comments.length + 1, issue, body: String(body.body ?? '') };
    state.comments.push(comment);
    return { status: 201, body: commentJson(state, comment) };
  }
  if (req.method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(path))) {
    const comment = state.comments.find((c) => c.id === Number(m![1]));
    if (!comment) return notFound();
    comment.body = String(body.body ?? '');
    return ok(commentJson(state, comment));
  }
  return notFound();
}

function createPull(state: State, body: Record<string, unknown>): { status: number; body: unknown } {
  const head = String(body.head ?? '').replace(`${state.owner}:`, '');
  if (!head || !body.base || !body.title) return validation('head, base and title are required');
  if (state.pulls.some((p) => p.state === 'open' && p.head === head)) return validation(`A pull request already exists for ${state.owner}:${head}.`);
  const number = state.pulls.length + 1;
  const pull: FakePull = { number, node_id: `PR_node_${number}`, title: String(body.title), body: String(body.body ?? ''), head, base: String(body.base), state: 'open', labels: [] };
  state.pulls.push(pull);
  return { status: 201, body: pullJson(state, pull) };
}

function graphql(state: State, req: RecordedRequest): { status: number; body: unknown } {
  const { query = '', variables = {} } = (req.body ?? {}) as { query?: string; variables?: Record<string, unknown> };
  if (!/enablePullRequestAutoMerge/.test(query)) return ok({ errors: [{ message: 'This server only knows enablePullRequestAutoMerge' }] });
  const id = variables.pullRequestId ?? variables.id;
  const pull = state.pulls.find((p) => p.node_id === id);
  if (!pull) return ok({ data: null, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${String(id)}'` }] });
  if (state.autoMergeError) return ok({ data: null, errors: [{ message: state.autoMergeError }] });
  pull.autoMerge = { mergeMethod: String(variables.mergeMethod ?? "MERGE") };
  return ok({ data: { enablePullRequestAutoMerge: { pullRequest: { number: pull.number } } } });
}

function pullJson(state: State, p: FakePull) {
  return {
    id: p.number, number: p.number, node_id: p.node_id, state: p.state, title: p.title, body: p.body,
    html_url: `https://github.example/${state.owner}/${state.repo}/pull/${p.number}`,
    head: { ref: p.head, label: `${state.owner}:${p.head}` }, base: { ref: p.base },
    labels: p.labels.map((name, i) => ({ id: i + 1, name })),
    auto_merge: p.autoMerge ? { merge_method: p.autoMerge.mergeMethod.toLowerCase() } : null,
  };
}

function commentJson(state: State, c: FakeComment) {
  return { id: c.id, body: c.body, html_url: `https://github.example/${state.owner}/${state.repo}/pull/${c.issue}#issuecomment-${c.id}` };
}

const ok = (body: unknown) => ({ status: 200, body });
const notFound = () => ({ status: 404, body: { message: 'Not Found' } });
const validation = (message: string) => ({ status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message }] } });

function defaultMessage(status: number): string {
  return ({ 401: 'Bad credentials', 403: 'Resource not accessible by integration', 404: 'Not Found', 422: 'Validation Failed' } as Record<number, string>)[status] ?? 'Error';
}

function matches(pattern: RegExp | string, path: string): boolean {
  return typeof pattern === 'string' ? path === pattern : pattern.test(path);
}

function pick(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
