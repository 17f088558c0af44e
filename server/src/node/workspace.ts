/**
 * The files Referat checks, as the CLI and the language server both see them: which files
 * a folder holds (the same include and skip rules), a file read as text (the same encoding
 * detection, hence the same RF098), the .referat.json that applies to a file, and whether
 * its ignorePatterns leave the file out. One implementation over the disk (disk.ts's
 * nodeWorkspace), one over the editor's file system (the web worker's server, web/), and one
 * over a map of paths (memoryWorkspace, for tests); all apply the same rules, because the
 * rules live here and only the file system calls differ. No Node-only module but `path`
 * (its POSIX functions; the web bundles use path-browserify, the same functions, see esbuild.js).
 */
import * as path from 'node:path';
import { ConfigFiles, type FoundConfig, type IgnoreScope } from './config-files';
import { decodeBytes, readError, refuseUnsupportedFormat, type DecodedFile } from './decode';

/** Files a folder search looks at (any case: NOTAT.TXT too). */
export const MINUTES_FILE = /\.(referat|txt|md)$/i;
/** With `published` (the CLI), also the formats minutes are published in. */
export const PUBLISHED_FILE = /\.(pdf|docx|html?)$/i;
/** Folders a folder search does not enter, besides hidden ones (.git, .vscode, …): tools' output, not minutes. */
export const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

export interface Workspace {
  /** The minutes files under a folder (*.referat, *.txt, *.md), absolute and sorted; at most `maxFiles`. */
  minutesFiles(folder: string, options?: { isCancelled?: () => boolean; maxFiles?: number; published?: boolean }): string[];
  /** A file's bytes; throws UnreadableFileError (missing, a folder, no access, a PDF or Word file unless `published`). */
  readBytes(file: string, options?: { published?: boolean }): Uint8Array;
  /** A file as text: UTF-8 or UTF-16 by BOM, else Windows-1252 (RF098); throws UnreadableFileError, also for binary files. */
  readText(file: string): DecodedFile;
  /** The nearest .referat.json in the file's folder or above it, or null. */
  configFor(file: string): FoundConfig | null;
  /** True when the configuration's ignorePatterns (the nearest one's, or `explicit`'s) name the file: not minutes. */
  isIgnored(file: string, explicit?: FoundConfig): boolean;
  /** The configuration's ignore entries for the file, by its path relative to the configuration. */
  ignoreScope(file: string, explicit?: FoundConfig): IgnoreScope | undefined;
  /** A file's size in bytes when it is known without reading it (too large a file is not indexed in the background). */
  sizeOf(file: string): number | undefined;
  /** Forgets the configuration files read so far (one changed on disk). */
  refresh(): void;
}

/** The four calls a workspace makes of a file system. */
export interface FileSystem {
  /** The entries of a folder; [] when it cannot be read. */
  list(dir: string): { name: string; folder: boolean; file: boolean }[];
  /** A file's bytes; throws an errno error (ENOENT, EISDIR, EACCES, …). */
  read(file: string): Uint8Array;
  exists(file: string): boolean;
  /** A file's size in bytes, undefined when it cannot be told without reading it. */
  size?(file: string): number | undefined;
  /** A faster UTF-8 check than the strict TextDecoder's, when the platform has one (node:buffer's isUtf8). */
  isUtf8?(bytes: Uint8Array): boolean;
}

export function createWorkspace(fs: FileSystem): Workspace {
  const configSource = { exists: (f: string) => fs.exists(f), readText: (f: string) => new TextDecoder().decode(fs.read(f)) };
  const isUtf8 = fs.isUtf8?.bind(fs);
  let configs = new ConfigFiles(configSource);
  const readBytes = (file: string, options: { published?: boolean } = {}): Uint8Array => {
    refuseUnsupportedFormat(file, options);
    try {
      return fs.read(file);
    } catch (e) {
      throw readError(e as { code?: string; message: string });
    }
  };
  return {
    minutesFiles: (folder, options = {}) => walk(fs, path.resolve(folder), options.isCancelled ?? (() => false), options.maxFiles ?? Infinity, options.published ?? false),
    readBytes,
    readText: (file) => decodeBytes(readBytes(file), isUtf8),
    configFor: (file) => configs.forDocument(file),
    isIgnored: (file, explicit) => configs.ignores(file, explicit),
    ignoreScope: (file, explicit) => configs.ignoreScope(file, explicit),
    sizeOf: (file) => fs.size?.(file),
    refresh: () => {
      configs = new ConfigFiles(configSource);
    },
  };
}

function walk(fs: FileSystem, root: string, isCancelled: () => boolean, maxFiles: number, published: boolean): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    if (out.length >= maxFiles || isCancelled()) return;
    for (const e of fs.list(dir)) {
      if (e.folder) {
        if (!SKIPPED_FOLDERS.has(e.name) && !e.name.startsWith('.')) visit(path.join(dir, e.name));
      } else if (e.file && (MINUTES_FILE.test(e.name) || (published && PUBLISHED_FILE.test(e.name))) && out.length < maxFiles) {
        out.push(path.join(dir, e.name));
      }
    }
  };
  visit(root);
  return out.sort();
}

/**
 * A workspace in memory, for tests: absolute paths to contents (a string is stored as
 * UTF-8; bytes as they are, e.g. a Windows-1252 file). Folders are implied by the paths.
 */
export function memoryWorkspace(files: Record<string, string | Uint8Array>): Workspace {
  const contents = new Map(Object.entries(files).map(([file, content]) => [path.resolve(file), typeof content === 'string' ? new TextEncoder().encode(content) : content]));
  const errno = (code: string, file: string) => Object.assign(new Error(`${code}: ${file}`), { code });
  const isFolder = (dir: string) => [...contents.keys()].some((f) => f.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep));
  return createWorkspace({
    list: (dir) => {
      const names = new Map<string, boolean>();
      const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
      for (const f of contents.keys()) {
        if (!f.startsWith(prefix)) continue;
        const [name, ...rest] = f.slice(prefix.length).split(path.sep);
        names.set(name, rest.length > 0 || names.get(name) === true);
      }
      return [...names].map(([name, folder]) => ({ name, folder, file: !folder }));
    },
    read: (file) => {
      const bytes = contents.get(path.resolve(file));
      if (bytes) return bytes;
      throw errno(isFolder(path.resolve(file)) ? 'EISDIR' : 'ENOENT', file);
    },
    exists: (file) => contents.has(path.resolve(file)) || isFolder(path.resolve(file)),
    size: (file) => contents.get(path.resolve(file))?.length,
  });
}
