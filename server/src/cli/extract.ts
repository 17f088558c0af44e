/**
 * `referat extract <files>`: the text Referat reads from each file, so a user sees what was read of a PDF,
 * a Word file or a web page (and which line a finding's LINE:COL means). Several files: each under a
 * "==> file <==" line, as `head` prints them. Exit code 2 when a file cannot be read.
 */
import { expandInputs, readBytes, UnreadableFileError } from './files';
import { readDocument } from '../node/read-document';
import type { OutputIo } from './output';
import type { Language } from '../core/config';

export async function extract(inputs: string[], io: OutputIo, language: Language): Promise<number> {
  const { files, errors } = expandInputs(inputs);
  let code = 0;
  for (const e of errors) {
    io.err(`${e.path}: ${e.message[language]}`);
    code = 2;
  }
  for (const file of files) {
    try {
      const read = await readDocument(file, await readBytes(file, { published: true }));
      if (files.length > 1) io.out(`==> ${file} <==`);
      io.out(read.text.replace(/\n$/, ''));
      for (const problem of read.problems) io.err(`${file}: ${problem[language]}`);
    } catch (e) {
      const text = e instanceof UnreadableFileError ? e.text[language] : (e as Error).message;
      io.err(`${file}: ${text}`);
      code = 2;
    }
  }
  return code;
}
