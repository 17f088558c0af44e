/**
 * What Referat reports for a set of files, in one place for the CLI (`referat check`) and
 * the language server ("Validate workspace", and each open document): which files are
 * checked (the workspace's listing less ignorePatterns), each file's configuration, its own
 * findings (RF098 for a legacy encoding, at the severity the configuration gives it), the
 * comparison of minutes with their agenda (RF220, RF221) with the minutes' inline switches,
 * fingerprints, and the ignore entries of .referat.json. The adapters only gather files and
 * print or publish what this returns, so the two cannot disagree.
 *
 * The per-file pieces (ownFindings, crossDocumentFindings) are plain functions too: the
 * CLI's worker threads call them with plain data and no workspace.
 */
import { analyze, type Analysis } from '../core/analyze';
import { mergeConfigs, ruleLevel, type ReferatConfig } from '../core/config';
import { agendaFor, compareAgendaAndMinutes, indexMeeting, type IndexedMeeting } from '../core/crossdoc';
import { legacyEncodingMessage } from '../core/encoding-message';
import { applyIgnores } from '../core/ignore';
import type { Finding } from '../core/model';
import { applySwitches, findSwitches } from '../core/suppress';
import type { FoundConfig, IgnoreScope } from './config-files';
import { withFingerprints } from './fingerprint';
import { UnreadableFileError, type DecodedFile, type Message } from './decode';
import type { Workspace } from './workspace';
import { partlyReadMessage } from '../core/read-problem-message';

export type Switch = ReturnType<typeof findSwitches>[number];

/** How one file is checked: its configuration and the ignore entries that apply to it. */
export interface DocumentSetup {
  file: string;
  config: ReferatConfig;
  ignore?: IgnoreScope;
  /** The .referat.json that applies (the discovered one or --config's), with its own problems. */
  configFile?: FoundConfig;
}

/** One file checked: its own findings, and what the comparison between documents needs of it. */
export interface CheckedDocument {
  file: string;
  /** The file could not be read: it was not checked. */
  error?: Message;
  findings: Finding[];
  /** The meeting it records (its uri as the caller names documents), when it is minutes or an agenda. */
  meeting?: IndexedMeeting;
  /** Its inline switches (referat-disable …), for the findings against its agenda. */
  switches?: Switch[];
}

/** RF098 for a file read in a legacy encoding, at the severity the configuration gives it; none when it is UTF-8 or RF098 is off. */
export function encodingFindings(encoding: DecodedFile['encoding'] | undefined, config: ReferatConfig): Finding[] {
  if (!encoding || encoding === 'utf-8') return [];
  const level = ruleLevel(config, 'RF098', 'information');
  if (level === 'off') return [];
  return [{ code: 'RF098', severity: level, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: legacyEncodingMessage(encoding) }];
}

/** RF097 for each part a reader could not read of a published file, at the configured severity; none when RF097 is off. */
export function readProblemFindings(problems: readonly Message[], config: ReferatConfig): Finding[] {
  const level = ruleLevel(config, 'RF097', 'information');
  if (level === 'off') return [];
  return problems.map((problem) => ({
    code: 'RF097',
    severity: level,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: partlyReadMessage(problem),
    messageId: 'partlyRead',
  }));
}

/**
 * A document's own findings as reported: RF098 when it was read in a legacy encoding
 * (`encoding` is absent for an editor's buffer), RF097 for what a reader could not read of a published
 * file, the analysis' findings, each with its fingerprint, less those ignored in .referat.json.
 */
export function ownFindings(setup: Pick<DocumentSetup, 'config' | 'ignore'>, analysis: Analysis, encoding?: DecodedFile['encoding'], problems: readonly Message[] = []): Finding[] {
  const note = [...readProblemFindings(problems, setup.config), ...encodingFindings(encoding, setup.config)];
  const own = withFingerprints(note.length > 0 ? [...note, ...analysis.findings] : analysis.findings, { ...analysis.model, lines: analysis.lines });
  return setup.ignore ? applyIgnores(own, setup.ignore.relativePath, setup.ignore.entries) : own;
}

/**
 * What changed between minutes and their agenda among `meetings` (RF220, RF221): the
 * configuration's severities, the minutes' inline switches, fingerprints, and the ignore
 * entries. Nothing for an agenda, or minutes whose agenda is not among `meetings`.
 */
