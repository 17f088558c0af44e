/**
 * One document's share of `referat check` and `referat outline`: bytes → text (a text file decoded, a
 * published PDF, Word file or web page read by its reader: read-document.ts) → analysis → its own findings,
 * each placed in the original (page, line), or its outline; with `--fix` the safe fixes written back to a
 * text file (never to a published one). Plain
 * data in, plain data out, so it runs the same in the main thread and in a pool worker.
 * Findings between documents (agenda and minutes) need every file and are made after.
 */
import { writeFileSync } from 'node:fs';
import { analyze, type Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import type { IndexedMeeting } from '../core/crossdoc';
import type { Finding } from '../core/model';
import { toOutline, type Outline } from '../core/outline';
import type { IgnoreScope } from '../node/config-files';
import { meetingOf, ownFindings as documentOwnFindings, type Switch } from '../node/service';
import { encodeText, UnencodableTextError, UnreadableFileError, type DecodedFile, type Message } from './files';
import { readDocument, type ReadFile } from '../node/read-document';
import { applyEdits, MAX_FIX_PASSES, safeEdits } from './fix';
import type { Printed } from './printed';

export interface FileJob {
  command: 'check' | 'outline';
  /** The path as given and printed. */
  file: string;
  /** The configuration for this file: its .referat.json (or --config) with the command line's options over it. */
  config: ReferatConfig;
  /** The ignore entries of the .referat.json that applies, with the file's path relative to it. */
  ignore?: IgnoreScope;
  /** Apply the safe fixes and write the file back (check only). */
  fix?: boolean;
}

export interface FileResult {
  file: string;
  /** The file could not be read or decoded: it was not checked (and never written). */
  error?: Message;
  findings: Finding[];
  outline?: Outline;
  /**
   * For the comparison of agenda and minutes after all files are done. From a worker (packMeeting) only what
   * pairs minutes with their agenda, its items and CPR numbers left empty: the whole is `meetingJson`.
   */
  meeting?: IndexedMeeting;
  /** The whole meeting as JSON, read by the main thread only for minutes whose agenda is among the files (fullMeeting). */
  meetingJson?: string;
  /** The document's inline switches (referat-disable …), applied to the findings between documents too. */
  switches?: Switch[];
  /** How many safe fixes `--fix` applied and wrote. */
  fixed?: number;
  /** The encoding the fixed file was written in. */
  writtenAs?: DecodedFile['encoding'];
  /** Why `--fix` did not write the file. */
  notWritten?: Message;
  /** What the output prints of the file, made where it was checked (printed.ts); `findings` and `outline` are then left empty. */
  printed?: Printed;
}

/** The job's result from the file's bytes, or from the error reading them. */
export async function checkFile(job: FileJob, bytes: Uint8Array | UnreadableFileError): Promise<FileResult> {
  let read: ReadFile;
  try {
    if (bytes instanceof UnreadableFileError) throw bytes;
    read = await readDocument(job.file, bytes);
  } catch (e) {
    const error = e instanceof UnreadableFileError ? e.text : { da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` };
    return { file: job.file, error, findings: [] };
  }
  let analysis = analyze(read.text, { config: job.config, sourceFormat: read.format, laidOut: read.laidOut });
  if (job.command === 'outline') return { file: job.file, findings: [], outline: toOutline(job.file, analysis.model) };

  let findings = ownFindings(job, read, analysis);
  const result: FileResult = { file: job.file, findings };
  if (job.fix && !read.decoded) {
    result.notWritten = { da: 'er ikke en tekstfil; Referat retter kun tekstfiler (.txt, .md)', en: 'is not a text file; Referat fixes text files only (.txt, .md)' };
  } else if (job.fix && read.decoded) {
    const decoded = read.decoded;
    const fixed = fixUntilStable(job, read, analysis, findings);
    if (fixed.count > 0) {
      try {
        writeFileSync(job.file, encodeText(fixed.text, decoded));
        ({ analysis, findings } = fixed);
        Object.assign(result, { findings, fixed: fixed.count, writtenAs: decoded.encoding });
      } catch (e) {
        // The file stays as it was, and so do the findings reported.
        result.notWritten = e instanceof UnencodableTextError ? e.text : { da: `kan ikke gemmes: ${(e as Error).message}`, en: `cannot be written: ${(e as Error).message}` };
      }
    }
  }
  // What the outputs print: the fixes' edits, the rules' data and the message's id and placeholders stay here
  // (a result crosses from a worker to the main thread, which keeps every file's until the end).
  result.findings = result.findings.map(({ fixes: _fixes, data: _data, messageId: _id, messageData: _messageData, ...printed }) => placed(printed, read));
  // Only the meeting and the inline switches are kept of the text: an archive of thousands of files stays small.
  return Object.assign(result, meetingOf(job.file, analysis));
}

/** A finding of a published file with its place in the original (the PDF page, the HTML line), from the reader's source map. */
function placed(finding: Finding, read: ReadFile): Finding {
  if (!read.sourceMap) return finding;
  const place = read.sourceMap.placeOf(finding.range.start.line);
  const source: Finding['source'] = {};
  for (const key of ['page', 'x', 'y', 'line', 'column', 'paragraph'] as const) if (place[key] !== undefined) source[key] = place[key];
  return Object.keys(source).length > 0 ? { ...finding, source } : finding;
}

/** The findings of the document itself (node/service.ts): RF098 for a legacy encoding, fingerprints, .referat.json's ignores. */
function ownFindings(job: FileJob, read: Pick<ReadFile, 'decoded' | 'problems'>, analysis: Analysis): Finding[] {
  return documentOwnFindings(job, analysis, read.decoded?.encoding, read.problems);
}

/**
 * Safe fixes applied and the text checked again, until none is left: the findings
 * reported are those of the fixed text. A finding ignored in .referat.json is not fixed.
 */
function fixUntilStable(job: FileJob, read: ReadFile, analysis: Analysis, findings: Finding[]) {
  let text = read.text;
  let count = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, fixes } = safeEdits(findings);
    if (fixes === 0) break;
    const next = applyEdits(text, analysis.lines, edits);
    if (next === text) break;
    text = next;
    count += fixes;
    analysis = analyze(text, { config: job.config });
    findings = ownFindings(job, read, analysis);
  }
  return { text, count, analysis, findings };
}

/**
 * The result with its meeting packed for the way to the main thread: a meeting holds every item's title and
 * recommendation (some 7 kB a file), which the main thread needs only for minutes whose agenda is among the files,
 * so it crosses as one string, and only what pairs documents (agendaFor: kind, committee, date) as an object.
 */
export function packMeeting(result: FileResult): FileResult {
  if (!result.meeting) return result;
  return { ...result, meeting: { ...result.meeting, items: [], personalNumbers: [] }, meetingJson: JSON.stringify(result.meeting) };
}

/** The whole meeting of a result (packMeeting's way back). */
export function fullMeeting(result: FileResult): IndexedMeeting | undefined {
  return result.meetingJson !== undefined ? (JSON.parse(result.meetingJson) as IndexedMeeting) : result.meeting;
}
