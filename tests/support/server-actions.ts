import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BUILD_DIR } from './app-server';

/**
 * Server actions over HTTP, exactly as a browser calls them: the action id from the build's
 * server-reference-manifest.json, the arguments encoded by React's own encodeReply (the same code
 * the browser runs), a POST to a page that imports the action with a `Next-Action` header, and the
 * action's return value read back from the RSC answer.
 */

export type ActionRef = { id: string; name: string; file: string; pages: string[] };

/** Every export of every 'use server' file under lib/actions, read from the sources. */
export function exportedActions(dir = path.resolve('lib/actions')): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      found.push(...exportedActions(full));
      continue;
    }
    const source = readFileSync(full, 'utf8');
    if (!/^\s*['"]use server['"]/.test(source)) continue;
    const file = path.relative(process.cwd(), full).split(path.sep).join('/');
    for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+))/g)) found.push({ name: (match[1] ?? match[2])!, file });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The build's actions by exported name (each name is unique across lib/actions). */
export function builtActions(): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(path.join(BUILD_DIR, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const actions = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename.startsWith('lib/actions/')) continue;
    actions.set(entry.exportedName, { id, name: entry.exportedName, file: entry.filename, pages: Object.keys(entry.workers).map(pagePattern).sort() });
  }
  return actions;
}

/** 'app/(app)/orgs/[slug]/team/page' → '/orgs/[slug]/team'. */
function pagePattern(worker: string): string {
  const segments = worker.replace(/^app\//, '').replace(/\/?page$/, '').split('/').filter((s) => s && !/^\(.*\)$/.test(s));
  return '/' + segments.join('/');
}

const require = createRequire(path.resolve('package.json'));
const flight = require('next/dist/compiled/react-server-dom-turbopack/client.node') as { encodeReply: (value: unknown) => Promise<string | FormData> };

/** The browser's encoding of an argument list (FormData arguments make it multipart). */
export function encodeArguments(args: unknown[]): Promise<string | FormData> {
  return flight.encodeReply(args);
}

export type ActionAnswer = {
  status: number;
  location: string | null;
  actionRedirect: string | null;
  headers: { notFound: boolean };
  value: unknown;
  hasValue: boolean;
  error: boolean;
  text: string;
};

export type ActionCall = { baseUrl: string; action: ActionRef; page: string; args: unknown[]; cookie?: string; headers?: Record<string, string> };

/** Posts the action; by default with the Origin of the server itself, as a page of the site would. */
export async function callAction({ baseUrl, action, page, args, cookie, headers }: ActionCall): Promise<ActionAnswer> {
  const body = await encodeArguments(args);
  const response = await fetch(`${baseUrl}${page}`, {
    method: 'POST',
    redirect: 'manual',
    body,
    headers: { accept: 'text/x-component', 'next-action': action.id, origin: baseUrl, ...(cookie ? { cookie } : {}), ...headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    location: response.headers.get('location'),
    actionRedirect: response.headers.get('x-action-redirect'),
    headers: { notFound: response.headers.get('x-nextjs-action-not-found') === '1' },
    ...readActionValue(text),
    text,
  };
}

/**
 * The action's return value in an RSC answer: row 0 is `{"a":"$@<row>", …}` (or "$undefined" for
 * an action that returns nothing) and the row it names holds the value as JSON, or `E{…}` when the
 * action threw.
 */
export function readActionValue(text: string): { value: unknown; hasValue: boolean; error: boolean } {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  let head: { a?: unknown };
  try {
    head = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown };
  } catch {
    return { value: undefined, hasValue: false, error: false };
  }
  if (!head || typeof head !== 'object' || !('a' in head)) return { value: undefined, hasValue: false, error: false };
  if (head.a === '$undefined') return { value: undefined, hasValue: true, error: false };
  const ref = typeof head.a === 'string' ? /^\$@([0-9a-f]+)$/.exec(head.a)?.[1] : undefined;
  if (!ref) return { value: head.a, hasValue: true, error: false };
  const row = rows.get(ref) ?? '';
  if (row.startsWith('E')) return { value: undefined, hasValue: false, error: true };
  try {
    const value = JSON.parse(row) as unknown;
    return { value: value === '$undefined' ? undefined : value, hasValue: true, error: false };
  } catch {
    return { value: undefined, hasValue: false, error: false };
  }
}

/** The message texts of lib/actions/result.ts (errors.<CODE>) in every language, back to their code. */
export function errorCodesByMessage(): Map<string, string> {
  const byMessage = new Map<string, string>();
  for (const locale of readdirSync(path.resolve('messages'))) {
    const dir = path.resolve('messages', locale);
    for (const file of readdirSync(dir)) {
      const messages = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      const errors = messages.errors as Record<string, unknown> | undefined;
      if (errors) for (const [code, message] of Object.entries(errors)) if (typeof message === 'string') byMessage.set(message, code);
    }
  }
  return byMessage;
}

const SHORT: Record<string, string> = { UNAUTHENTICATED: '401', FORBIDDEN: '403', NOT_FOUND: '404', unexpected: 'err' };

/**
 * What an answer means, in the access matrix's words: `ok` (the action succeeded), `go` (it
 * succeeded and redirected), `in` (sent to sign-in before the action ran), `bad` (a field error),
 * `401` / `403` / `404` (the action refused: signed out, role too low, not found), `err` (an
 * unexpected error reported as such), `xs` (refused as cross-site by the proxy), `none` (Next ran
 * no action: the page does not import it), `5xx`, or `other:…` for anything else.
 */
export function outcomeOf(answer: ActionAnswer, codes: Map<string, string>): string {
  if (answer.status >= 500) return '5xx';
  if (answer.status === 403 && /Cross-site request refused/.test(answer.text)) return 'xs';
  if (answer.status >= 300 && answer.status < 400 && !answer.actionRedirect) return /\/sign-in(\?|$)/.test(answer.location ?? '') ? 'in' : `other:${answer.status} ${answer.location}`;
  if (answer.actionRedirect) return /^\/sign-in/.test(answer.actionRedirect) ? 'in' : 'go';
  if ((answer.status === 200 && !/^0:/m.test(answer.text)) || answer.headers.notFound) return 'none';
  if (answer.status !== 200 || !answer.hasValue) return `other:${answer.status} ${answer.text.slice(0, 120)}`;
  const value = answer.value as { ok?: unknown; message?: unknown; errors?: unknown } | undefined | null;
  if (value === undefined || value === null || value.ok === true) return 'ok';
  if (value.ok === false && value.errors && typeof value.errors === 'object' && Object.keys(value.errors).length > 0) return 'bad';
  if (value.ok === false && typeof value.message === 'string') {
    const code = codes.get(value.message);
    return code ? (SHORT[code] ?? code) : `msg:${value.message}`;
  }
  return `other:${JSON.stringify(value).slice(0, 120)}`;
}
