/**
 * The CLI's main() with a fake terminal or pipe: --fix, --quiet, grouped and coloured
 * output on a terminal (one line per finding when piped, NO_COLOR and FORCE_COLOR),
 * results in input order with the findings between documents appended, and the exit codes.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../server/src/cli';
import { decodeBytes, encodeText, UnencodableTextError } from '../../server/src/cli/files';
import { colourWanted } from '../../server/src/cli/terminal';
import { FIXTURES } from './helpers';

const WEEKDAY = path.join(FIXTURES, 'rules', 'dates', 'weekday.txt');
const NUMBERING = path.join(FIXTURES, 'rules', 'structure', 'numbering-defects.txt');
const CROSSDOC = path.join(FIXTURES, 'rules', 'crossdoc');
const ESC = '\x1b[';

interface Run {
  code: number;
  out: string;
  err: string;
  /** What each call of io.out wrote. */
  writes: string[];
}

/** main() writing to strings; `terminal` makes stdout a colour terminal. */
async function run(args: string[], options: { terminal?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    stdout: options.terminal ? { isTTY: true, hasColors: () => true } : {},
    env: options.env ?? {},
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n'), writes: out };
}

function tempCopy(...files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-main-'));
  for (const f of files) copyFileSync(f, path.join(dir, path.basename(f)));
  return dir;
}

describe('referat check output on a terminal and in a pipe', () => {
  it('piped: one file:LINE:COL: severity CODE message line per finding, no colour', async () => {
    const r = await run(['check', WEEKDAY, '--language', 'en']);
    const lines = r.out.split('\n');
    assert.equal(lines.length, 3);
    for (const line of lines) assert.match(line, /^\S*weekday\.txt:\d+:\d+: warning RF020 /);
    assert.ok(!r.out.includes(ESC));
  });

  it('on a terminal: grouped under the file, the severity coloured', async () => {
    const r = await run(['check', WEEKDAY, NUMBERING], { terminal: true });
    assert.ok(r.out.includes(ESC), 'coloured');
    const plain = r.out.replace(/\x1b\[\d+m/g, '');
    const lines = plain.split('\n');
    assert.match(lines[0], /weekday\.txt$/);
    assert.match(lines[1], /^ {2}3:10 {3}advarsel {2}RF020 {2}Torsdag passer ikke med datoen/);
    assert.match(lines[2], /^ {2}15:16 {2}advarsel/, 'places padded to one width');
    assert.equal(lines[4], '', 'a blank line after each file');
    assert.match(lines[5], /numbering-defects\.txt$/);
    assert.match(r.err, /^2 filer kontrolleret: 0 fejl, 6 advarsler, 0 oplysninger$/m);
  });

  it('NO_COLOR keeps the grouping and drops the colour; FORCE_COLOR colours a pipe and wins over NO_COLOR', async () => {
    const noColour = await run(['check', WEEKDAY], { terminal: true, env: { NO_COLOR: '1' } });
    assert.ok(!noColour.out.includes(ESC));
    assert.match(noColour.out, /^\S*weekday\.txt\n {2}3:10 /);
    const forced = await run(['check', WEEKDAY], { env: { FORCE_COLOR: '1' } });
    assert.ok(forced.out.includes(`${ESC}33mwarning${ESC}39m RF020`));
    assert.match(forced.out, /^\S*weekday\.txt:3:10: /, 'still one line per finding when piped');
    assert.equal(colourWanted({ FORCE_COLOR: '1', NO_COLOR: '1' }, {}), true);
    assert.equal(colourWanted({ FORCE_COLOR: '0' }, { isTTY: true, hasColors: () => true }), false);
    assert.equal(colourWanted({ NO_COLOR: '' }, { isTTY: true, hasColors: () => true }), true, 'an empty NO_COLOR does not count');
    assert.equal(colourWanted({}, { isTTY: true, hasColors: () => false }), false, 'a terminal without colours');
  });
});

describe('referat check --quiet', () => {
  it('reports errors only, in text and JSON, and prints no summary for a clean run', async () => {
    const text = await run(['check', WEEKDAY, '--quiet']);
    assert.equal(text.out, '');
    assert.equal(text.err, '');
    assert.equal(text.code, 0);
    const json = await run(['check', WEEKDAY, '-q', '--format', 'json']);
    assert.deepEqual(JSON.parse(json.out)[0].diagnostics, []);
  });

  it('still shows errors and the summary, and warnings still count for --max-warnings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-main-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const r = await run(['check', path.join(dir, 'empty.txt'), WEEKDAY, '--quiet']);
    assert.equal(r.code, 1);
    assert.match(r.out, /empty\.txt:1:1: error RF091/);
    assert.ok(!r.out.includes('RF020'));
    assert.match(r.err, /1 fejl, 3 advarsler/);
    assert.equal((await run(['check', WEEKDAY, '--quiet', '--max-warnings', '2'])).code, 1);
  });
});

describe('referat check --fix', () => {
  it('never writes without the flag', async () => {
    const dir = tempCopy(WEEKDAY);
    const before = readFileSync(path.join(dir, 'weekday.txt'));
    await run(['check', dir]);
    assert.deepEqual(readFileSync(path.join(dir, 'weekday.txt')), before);
  });

  it('applies the safe fixes, saves the file, and reports what the fixed text still has', async () => {
    const dir = tempCopy(WEEKDAY, NUMBERING);
    const r = await run(['check', dir, '--fix', '--format', 'json']);
    assert.equal(r.code, 0);
    const fixed = readFileSync(path.join(dir, 'weekday.txt'), 'utf8');
    assert.match(fixed, /^Mødedato Onsdag d\. 03\. november 2021/m);
    assert.match(fixed, /Borgermødet er FREDAG 05-11-2021 .* slutter onsdag d\. 10\. november 2021/);
    const numbering = readFileSync(path.join(dir, 'numbering-defects.txt'), 'utf8');
    assert.deepEqual([...numbering.matchAll(/^Punkt (\d+):/gm)].map((m) => Number(m[1])), [1, 2, 3, 4, 5, 6]);
    const reports = JSON.parse(r.out);
    // numbering-defects.txt first (a folder is read in name order): one fix renumbers all its items.
    assert.deepEqual(reports.map((x: { fixed?: number; diagnostics: unknown[] }) => [x.fixed, x.diagnostics.length]), [[1, 0], [3, 0]]);
    const text = await run(['check', dir, '--fix']);
    assert.match(text.err, /^2 filer kontrolleret: 0 fejl, 0 advarsler, 0 oplysninger$/, 'nothing left to fix: nothing saved');
  });

  it('keeps the line endings and the byte order mark', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-main-'));
    const file = path.join(dir, 'crlf.txt');
    writeFileSync(file, '\uFEFF' + readFileSync(WEEKDAY, 'utf8').replace(/\n/g, '\r\n'));
    await run(['check', file, '--fix']);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    assert.ok(!/[^\r]\n/.test(text), 'every line still ends in CRLF');
    assert.match(text, /Mødedato Onsdag/);
  });

  it('writes a Windows-1252 file back in Windows-1252 and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-main-'));
    const file = path.join(dir, 'old.txt');
    writeFileSync(file, encodeText(readFileSync(WEEKDAY, 'utf8'), { encoding: 'windows-1252' }));
    const r = await run(['check', file, '--fix', '--language', 'en']);
    assert.match(r.err, /old\.txt: fixed and saved as windows-1252, the file's own encoding/);
    assert.match(r.err, /3 fixes saved in 1 file/);
    const decoded = decodeBytes(readFileSync(file));
    assert.equal(decoded.encoding, 'windows-1252');
    assert.match(decoded.text, /Mødedato Onsdag/);
  });

  it('refuses a character Windows-1252 cannot hold rather than change the encoding', () => {
    assert.throws(() => encodeText('Punkt 1 ✓', { encoding: 'windows-1252' }), (e: unknown) => e instanceof UnencodableTextError && /windows-1252/.test(e.text.en) && /"✓"/.test(e.text.en));
    // Every byte Windows-1252 defines round-trips (0x81, 0x8D, 0x8F, 0x90 and 0x9D define no character).
    const defined = Array.from({ length: 224 }, (_, k) => k + 32).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    const all = decodeBytes(Uint8Array.from(defined)).text;
    assert.deepEqual([...encodeText(all, { encoding: 'windows-1252' })], defined, 'every defined byte round-trips');
  });

  it('reads the bytes 0x80–0x9F of a Windows-1252 file as its curly quotes, dashes and euro sign', () => {
    // Node's own TextDecoder('windows-1252') reads them as Latin-1 control characters.
    const decoded = decodeBytes(Uint8Array.from([0x93, 0x42, 0x65, 0x73, 0x6c, 0x75, 0x74, 0x6e, 0x69, 0x6e, 0x67, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x20, 0xe6]));
    assert.equal(decoded.encoding, 'windows-1252');
    assert.equal(decoded.text, '“Beslutning” – 5 € æ');
    assert.deepEqual([...encodeText(decoded.text, { encoding: 'windows-1252' })], [0x93, 0x42, 0x65, 0x73, 0x6c, 0x75, 0x74, 0x6e, 0x69, 0x6e, 0x67, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x20, 0xe6]);
  });

  it('never writes a file it could not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-main-'));
    const junk = Buffer.from([0, 1, 2, 3, 255, 0, 7]);
    writeFileSync(path.join(dir, 'junk.txt'), junk);
    const r = await run(['check', path.join(dir, 'junk.txt'), '--fix']);
    assert.equal(r.code, 2);
    assert.deepEqual(readFileSync(path.join(dir, 'junk.txt')), junk);
  });

  it('is an option of check only', async () => {
    assert.equal((await run(['outline', WEEKDAY, '--fix'])).code, 2);
    assert.equal((await run(['check', WEEKDAY, '--concurrency', 'many'])).code, 2);
  });
});

