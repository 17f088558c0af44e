/**
 * The workspace (node/workspace.ts) and the service over it (node/service.ts), in memory:
 * the same listing, decoding, configuration and ignore rules as on disk, with no files.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { encodeText } from '../../server/src/node/write-text';
import { createReferatService } from '../../server/src/node/service';
import { memoryWorkspace } from '../../server/src/node/workspace';

const ROOT = path.resolve(__dirname, '..', '..');
const fixture = (...parts: string[]) => readFileSync(path.join(ROOT, 'test', 'fixtures', ...parts), 'utf8');

describe('workspace and service in memory', () => {
  const workspace = memoryWorkspace({
    '/ws/agenda.txt': fixture('rules', 'crossdoc', 'agenda.txt'),
    '/ws/minutes.txt': fixture('rules', 'crossdoc', 'minutes.txt'),
    '/ws/old/legacy.txt': encodeText('Referat\n\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning\nGodkendt. Mødet sluttede kl. 17.\n', { encoding: 'windows-1252' }),
    '/ws/docs/example.txt': fixture('001_1bb751e75b116f8a.txt'),
    '/ws/node_modules/pkg/readme.md': '# not minutes',
    '/ws/.hidden/notes.txt': 'hidden',
    '/ws/picture.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    '/ws/.referat.json': JSON.stringify({ ignorePatterns: ['docs/**'], rules: { RF098: 'warning' } }),
  });
  const service = createReferatService({ workspace });

  it('lists minutes files by the shared rules and leaves out what ignorePatterns name', () => {
    assert.deepEqual(workspace.minutesFiles('/ws'), ['/ws/agenda.txt', '/ws/docs/example.txt', '/ws/minutes.txt', '/ws/old/legacy.txt']);
    assert.deepEqual(service.files(['/ws']), ['/ws/agenda.txt', '/ws/minutes.txt', '/ws/old/legacy.txt']);
  });

  it('reads a Windows-1252 file and reports RF098 at the configured severity', () => {
    assert.equal(workspace.readText('/ws/old/legacy.txt').encoding, 'windows-1252');
    assert.match(workspace.readText('/ws/old/legacy.txt').text, /Mødet/);
    const [legacy] = service.checkFiles(['/ws/old/legacy.txt']);
    const rf098 = legacy.findings.filter((f) => f.code === 'RF098');
    assert.equal(rf098.length, 1);
    assert.equal(rf098[0].severity, 'warning');
    assert.ok(rf098[0].fingerprint);
  });

  it('compares minutes with their agenda among the files checked', () => {
    const checked = service.checkFiles(service.files(['/ws']));
    const minutes = checked.find((d) => d.file === '/ws/minutes.txt')!;
    assert.deepEqual(minutes.findings.filter((f) => f.code.startsWith('RF22')).map((f) => f.code).sort(), ['RF220', 'RF220', 'RF220', 'RF221']);
    assert.ok(minutes.findings.every((f) => f.fingerprint));
    // Without the agenda among the files, nothing to compare.
    const alone = service.checkFiles(['/ws/minutes.txt'])[0];
    assert.equal(alone.findings.filter((f) => f.code.startsWith('RF22')).length, 0);
  });

  it('says why a file cannot be read', () => {
    assert.deepEqual(service.checkFiles(['/ws/missing.txt'])[0].error?.en, 'cannot be read: ENOENT: /ws/missing.txt');
    assert.equal(service.checkFiles(['/ws/picture.png'])[0].error?.en, 'is a binary file, not text');
  });
});
