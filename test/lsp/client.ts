/**
 * A minimal LSP client for tests: starts the bundled dist/server.js over stdio,
 * exactly as an editor would, and speaks JSON-RPC to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export class TestClient {
  readonly connection: MessageConnection;
  private readonly proc: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void; after: number }[] = [];
  private diagnosticCount = 0;
  readonly notifications: { method: string; params: unknown }[] = [];
  settings: Record<string, unknown> = {};
  /** Settings of a folder (by URI prefix), as VS Code answers for a resource-scoped setting. */
  scoped: Record<string, Record<string, unknown>> = {};
  stderr = '';

  constructor() {
    if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` (npm test does it first)');
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnosticCount++;
      this.diagnostics.set(p.uri, p);
      for (const w of this.waiters.filter((x) => x.uri === p.uri && this.diagnosticCount > x.after)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
    });
    // Resource-scoped settings: an item asked with a scopeUri under a prefix in `scoped` gets those on top.
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) =>
      p.items.map((item) => {
        const scope = Object.keys(this.scoped).find((prefix) => item.scopeUri?.startsWith(prefix));
        return scope ? { ...this.settings, ...this.scoped[scope] } : this.settings;
      }),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(workspaceFolder?: string, settings: Record<string, unknown> = {}, initializationOptions?: Record<string, unknown>): Promise<InitializeResult> {
    this.settings = { debounceMs: 0, ...settings };
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceFolder ? `file://${workspaceFolder}` : null,
      workspaceFolders: workspaceFolder ? [{ uri: `file://${workspaceFolder}`, name: 'ws' }] : null,
      initializationOptions,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for uri after this call. */
  nextDiagnostics(uri: string, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, after: this.diagnosticCount, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  lastDiagnostics(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri)?.diagnostics;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.connection.dispose();
    this.proc.kill();
  }

  get exited(): boolean {
    return this.proc.exitCode !== null;
  }
}