export function crossDocumentFindings(minutes: IndexedMeeting, meetings: readonly IndexedMeeting[], setup: Pick<DocumentSetup, 'config' | 'ignore'>, switches: readonly Switch[]): Finding[] {
  const agenda = agendaFor(minutes, meetings);
  if (!agenda) return [];
  const cross = withFingerprints(applySwitches(compareAgendaAndMinutes(agenda, minutes, setup.config), [...switches]), minutes);
  return setup.ignore ? applyIgnores(cross, setup.ignore.relativePath, setup.ignore.entries) : cross;
}

/** The meeting and switches a checked document keeps for the comparison between documents. */
export function meetingOf(uri: string, analysis: Analysis): Pick<CheckedDocument, 'meeting' | 'switches'> {
  if (!analysis.model.kind) return {};
  return { meeting: indexMeeting(uri, analysis.model), ...(analysis.model.kind === 'referat' ? { switches: findSwitches(analysis.lines) } : {}) };
}

export interface ServiceOptions {
  workspace: Workspace;
  /** The configuration a file is checked with, from its .referat.json (null: none): the adapter's layer over it (command line, editor settings). */
  configOf?: (file: string, found: FoundConfig | null) => ReferatConfig;
  /** A configuration file that applies to every file (--config), instead of the nearest one. */
  explicit?: FoundConfig;
  /** The uri a document is known by among meetings (the server's file: URIs); the path itself by default. */
  uriOf?: (file: string) => string;
}

export type ReferatService = ReturnType<typeof createReferatService>;

export function createReferatService(options: ServiceOptions) {
  const { workspace, explicit } = options;
  const configOf = options.configOf ?? ((_file: string, found: FoundConfig | null) => mergeConfigs(found?.config));
  const uriOf = options.uriOf ?? ((file: string) => file);

  /** How a file is checked; null when ignorePatterns leave it out (documentation, not minutes). */
  function setup(file: string): DocumentSetup | null {
    if (workspace.isIgnored(file, explicit)) return null;
    const found = explicit ?? workspace.configFor(file);
    const ignore = workspace.ignoreScope(file, explicit);
    return { file, config: configOf(file, found), ...(ignore ? { ignore } : {}), ...(found ? { configFile: found } : {}) };
  }

  /** One file's own findings: read from the workspace, or `text` (an editor's buffer) when given. */
  function checkDocument(s: DocumentSetup, text?: string): CheckedDocument {
    let decoded: DecodedFile;
    try {
      decoded = text !== undefined ? { text, encoding: 'utf-8' } : workspace.readText(s.file);
    } catch (e) {
      if (e instanceof UnreadableFileError) return { file: s.file, error: e.text, findings: [] };
      throw e;
    }
    const analysis = analyze(decoded.text, { config: s.config });
    return { file: s.file, findings: ownFindings(s, analysis, text !== undefined ? undefined : decoded.encoding), ...meetingOf(uriOf(s.file), analysis) };
  }

  return {
    workspace,
    setup,
    checkDocument,
    /** The minutes files under the folders that are checked (with `published`, PDF, Word and web pages too): the workspace's listing less ignorePatterns. */
    files(folders: readonly string[], listing: { isCancelled?: () => boolean; maxFiles?: number; published?: boolean } = {}): string[] {
      return folders.flatMap((folder) => workspace.minutesFiles(folder, listing)).filter((file) => !workspace.isIgnored(file, explicit));
    },
    /** A document's findings against its agenda among `meetings`. */
    crossDocument(doc: CheckedDocument, meetings: readonly IndexedMeeting[], s: DocumentSetup | null = setup(doc.file)): Finding[] {
      return doc.meeting && s ? crossDocumentFindings(doc.meeting, meetings, s, doc.switches ?? []) : [];
    },
    /** Every file checked, each with its own findings and those against its agenda among the files (files ignorePatterns name are left out). */
    checkFiles(files: readonly string[]): CheckedDocument[] {
      const checked: { doc: CheckedDocument; setup: DocumentSetup }[] = [];
      for (const file of files) {
        const s = setup(file);
        if (s) checked.push({ doc: checkDocument(s), setup: s });
      }
      const meetings = checked.flatMap(({ doc }) => (doc.meeting ? [doc.meeting] : []));
      return checked.map(({ doc, setup: s }) => {
        const cross = doc.meeting ? crossDocumentFindings(doc.meeting, meetings, s, doc.switches ?? []) : [];
        return cross.length > 0 ? { ...doc, findings: [...doc.findings, ...cross] } : doc;
      });
    },
  };
}
