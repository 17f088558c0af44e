/** The worker of CoreWorker (property-support.ts): checkText() on each text it is sent. */
import { parentPort } from 'node:worker_threads';
import { checkText } from './property-support';

parentPort!.on('message', ({ id, text, twice }: { id: number; text: string; twice: boolean }) => {
  try {
    parentPort!.postMessage({ id, ms: checkText(text, twice) });
  } catch (e) {
    const err = e as Error;
    // An assertion says what is wrong; anything else is the core throwing: keep where.
    parentPort!.postMessage({ id, error: err.name === 'AssertionError' ? err.message : `analyze threw: ${err.stack ?? err}`, ms: 0 });
  }
});
