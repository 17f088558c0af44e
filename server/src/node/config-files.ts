/** Finding and reading .referat.json files, for the CLI and the language server alike: the nearest one above each document. */
import * as path from 'node:path';
import type { IgnoreEntry, LoadedConfig, ReferatConfig } from '../core/config';
import { parseConfigText } from '../core/config-file';
import { matchesIgnorePattern } from '../core/ignore-patterns';

export const CONFIG_FILE = '.referat.json';

/** A .referat.json found (or given with --config): its path and what it says. */
export type FoundConfig = LoadedConfig & { file: string };

/** The ignore entries of a .referat.json that apply to a document, with the document's path relative to that file. */
export interface IgnoreScope {
  relativePath: string;
  entries: IgnoreEntry[];
}

/** How a configuration file is looked for and read: the disk (disk.ts), the editor's file system (a web worker), or memory in tests. */
export interface ConfigSource {
  exists(file: string): boolean;
  readText(file: string): string;
}

export class ConfigFiles {
  private readonly cache = new Map<string, FoundConfig | null>();

  constructor(private readonly source: ConfigSource) {}

  /** The nearest .referat.json in the document's folder or above it, or null. */
  forDocument(file: string): FoundConfig | null {
    return this.forFolder(path.dirname(path.resolve(file)));
  }

  /** True when the nearest .referat.json's `ignorePatterns` (or those of `explicit`, a --config file) name the document. */
  ignores(file: string, explicit?: { file: string; config: ReferatConfig }): boolean {
    const found = explicit ?? this.forDocument(file);
    const patterns = found?.config.ignorePatterns;
    if (!found || !patterns || patterns.length === 0) return false;
    return matchesIgnorePattern(relativeTo(found.file, file), patterns);
  }

  /** The `ignore` entries of the nearest .referat.json (or of `explicit`), for the document; undefined when there are none. */
  ignoreScope(file: string, explicit?: { file: string; config: ReferatConfig }): IgnoreScope | undefined {
    const found = explicit ?? this.forDocument(file);
    return found?.config.ignore ? { relativePath: relativeTo(found.file, file), entries: found.config.ignore } : undefined;
  }

  private forFolder(dir: string): FoundConfig | null {
    if (this.cache.has(dir)) return this.cache.get(dir)!;
    const candidate = path.join(dir, CONFIG_FILE);
    let result: FoundConfig | null;
    if (this.source.exists(candidate)) result = { file: candidate, ...load(candidate, this.source) };
    else {
      const parent = path.dirname(dir);
      result = parent === dir ? null : this.forFolder(parent);
    }
    this.cache.set(dir, result);
    return result;
  }
}

/** A document's path relative to the folder of its configuration file: what ignorePatterns and ignore entries name. */
function relativeTo(configFile: string, file: string): string {
  return path.relative(path.dirname(path.resolve(configFile)), path.resolve(file));
}

export function load(file: string, source: ConfigSource): LoadedConfig {
  return parseConfigText(source.readText(file));
}
