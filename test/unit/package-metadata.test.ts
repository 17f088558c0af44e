/**
 * What a user reads first: the README (install, first file, troubleshooting, privacy, the two
 * set-up commands), the CHANGELOG in Keep a Changelog's format, and package metadata that
 * matches (preview, categories, keywords, a Danish description, setting scopes).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

const read = (name: string) => readFileSync(path.join(ROOT, name), 'utf8');
const pkg = JSON.parse(read('package.json'));
const headings = (md: string) => md.split('\n').filter((l) => /^#{1,4} /.test(l));

/** The categories the Marketplace knows (vsce rejects others). */
const CATEGORIES = ['Azure', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'AI', 'Chat', 'Other'];

describe('README for users', () => {
  const readme = read('README.md');

  it('comes in the order a user needs: install, first file, editor, troubleshooting, privacy, then the command line', () => {
    const order = ['## Install', '## Your first file', '## In the editor', '## Troubleshooting', '## Privacy', '## Command line', '## Rules'];
    const at = order.map((h) => headings(readme).indexOf(h));
    assert.ok(at.every((k) => k >= 0), `missing: ${order.filter((_, k) => at[k] < 0).join(', ')}`);
    assert.deepEqual([...at].sort((a, b) => a - b), at);
  });

  it('keeps exactly the two set-up commands, and leaves developer material to CONTRIBUTING.md', () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.equal(blocks.length, 1);
    assert.deepEqual(blocks[0].trim().split('\n').map((l) => l.replace(/#.*/, '').trim()), ['npm ci && npm start', 'npm test']);
    assert.ok(!/npm run (golden:update|bench|setup:e2e|test:lsp)/.test(readme), 'developer commands are in CONTRIBUTING.md');
    assert.match(read('CONTRIBUTING.md'), /npm run golden:update/);
  });

  it('troubleshoots nothing underlined (Restricted Mode, detection, Show log) and states the privacy', () => {
    const trouble = readme.slice(readme.indexOf('## Troubleshooting'), readme.indexOf('## Privacy'));
    for (const word of ['Restricted Mode', 'Detection', 'Show log']) assert.ok(trouble.includes(word), word);
    const privacy = readme.slice(readme.indexOf('## Privacy'), readme.indexOf('## Command line'));
    assert.match(privacy, /no network connection/);
    assert.match(privacy, /no telemetry/);
  });

  it('does not promise an installed `referat` that the private package cannot give', () => {
    assert.ok(!/once the package is installed/.test(readme));
  });
});

describe('CHANGELOG in Keep a Changelog format', () => {
  const changelog = read('CHANGELOG.md');
  const h2 = headings(changelog).filter((l) => l.startsWith('## '));

  it('has Unreleased first, then each release with its date, this version among them', () => {
    assert.equal(h2[0], '## [Unreleased]');
    for (const h of h2.slice(1)) assert.match(h, /^## \[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/);
    assert.ok(h2.some((h) => h.startsWith(`## [${pkg.version}] - `)), `a section for ${pkg.version}`);
  });

  it('groups changes only under the format’s kinds, and links every version', () => {
    for (const h of headings(changelog).filter((l) => l.startsWith('### '))) {
      assert.match(h, /^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/);
    }
    for (const h of h2) {
      const version = /\[(.+?)\]/.exec(h)![1];
      assert.match(changelog, new RegExp(`^\\[${version.replace(/\./g, '\\.')}\\]: https://`, 'm'));
    }
  });
});

describe('package metadata', () => {
  it('is a preview with known categories, Danish and English keywords and a Danish description', () => {
    assert.equal(pkg.preview, true);
    for (const c of pkg.categories) assert.ok(CATEGORIES.includes(c), c);
    assert.ok(pkg.categories.includes('Linters'));
    assert.ok(pkg.keywords.length <= 30, 'vsce allows at most 30 keywords');
    for (const k of ['referat', 'dagsorden', 'kommune', 'minutes']) assert.ok(pkg.keywords.includes(k), k);
    assert.match(pkg.description, /^Kontrol af kommunale referater og dagsordener/);
  });

  it('scopes every setting: what may differ per folder is resource-scoped', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
    const resource = ['referat.validate', 'referat.profile', 'referat.rules', 'referat.detect.plaintext', 'referat.detect.markdown'];
    for (const [key, p] of Object.entries(props)) assert.equal(p.scope, resource.includes(key) ? 'resource' : 'window', key);
  });
});
