/** What the reader tests share: the committed archive fixtures, the seed they were made from, and how a reading is judged. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { UnreadableInputError, type ReadDocument } from '../../server/src/readers/reader';
import { FIXTURES } from './helpers';

/** A file of test/fixtures/archives/ (written by `npm run fixtures:archives`). */
export const archive = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, 'archives', name)));
/** Seed 000 as text: the archive fixtures are this document in the published formats. */
export const SEED_TEXT = readFileSync(path.join(FIXTURES, '000_1bde0758b15ed079.txt'), 'utf8');

export const findingsOf = (text: string) => analyze(text).findings.map((f) => `${f.code} ${f.messageId}`);
export const itemsOf = (text: string) => analyze(text).model.items.map((i) => `${i.number}: ${i.title}`);
export const lineOf = (doc: ReadDocument, test: (line: string) => boolean) => doc.text.split('\n').findIndex(test);

/** The reader's refusal, within `seconds`: the UnreadableInputError it throws. */
export async function refusal(read: Promise<ReadDocument>, seconds = 5): Promise<UnreadableInputError> {
  const started = Date.now();
  const error = await read.then(
    () => assert.fail('expected the reader to refuse'),
    (e: unknown) => e,
  );
  assert.ok(Date.now() - started < seconds * 1000, `answered in ${Date.now() - started} ms`);
  assert.ok(error instanceof UnreadableInputError, `an UnreadableInputError, not ${String(error)}`);
  return error;
}
