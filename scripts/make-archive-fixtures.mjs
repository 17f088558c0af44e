// npm run fixtures:archives — writes the published-format fixtures of test/fixtures/archives/ from seed 000:
// an HTML page (archive-fixtures/html.mjs) and, by the steps next to it, the same page as a tagged PDF
// (printed by headless Chromium), an untagged PDF and a DOCX. The files are committed and reviewed like code;
// the unit tests read them and need none of these tools. Run it only to change a fixture on purpose.
import { writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seedHtml } from './archive-fixtures/html.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test', 'fixtures', 'archives');
mkdirSync(out, { recursive: true });

const html = seedHtml(root);
writeFileSync(path.join(out, 'seed-000.html'), html);
console.log('fixtures:archives: wrote test/fixtures/archives/seed-000.html');

// The other formats: each step is a module of archive-fixtures/ exporting make({ root, out, html }).
const steps = readdirSync(path.join(root, 'scripts', 'archive-fixtures')).filter((f) => f.endsWith('.mjs') && f !== 'html.mjs').sort();
for (const step of steps) {
  const { make } = await import(pathToFileURL(path.join(root, 'scripts', 'archive-fixtures', step)).href);
  const written = await make({ root, out, html });
  for (const file of written ?? []) console.log(`fixtures:archives: wrote ${path.relative(root, file)}`);
}
if (!existsSync(path.join(out, 'seed-000.html'))) process.exit(1);
