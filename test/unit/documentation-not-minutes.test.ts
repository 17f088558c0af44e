/**
 * Ordinary documentation is never taken for minutes: this repository's README, CHANGELOG and
 * docs/ (the rule pages show minutes in fenced examples, the architecture page starts
 * "Referat is …" and has numbered lists). And `ignorePatterns` in .referat.json leaves files
 * out of `referat check` and the editor.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { matchesIgnorePattern } from '../../server/src/core/ignore-patterns';
import { blankFencedCodeBlocks } from '../../server/src/core/text/code-blocks';
import { ROOT } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const MINUTES = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budget\n\nIndstilling\n\nGodkendes.\n';

describe('documentation is not minutes', () => {
  it('blanks closed fenced code blocks, keeping every line and the text around them', () => {
    const md = '# Rule\n\n```text\nPunkt 1: A\r\nBeslutning\n```\n\nAfter.\n~~~\nx\n~~~~\n';
    const out = blankFencedCodeBlocks(md);
    assert.equal(out, '# Rule\n\n\n\r\n\n\n\nAfter.\n\n\n\n');
    assert.equal(out.split(/\r\n|\n/).length, md.split(/\r\n|\n/).length);
    assert.equal(blankFencedCodeBlocks('Tekst\n```\nuden slutning\n'), 'Tekst\n```\nuden slutning\n', 'an unclosed fence blanks nothing');
  });

  it('a rule page with minutes in its Bad and Good examples is not minutes', () => {
    for (const page of ['RF001.md', 'RF021.md', 'RF040.md', 'RF101.md', 'RF201.md']) {
      const { model, findings } = analyze(readFileSync(path.join(ROOT, 'docs', 'rules', page), 'utf8'));
      assert.equal(model.kind, null, page);
      assert.deepEqual(findings.map((f) => f.code), ['RF090'], page);
    }
  });

  it('a page that begins "Referat is …" and has numbered lists is not minutes', () => {
    const { model } = analyze(readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8'));
    assert.equal(model.kind, null);
    assert.equal(analyze('Referat is a tool.\n\n1. First step\n\n2. Second step\n').model.kind, null);
  });

  it('real minutes stay minutes, also as Markdown with a fenced block in them', () => {
    assert.equal(analyze(MINUTES).model.kind, 'referat');
    assert.equal(analyze(`${MINUTES}\n\`\`\`\nbilag.txt\n\`\`\`\n`).model.kind, 'referat');
  });

  it('referat check on README, CHANGELOG and docs/ reports no warning or error', () => {
    const r = run(['check', 'README.md', 'CHANGELOG.md', 'docs', '--format', 'json']);
    const serious = JSON.parse(r.stdout).flatMap((x: { file: string; diagnostics: { code: string; severity: string }[] }) =>
      x.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${x.file} ${d.code}`),
    );
    assert.deepEqual(serious, []);
    assert.equal(r.status, 0);
  });
});

describe('ignorePatterns', () => {
  it('matches like .gitignore: names anywhere, anchored paths, ** and folders', () => {
    assert.ok(matchesIgnorePattern('README.md', ['README.md']));
    assert.ok(matchesIgnorePattern('sub/README.md', ['README.md']));
    assert.ok(matchesIgnorePattern('docs/rules/RF001.md', ['docs/**']));
    assert.ok(matchesIgnorePattern('docs/rules/RF001.md', ['docs']));
    assert.ok(matchesIgnorePattern('docs/rules/RF001.md', ['docs/']));
    assert.ok(matchesIgnorePattern('a/b/noter.txt', ['**/noter.txt']));
    assert.ok(matchesIgnorePattern('skabelon-1.txt', ['skabelon-?.txt']));
    assert.ok(!matchesIgnorePattern('referater/docs.txt', ['docs/**']));
    assert.ok(!matchesIgnorePattern('sub/docs/x.md', ['/docs']));
    assert.ok(!matchesIgnorePattern('../x.md', ['**']));
  });

  it('referat check leaves out the files the nearest .referat.json ignores', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-ignore-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, '.referat.json'), JSON.stringify({ ignorePatterns: ['docs/**', 'NOTER.md'] }));
    writeFileSync(path.join(dir, 'docs', 'guide.md'), MINUTES);
    writeFileSync(path.join(dir, 'NOTER.md'), MINUTES);
    writeFileSync(path.join(dir, 'm.txt'), MINUTES);
    const r = run(['check', '.', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(r.stdout).map((x: { file: string }) => x.file), ['m.txt']);
  });
});
