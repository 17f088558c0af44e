/**
 * `referat check` output a CI system can trust, on a folder with a CPR number, a closed item
 * in full, a binary file and a file name with "#", spaces and "Ø": no digit of the CPR number
 * in any format, the unreadable file in every format, and SARIF that follows the SARIF 2.1.0
 * schema and GitHub's ingestion rules (encoded URIs relative to a named base, rule help,
 * UTF-16 columns, related locations, fingerprints, versioned help links).
 * The schema ships in the @microsoft/jest-sarif devDependency: no network at test time.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { ROOT } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

const MINUTES = [
  'REFERAT Økonomiudvalget d. 01-02-2022', '', 'Mødedato Tirsdag d. 01. februar 2022 kl. 13:00', '',
  'Punkt 1: Klage', '', 'Sagsfremstilling', '', 'Borgeren (CPR-nr. 010203-1234) har klaget. Ægtefællen har 0203041234.', '',
  'Indstilling', '', 'Forvaltningen indstiller, at klagen afvises.', '', 'Beslutning', '', 'Godkendt', '',
  'Punkt 2: Lukket punkt: Personalesag', '', 'Sagsfremstilling', '', 'Medarbejderen er afskediget.', '', 'Beslutning', '', 'Godkendt', '',
].join('\n');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The file is draft-04 ("id"); ajv 8 reads it as a later draft once the id is "$id".
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  return new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
}

describe('machine output a CI system can trust', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'referat-ci-'));
    mkdirSync(path.join(dir, 'Møder 2024'));
    writeFileSync(path.join(dir, 'Møder 2024', 'Økonomiudvalget #3.txt'), MINUTES);
    writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
  });

  it('no format repeats a digit of the CPR numbers, and every format names the unreadable file', () => {
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const r = run(['check', '.', '--format', format], dir);
      assert.equal(r.status, 2, `${format}: exit 2 for the unreadable file`);
      const all = r.stdout + r.stderr;
      assert.doesNotMatch(all, /010203|0203041234|1234/, format);
      assert.match(all, /junk\.txt/, format);
      assert.match(all, /RF200/, format);
    }
  });

  it('SARIF validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const sarif = JSON.parse(run(['check', '.', '--format', 'sarif'], dir).stdout);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  it('SARIF follows GitHub: encoded URIs under %SRCROOT%, UTF-16 columns, rule help, related locations, fingerprints', () => {
    const sarif = JSON.parse(run(['check', '.', '--format', 'sarif'], dir).stdout);
    const [runObj] = sarif.runs;
    assert.equal(runObj.columnKind, 'utf16CodeUnits');
    assert.match(runObj.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const locs = runObj.results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0].physicalLocation.artifactLocation);
    assert.deepEqual(locs[0], { uri: 'M%C3%B8der%202024/%C3%98konomiudvalget%20%233.txt', uriBaseId: '%SRCROOT%' });
    for (const rule of runObj.tool.driver.rules) {
      assert.ok(rule.fullDescription.text.length > 10, rule.id);
      assert.ok(rule.help.text.length > 10 && rule.help.markdown.length > 10, rule.id);
      assert.match(rule.helpUri, new RegExp(`^https://github\\.com/referat-dk/referat/blob/(v\\d+\\.\\d+\\.\\d+[^/]*|main)/docs/rules/${rule.id}\\.md$`));
      assert.doesNotMatch(rule.helpUri, /blob\/main/, 'a release build links to its own version');
    }
    const closed = runObj.results.find((r: { ruleId: string }) => r.ruleId === 'RF201');
    assert.equal(closed.level, 'error');
    assert.ok(closed.relatedLocations.length >= 1);
    assert.ok(runObj.results.every((r: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['referatFinding/v1'])));
    const fps = runObj.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['referatFinding/v1']);
    assert.equal(new Set(fps).size, fps.length, 'fingerprints are unique');
    assert.equal(runObj.invocations[0].executionSuccessful, false);
  });

  it('fingerprints stay when lines are added above, and do not come from the CPR number', () => {
    const fp = (text: string) => {
      const d = mkdtempSync(path.join(tmpdir(), 'referat-fp-'));
      writeFileSync(path.join(d, 'm.txt'), text);
      const [report] = JSON.parse(run(['check', 'm.txt', '--format', 'json'], d).stdout);
      return report.diagnostics.filter((x: { code: string }) => x.code === 'RF200').map((x: { fingerprint: string }) => x.fingerprint);
    };
    const before = fp(MINUTES);
    assert.equal(before.length, 2);
    assert.deepEqual(fp(MINUTES.replace('Mødedato', 'Sted: Rådhuset\n\nMødedato')), before, 'stable across an edit elsewhere');
    assert.deepEqual(fp(MINUTES.replace('010203-1234', '150360-4321').replace('0203041234', '1512604321')), before, 'another number gives the same fingerprint: none is derived from it');
  });

  it('--format github prints workflow annotations with escaped properties', () => {
    const r = run(['check', '.', '--format', 'github'], dir);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^:]*::/.test(l) || /^::(error|warning|notice) file=.*,title=.*::/.test(l)), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('::error file=Møder 2024/Økonomiudvalget #3.txt,line=9,col=19,endLine=9,endColumn=30,') && l.includes('title=RF200 personal-number::')), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('::error file=junk.txt,title=Referat::')));
  });
});
