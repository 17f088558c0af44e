/**
 * The progress of a run over many files, on stderr when it is a terminal ("1.234 af 5.678 filer
 * kontrolleret"): one line redrawn in place, at most every PROGRESS_INTERVAL_MS, cleared before anything
 * else is printed and when the run ends, so piped output and logs never see it.
 */
import type { Language } from '../core/config';
import { cliText } from './texts';

/** Runs over fewer files finish before a progress line would help. */
export const PROGRESS_MIN_FILES = 20;
const PROGRESS_INTERVAL_MS = 100;
const CLEAR_LINE = '\r\x1b[K';

export interface Progress {
  /** One more file done. */
  tick(): void;
  /** Takes the line away (before other output, and at the end). */
  clear(): void;
}

const NONE: Progress = { tick: () => undefined, clear: () => undefined };

/** A progress line written with `write` (stderr, without a newline), or nothing when `show` is false. */
export function createProgress(total: number, language: Language, write: ((s: string) => void) | undefined, show: boolean): Progress {
  if (!write || !show || total < PROGRESS_MIN_FILES) return NONE;
  let done = 0;
  let shown = false;
  let last = 0;
  const draw = () => {
    write(`${CLEAR_LINE}${cliText(language)('progress', { done: done.toLocaleString('da-DK'), files: total.toLocaleString('da-DK') })}`);
    shown = true;
    last = Date.now();
  };
  return {
    tick() {
      done++;
      // Throttled: a cleared line comes back at the next interval, not after every file.
      if (Date.now() - last >= PROGRESS_INTERVAL_MS || (done === total && !shown)) draw();
    },
    clear() {
      if (shown) write(CLEAR_LINE);
      shown = false;
    },
  };
}
