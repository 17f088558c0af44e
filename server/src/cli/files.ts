/**
 * Turning the CLI's arguments into documents: files, folders (searched for minutes files
 * by the workspace's rules, node/workspace.ts, as "Validate workspace" searches) and globs.
 * Reading bytes as text is node/read-text.ts, writing a fixed text back node/write-text.ts, both re-exported here.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { Message } from '../node/read-text';
import { nodeWorkspace } from '../node/disk';
import type { Workspace } from '../node/workspace';

export { decodeBytes, readBytes, readBytesSync, readText, UnreadableFileError, type DecodedFile, type Message } from '../node/read-text';
export { encodeText, UnencodableTextError } from '../node/write-text';


export interface InputError {
  path: string;
  message: Message;
}

export interface ExpandedInputs {
  files: string[];
  errors: InputError[];
}

export function expandInputs(args: string[], cwd = process.cwd(), workspace: Workspace = nodeWorkspace()): ExpandedInputs {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(path.relative(cwd, abs) || abs);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (existsSync(abs)) {
      let st;
      try {
        st = statSync(abs);
      } catch (e) {
        errors.push({ path: arg, message: { da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` } });
        continue;
      }
      if (st.isDirectory()) {
        // The CLI reads the published formats too (PDF, Word, web pages).
        for (const f of workspace.minutesFiles(abs, { published: true })) add(f);
      } else {
        add(abs);
      }
      continue;
    }
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, { cwd, ignore: ['**/node_modules/**'], absolute: true }).sort();
      if (found.length === 0) errors.push({ path: arg, message: { da: 'mønsteret passer ikke på nogen fil', en: 'the pattern matches no file' } });
      for (const f of found) add(f);
      continue;
    }
    errors.push({ path: arg, message: { da: 'filen eller mappen findes ikke', en: 'no such file or folder' } });
  }
  return { files, errors };
}

