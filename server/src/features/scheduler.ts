/**
 * When each document is validated: after a pause in typing (debounced per document), or at once. A new
 * request for a document replaces the one still waiting, so a burst of keystrokes gives one validation.
 */
export class ValidationScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Runs `run` for `uri` after `delayMs` (at once for 0), replacing what waits for that document. */
  schedule(uri: string, delayMs: number, run: () => void): void {
    this.cancel(uri);
    const go = () => {
      this.timers.delete(uri);
      run();
    };
    if (delayMs <= 0) go();
    else this.timers.set(uri, setTimeout(go, delayMs));
  }

  /** What waits for `uri` does not run. */
  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
  }
}
