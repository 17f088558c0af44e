// Import cycles are kept out by a tool (part of `npm run lint`): madge reads the TypeScript sources,
// type-only imports included (a type cycle still knots the modules together), and any cycle fails.
// Usage: node scripts/check-cycles.mjs [folder …]   (default: server/src client/src)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folders = process.argv.slice(2);
const targets = (folders.length > 0 ? folders : ['server/src', 'client/src']).map((f) => path.resolve(root, f));

const result = await madge(targets, {
  baseDir: root,
  fileExtensions: ['ts'],
  detectiveOptions: { ts: { skipTypeImports: false }, es6: { skipTypeImports: false } },
});
const cycles = result.circular();
if (cycles.length > 0) {
  console.error(`check-cycles: ${cycles.length} import cycle(s):`);
  for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(' > ')}`);
  process.exit(1);
}
console.log(`check-cycles: no import cycle in ${Object.keys(result.obj()).length} modules`);
