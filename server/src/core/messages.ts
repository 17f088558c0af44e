/**
 * Messages as data. Every text Referat shows a person is a catalogue entry: Danish and
 * English side by side, with named placeholders ("Punkt {number} »{title}«"), chosen by
 * id and filled with data. Code never picks a language with a conditional: it asks for
 * a message by id and the adapter picks `da` or `en` at the edge. A catalogue test
 * (test/unit/messages.test.ts) checks that every entry has both languages and that they
 * use the same placeholders.
 */

import type { Language } from './language';
export type { Language };

/** A text in both languages. */
export interface Localized {
  da: string;
  en: string;
}

/**
 * A value for a placeholder: the same in both languages (a number, a title as the
 * document writes it), or a phrase of its own per language (a fragment message, a word
 * such as "referatet"/"the minutes").
 */
export type MessageValue = string | number | Localized;
export type MessageData = Record<string, MessageValue>;

/** A catalogue: message id → the message in both languages. */
export type Messages<Id extends string = string> = Record<Id, Localized>;

/** `{name}`: a letter, then letters and digits. JSON examples such as `{ "RF090": "off" }` are not placeholders. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a text uses, sorted and unique (for the catalogue test). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/** A catalogue typed by its ids: `defineMessages({ missing: { da, en } })`. */
export function defineMessages<Id extends string>(messages: Messages<Id>): Messages<Id> {
  return messages;
}

function valueIn(value: MessageValue, language: Language): string {
  return typeof value === 'object' ? value[language] : String(value);
}

/**
 * A template cut at its placeholders once: literal text at even indices, placeholder names at odd
 * ones ("a {x} b" → ["a ", "x", " b"]). Filling then joins the parts instead of running a regex
 * with a callback for every message: the same text, as a callback's return value is inserted as is.
 */
type Parts = readonly string[];

function partsOf(text: string): Parts {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, m.index), m[1]);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/**
 * The cut templates, per template object (catalogue entries live as long as their catalogue). The
 * texts they were cut from are kept, so an object whose texts changed is cut again.
 */
interface Cut {
  source: Localized;
  da: Parts;
  en: Parts;
}
const cuts = new WeakMap<Localized, Cut>();

function cutTemplate(template: Localized): Cut {
  let parts = cuts.get(template);
  if (!parts || parts.source.da !== template.da || parts.source.en !== template.en) {
    parts = { source: { da: template.da, en: template.en }, da: partsOf(template.da), en: partsOf(template.en) };
    cuts.set(template, parts);
  }
  return parts;
}

/** One language of a template filled with data. A placeholder without data is a programming error. */
function fill(parts: Parts, data: MessageData, language: Language): string {
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    if (!(name in data)) throw new Error(`message placeholder {${name}} has no data`);
    out += valueIn(data[name], language) + parts[i + 1];
  }
  return out;
}

/** A template filled with data, in both languages. */
export function formatMessage(template: Localized, data: MessageData = {}): Localized {
  const parts = cutTemplate(template);
  return { da: fill(parts.da, data, 'da'), en: fill(parts.en, data, 'en') };
}

/** The message function of one catalogue: `message('missing', { number: 3 })`. */
export function messageFunction<Id extends string>(messages: Messages<Id>): (id: Id, data?: MessageData) => Localized {
  return (id, data = {}) => {
    const template = messages[id];
    if (!template) throw new Error(`no message "${id}"`);
    return formatMessage(template, data);
  };
}

/** A value that depends only on the language, for a placeholder ("" in one language is allowed). */
export function perLanguage(da: string, en: string): Localized {
  return { da, en };
}

/** Every catalogue that registers itself, by owner ("RF001", "outline", …): what the catalogue test walks. */
const CATALOGUES = new Map<string, Messages>();

/** Registers a catalogue under its owner and returns it (for modules other than rules, which the registry lists). */
export function catalogue<Id extends string>(owner: string, messages: Messages<Id>): Messages<Id> {
  CATALOGUES.set(owner, messages as Messages);
  return messages;
}

export function registeredCatalogues(): ReadonlyMap<string, Messages> {
  return CATALOGUES;
}

const joining = messageFunction(
  catalogue('lists', {
    or: { da: '{first} eller {second}', en: '{first} or {second}' },
    and: { da: '{first} og {second}', en: '{first} and {second}' },
  }),
);

/** "a eller b eller c" / "a or b or c": a list as a placeholder value in both languages. */
export function joinList(values: readonly MessageValue[], word: 'or' | 'and'): MessageValue {
  if (values.length === 0) return '';
  return values.reduce((first, second) => joining(word, { first, second }));
}

/** "a, b og c" / "a, b and c": names in a series, the last joined by the word. */
export function seriesList(values: readonly string[], word: 'or' | 'and'): MessageValue {
  if (values.length <= 1) return values.join('');
  return joining(word, { first: values.slice(0, -1).join(', '), second: values[values.length - 1] });
}

/**
 * The texts of one catalogue in one language: `text(language)('noDecision')`. For adapters and
 * views that show one language at a time (outline, hover, overview), instead of a conditional.
 */
export function textsIn<Id extends string>(messages: Messages<Id>): (language: Language) => (id: Id, data?: MessageData) => string {
  const message = messageFunction(messages);
  return (language) => (id, data) => message(id, data)[language];
}
