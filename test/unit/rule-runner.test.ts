/**
 * The one rule runner (core/run-rules.ts): a rule that throws, over one document or over the agenda and the
 * minutes of a meeting, is one information finding naming it, and the other rules' findings stay, on each
 * path a user takes: `referat check` (the CLI's main), the editor (DocumentStore.documentFindings, what
 * diagnostics and code actions show) and "Validate workspace" (the request handler over the workspace folder).
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { main, type Io } from '../../server/src/cli';
import { analyze } from '../../server/src/core/analyze';
import { indexMeeting } from '../../server/src/core/crossdoc';
import type { Finding } from '../../server/src/core/model';
import { DOCUMENT_SET_RULES, RULES } from '../../server/src/core/rules/index';
import { Requests } from '../../server/src/features/protocol';
import { nodeHost } from '../../server/src/features/node-host';
import { DocumentStore } from '../../server/src/features/store';
import { registerValidateWorkspace } from '../../server/src/features/validateWorkspace';
import { FIXTURES } from './helpers';

const CROSSDOC = path.join(FIXTURES, 'rules', 'crossdoc');

/** Makes the rule with `code` throw until the returned function is called. */
function makeThrow(code: string): () => void {
  const rule = [...RULES, ...DOCUMENT_SET_RULES].find((r) => r.code === code);
  assert.ok(rule, code);
  const original = rule.check;
  rule.check = () => {
    throw new Error(`${code} is broken on purpose`);
  };
  return () => {
    rule.check = original;
  };
}

/** The findings that say the rule `code` failed (as a Finding, in CLI JSON or as a diagnostic's message). */
const failed = <F extends { code?: unknown; message?: unknown }>(findings: readonly F[], code: string) =>
  findings.filter((f) => f.code === code && /fejlede internt|failed internally/.test(JSON.stringify(f.message)));

/** The agenda and the minutes of one meeting in a folder of their own. */
function meetingFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'referat-runner-'));
  for (const name of ['agenda.txt', 'minutes.txt']) copyFileSync(path.join(CROSSDOC, name), path.join(dir, name));
  return dir;
}

async function cliJson(args: string[]): Promise<{ code: number; files: { file: string; diagnostics: Finding[] }[] }> {
  const out: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: () => undefined, stdout: {}, env: {} };
  const code = await main([...args, '--format', 'json', '--concurrency', 'off'], io);
  return { code, files: JSON.parse(out.join('\n')) };
}

/** A connection that records what is published and keeps the request handlers, with no client behind it. */
function fakeConnection() {
  const published = new Map<string, { code?: unknown; severity?: number; message: string }[]>();
  const handlers = new Map<string, (params: unknown, token: unknown) => Promise<unknown>>();
  const progress = { begin() {}, report() {}, done() {}, token: { isCancellationRequested: false } };
  const connection = {
    console: { log() {} },
    sendDiagnostics: async (p: { uri: string; diagnostics: { code?: unknown; severity?: number; message: string }[] }) => void published.set(p.uri, p.diagnostics),
    sendNotification: async () => undefined,
    onRequest: (method: string, handler: (params: unknown, token: unknown) => Promise<unknown>) => void handlers.set(method, handler),
    window: { createWorkDoneProgress: async () => progress },
    workspace: { getConfiguration: async () => ({}) },
  };
  return { connection: connection as unknown as Connection, published, handlers };
}

async function validateWorkspace(dir: string) {
  const { connection, published, handlers } = fakeConnection();
  const store = new DocumentStore(connection, (log) => nodeHost(path.join(__dirname, 'no-worker.js'), log));
  store.settings.folders = [dir];
  // As the server's `initialized` does: the run waits for the first settings (referat.archives among them).
  store.settingsArrived();
  registerValidateWorkspace(store);
  const handler = handlers.get(Requests.validateWorkspace);
  assert.ok(handler, 'Validate workspace registers its request');
  await handler({}, { isCancellationRequested: false });
  return published.get(URI.file(path.join(dir, 'minutes.txt')).toString()) ?? [];
}

function editorFindings(dir: string): Finding[] {
  const { connection } = fakeConnection();
  const store = new DocumentStore(connection, (log) => nodeHost(path.join(__dirname, 'no-worker.js'), log));
  const agendaUri = URI.file(path.join(dir, 'agenda.txt')).toString();
  store.index.set(agendaUri, indexMeeting(agendaUri, analyze(readFileSync(path.join(dir, 'agenda.txt'), 'utf8')).model));
  const minutesUri = URI.file(path.join(dir, 'minutes.txt')).toString();
  return store.documentFindings(minutesUri, analyze(readFileSync(path.join(dir, 'minutes.txt'), 'utf8')));
}

for (const { kind, code, other } of [
  { kind: 'a per-document rule', code: 'RF020', other: 'RF220' },
  { kind: 'a document-set rule', code: 'RF220', other: 'RF221' },
]) {
  describe(`${kind} that throws`, () => {
    let restore: () => void = () => undefined;
    const dir = meetingFolder();
    // The other rule's findings on the same minutes, to show that they stay.
    const before = editorFindings(dir);
    beforeEach(() => (restore = makeThrow(code)));
    afterEach(() => restore());

    it(`reports ${other} on the fixture when nothing throws, and no failure`, () => {
      assert.ok(before.some((f) => f.code === other), `${other} has a finding`);
      assert.equal(failed(before, code).length, 0);
    });

    it(`is one information finding naming ${code} in referat check, and the exit code is not 2`, async () => {
      const { code: exit, files } = await cliJson(['check', dir]);
      assert.notEqual(exit, 2);
      const minutes = files.find((f) => f.file.endsWith('minutes.txt'));
      assert.ok(minutes);
      const own = failed(minutes.diagnostics, code);
      assert.equal(own.length, 1, JSON.stringify(minutes.diagnostics.map((f) => f.code)));
      assert.equal(own[0].severity, 'information');
      assert.match(JSON.stringify(own[0].message), new RegExp(`${code} .*broken on purpose`));
      assert.equal(minutes.diagnostics.filter((f) => f.code === code).length, 1, 'nothing else of the rule that threw');
      assert.ok(minutes.diagnostics.some((f) => f.code === other), `${other} still reports`);
    });

    it(`is one information finding naming ${code} in the editor`, () => {
      const findings = editorFindings(dir);
      assert.equal(failed(findings, code).length, 1);
      assert.equal(failed(findings, code)[0].severity, 'information');
      assert.equal(findings.filter((f) => f.code === other).length, before.filter((f) => f.code === other).length);
    });

    it(`is one information diagnostic naming ${code} after Validate workspace`, async () => {
      const diagnostics = await validateWorkspace(dir);
      const own = failed(diagnostics, code);
      assert.equal(own.length, 1, JSON.stringify(diagnostics.map((d) => d.code)));
      assert.equal(diagnostics.filter((d) => d.code === code).length, 1, 'nothing else of the rule that threw');
      assert.equal(own[0].severity, 3, 'information');
      assert.match(own[0].message, new RegExp(code));
      assert.ok(diagnostics.some((d) => d.code === other), `${other} still reports`);
    });
  });
}
