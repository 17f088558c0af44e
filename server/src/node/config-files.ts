/** Finding and reading .referat.json files, for the CLI and the language server alike: the nearest one above each document. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfigText, type LoadedConfig, type ReferatConfig } from '../core/config';
import { matchesIgnorePattern } from '../core/ignore-patterns';

export const CONFIG_FILE = '.referat.json';

export class ConfigFiles {
  private readonly cache = new Map<string, (LoadedConfig & { file: string }) | null>();

  /** The nearest .referat.json in the document's folder or above it, or null. */
  forDocument(file: string): (LoadedConfig & { file: string }) | null {
    return this.forFolder(path.dirname(path.resolve(file)));
  }

  /** True when the nearest .referat.json's `ignorePatterns` (or those of `explicit`, a --config file) name the document. */
  ignores(file: string, explicit?: { file: string; config: ReferatConfig }): boolean {
    const found = explicit ?? this.forDocument(file);
    const patterns = found?.config.ignorePatterns;
    if (!found || !patterns || patterns.length === 0) return false;
    return matchesIgnorePattern(path.relative(path.dirname(path.resolve(found.file)), path.resolve(file)), patterns);
  }

  private forFolder(dir: string): (LoadedConfig & { file: string }) | null {
    if (this.cache.has(dir)) return this.cache.get(dir)!;
    const candidate = path.join(dir, CONFIG_FILE);
    let result: (LoadedConfig & { file: string }) | null;
    if (existsSync(candidate)) result = { file: candidate, ...load(candidate) };
    else {
      const parent = path.dirname(dir);
      result = parent === dir ? null : this.forFolder(parent);
    }
    this.cache.set(dir, result);
    return result;
  }
}

export function load(file: string): LoadedConfig {
  return parseConfigText(readFileSync(file, 'utf8'));
}
