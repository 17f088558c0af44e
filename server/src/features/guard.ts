/**
 * Every handler of the language server goes through one of these guards: an exception is
 * logged to the output channel and the request is answered with the fallback, so nothing
 * a rule or a feature throws ever reaches the editor.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export type Log = (message: string) => void;

export interface Guards {
  /** A synchronous handler: on an exception, the fallback. */
  safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R;
  /**
   * An asynchronous handler (params, token): on an exception, the fallback; a request the
   * client cancelled meanwhile gets the protocol's "cancelled" answer.
   */
  safeAsync<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R>;
}

export function createGuards(log: Log): Guards {
  const failed = (name: string, e: unknown) => log(`${name} failed: ${(e as Error).stack ?? e}`);
  return {
    safe: (name, fallback, fn) => (...args) => {
      try {
        return fn(...args);
      } catch (e) {
        failed(name, e);
        return fallback;
      }
    },
    safeAsync: (name, fallback, fn) => async (...args) => {
      try {
        const result = await fn(...args);
        // A request the client cancelled while a large document was analysed gets the protocol's
        // "cancelled" answer instead of a stale result.
        const token = args[1] as CancellationToken | undefined;
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') as unknown as typeof result;
        return result;
      } catch (e) {
        failed(name, e);
        return fallback;
      }
    },
  };
}
