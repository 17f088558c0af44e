/**
 * The workspace on disk: node:fs behind workspace.ts's FileSystem and config-files.ts's ConfigSource,
 * for the CLI and the Node language server. The web worker's server has its own (server/src/web/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { load, type ConfigSource } from './config-files';
import type { LoadedConfig } from '../core/config';
import { createWorkspace, type FileSystem, type Workspace } from './workspace';

const DISK: FileSystem = {
  list: (dir) => {
    try {
      return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, folder: e.isDirectory(), file: e.isFile() }));
    } catch {
      return [];
    }
  },
  read: (file) => readFileSync(file),
  exists: existsSync,
  size: (file) => {
    try {
      return statSync(file).size;
    } catch {
      return undefined;
    }
  },
  isUtf8: (bytes) => isUtf8(bytes),
};

const DISK_CONFIG: ConfigSource = { exists: existsSync, readText: (file) => readFileSync(file, 'utf8') };

/** The workspace on disk. */
export function nodeWorkspace(): Workspace {
  return createWorkspace(DISK);
}

/** A .referat.json read from disk (the CLI's --config). */
export function loadConfigFile(file: string): LoadedConfig {
  return load(file, DISK_CONFIG);
}
