/**
 * Whether a document is for publication: the configuration says so (`publication`), else a referat is
 * public and a dagsorden internal. The privacy rules (RF200, RF201) judge by it.
 */
import type { ReferatConfig } from './config';
import type { MinutesDocument } from './model';

/** "public" or "internal": the configuration's, else public for a referat and internal for a dagsorden. */
export function publicationOf(model: MinutesDocument, config: ReferatConfig): 'public' | 'internal' | null {
  if (config.publication) return config.publication;
  if (model.kind === 'referat') return 'public';
  if (model.kind === 'dagsorden') return 'internal';
  return null;
}
