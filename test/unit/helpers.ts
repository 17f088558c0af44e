import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The five real documents, as the municipalities published them. */
export const SEEDS = {
  rudersdal2021: '000_1bde0758b15ed079.txt',
  ballerup2021: '001_1bb751e75b116f8a.txt',
  rudersdal2020: '002_cee8b5e6ba1df47f.txt',
  ballerupPdf: '003_563f54a0d9eba8f6.txt',
  hoejeTaastrup: '004_6e795d272eb0bc4b.txt',
} as const;

export function seedText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function analyzeSeed(name: string) {
  return analyze(seedText(name));
}

export function seedNames(): string[] {
  return readdirSync(FIXTURES).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).sort();
}