describe('referat check results in input order', () => {
  it("writes each file's findings as that file is done, not all at the end", async () => {
    const r = await run(['check', WEEKDAY, NUMBERING]);
    assert.equal(r.writes.length, 2);
    assert.match(r.writes[0], /^\S*weekday\.txt:3:10: /);
    assert.match(r.writes[1], /^\S*numbering-defects\.txt:15:7: /);
    const json = await run(['check', WEEKDAY, NUMBERING, '--format', 'json']);
    assert.equal(json.writes.length, 1, 'JSON stays one document');
  });

  it('prints each file in the order given, the findings between documents after the last file', async () => {
    const r = await run(['check', path.join(CROSSDOC, 'minutes.txt'), WEEKDAY, path.join(CROSSDOC, 'agenda.txt'), NUMBERING, '--language', 'en']);
    const files = r.out.split('\n').map((l) => [path.basename(l.split(':')[0]), l.split(' ')[2]]);
    const cross = files.findIndex(([, code]) => code.startsWith('RF22'));
    assert.ok(cross > 0, r.out);
    assert.ok(files.slice(cross).every(([file, code]) => file === 'minutes.txt' && code.startsWith('RF22')), 'appended after every file, with the file they belong to');
    const order = [...new Set(files.slice(0, cross).map(([file]) => file))];
    assert.deepEqual(order, ['weekday.txt', 'numbering-defects.txt']);
    const json = JSON.parse((await run(['check', CROSSDOC, '--format', 'json'])).out);
    const minutes = json.find((x: { file: string }) => x.file.endsWith(`${path.sep}minutes.txt`) && !x.file.endsWith('earlier-minutes.txt'));
    assert.equal(minutes.diagnostics.filter((d: { code: string }) => d.code.startsWith('RF22')).length, 4, 'kept with their file in JSON');
  });
});
