/**
 * Input readers: bytes in, text out, with a source map back to where each line came from. A reader knows
 * one format (plain text in its encoding now; PDF, Word and web pages next). Readers use no file system and
 * no Node-only module (eslint.config.mjs), so the same readers serve the CLI, the Node language server and
 * the browser's web worker; the adapters bring the bytes.
 */

/** A message in both languages, as findings have. */
export interface Message {
  da: string;
  en: string;
}

/** Where a line of the text came from in the source: its line there, and its page where the format has pages. */
export interface SourcePlace {
  line: number;
  page?: number;
}

/** From the text's lines back to the source. */
export interface SourceMap {
  placeOf(line: number): SourcePlace;
}

/** The text is the source, line for line (a text file). */
export const IDENTITY_MAP: SourceMap = { placeOf: (line) => ({ line }) };

export interface ReadDocument {
  text: string;
  sourceMap: SourceMap;
}

/** Why bytes could not be read, in both languages (`message` is the English one). */
export class UnreadableInputError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}
