// What the readers' benchmark calls (bench/readers.mjs), bundled like the shipped bundles.
export { loadReader } from '../server/src/readers/index';
export { DEFAULT_LIMITS } from '../server/src/readers/reader';
