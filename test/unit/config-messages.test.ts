/**
 * .referat.json messages (RF099) a clerk can act on: each names the key, says what is
 * allowed, suggests the nearest valid key or value, rejects rule codes that do not exist,
 * comes once per mistake and speaks Danish (with English). And a mistyped CLI option
 * gets one plain sentence instead of Node's parse error.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseConfigText } from '../../server/src/core/config-file';
import { nearest } from '../../server/src/core/config-check';
import { ROOT } from './helpers';

const problems = (text: string) => parseConfigText(text).problems;
const da = (text: string) => problems(text).map((p) => p.message.da);

describe('.referat.json messages', () => {
  it('an unknown key is named, at the key, with the nearest valid one', () => {
    const [p] = problems('{ "langauge": "en" }');
    assert.equal(p.message.da, '.referat.json: ukendt nøgle "langauge". Mente du "language"? Den ignoreres.');
    assert.equal(p.message.en, '.referat.json: unknown key "langauge". Did you mean "language"? It is ignored.');
    assert.deepEqual(p.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 12 } });
    assert.deepEqual(da('{ "colour": 1 }'), ['.referat.json: ukendt nøgle "colour". Kendte: $schema, profile, language, publication, rules, profiles, ignorePatterns, ignore. Den ignoreres.']);
  });

  it('one wrong value gives one message, naming the setting, the allowed values and the nearest', () => {
    assert.deepEqual(da('{ "rules": { "RF090": "of" } }'), [
      '.referat.json: "rules.RF090" skal være "off", "error", "warning", "information" eller "hint", ikke "of". Mente du "off"? Værdien ignoreres.',
    ]);
    assert.deepEqual(da('{ "language": "dk" }'), ['.referat.json: "language" skal være "da" eller "en", ikke "dk". Mente du "da"? Værdien ignoreres.']);
    assert.deepEqual(da('{ "rules": { "RF090": { "severity": "warn" } } }').length, 1);
  });

  it('rejects rule codes that do not exist and keeps the others', () => {
    const loaded = parseConfigText('{ "rules": { "RF999": "off", "RF09": "off", "RF200": "warning" } }');
    assert.deepEqual(loaded.problems.map((p) => p.message.da), [
      '.referat.json: ukendt regelkode "RF999" i "rules". Mente du "RF099"? Den ignoreres.',
      '.referat.json: ukendt regelkode "RF09" i "rules". Mente du "RF090"? Den ignoreres.',
    ]);
    assert.deepEqual(loaded.config.rules, { RF200: 'warning' });
  });

  it('broken JSON says what is missing in words, once', () => {
    assert.deepEqual(da('{ "language": }'), ['.referat.json er ikke gyldig JSON: her mangler en værdi (fx efter et kolon eller et komma). Standardindstillingerne bruges, til filen er rettet.']);
    assert.equal(problems('{ "language": "en" "rules": {} ').length, 1);
    assert.doesNotMatch(JSON.stringify(problems('{ "a": ')), /ValueExpected|CloseBraceExpected/);
  });

  it('checks the ignore list and ignorePatterns', () => {
    const loaded = parseConfigText('{ "ignorePatterns": ["docs/**", 3], "ignore": [{ "file": "a.txt", "code": "RF201", "fingerprint": "abc" }, { "file": "b.txt", "code": "RF2O1" }] }');
    assert.deepEqual(loaded.config.ignorePatterns, ['docs/**']);
    assert.deepEqual(loaded.config.ignore, [{ file: 'a.txt', code: 'RF201', fingerprint: 'abc' }]);
    assert.deepEqual(loaded.problems.map((p) => p.message.da), [
      '.referat.json: "ignorePatterns.1" skal være et filmønster (tekst). Værdien ignoreres.',
      '.referat.json: ukendt regelkode "RF2O1" i "ignore.1.code". Mente du "RF201"? Posten ignoreres.',
    ]);
  });

  it('suggests only near words', () => {
    assert.equal(nearest('publicaton', ['publication', 'profile']), 'publication');
    assert.equal(nearest('xyz', ['publication', 'profile']), undefined);
  });
});

describe('a mistyped CLI option', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });

  it('gets one plain sentence with the nearest option, and exit 2', () => {
    const r = run(['check', 'x.txt', '--formt', 'json']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'referat: unknown option "--formt". Did you mean "--format"?\nRun "referat --help" for the options.\n');
    assert.match(run(['check', 'x.txt', '--format']).stderr, /^referat: --format needs a value \(--format VALUE\)\./);
    assert.doesNotMatch(run(['check', 'x.txt', '--exit-zero=1']).stderr, /ERR_|To specify a positional/);
  });
});
