// What the core benchmark calls, bundled by bench/run.mjs like the shipped bundles.
export { analyze } from '../server/src/core/analyze';
export { parseDocument } from '../server/src/core/parse/index';
export { toOutline } from '../server/src/core/outline';
export { allTables } from '../server/src/core/tables/analysis';
export { analyzeTable } from '../server/src/core/tables/check';
