/**
 * Picks the profile whose template a document follows: each profile's weighted
 * patterns are counted once per document; the highest score of at least 3 wins (of
 * equal scores, the first in registry order), else the generic profile. Whether the
 * winner really fits is judged after reading the items (parse/index.ts `fits`).
 */
import type { Line } from '../text/lines';
import type { Profile } from './profile';
import type { ProfileRegistry } from './builtin';

export interface Detection {
  profile: Profile;
  score: number;
}

/** Only the head of a long document is read: a template shows itself early. */
const DETECTION_LINES = 3000;

export function detectProfile(lines: readonly Line[], registry: ProfileRegistry): Detection {
  const profiles = registry.all();
  const generic = registry.get('generic');
  let best: Detection = { profile: generic, score: 0 };
  for (const profile of profiles) {
    if (profile.id === 'generic') continue;
    const score = scoreProfile(lines, profile);
    if (score > best.score) best = { profile, score };
  }
  // A template must show more than one weak sign before it beats the generic profile.
  if (best.score < 3) best = { profile: generic, score: best.score };
  return best;
}

export function scoreProfile(lines: readonly Line[], profile: Profile): number {
  let score = 0;
  const limit = Math.min(lines.length, DETECTION_LINES);
  for (const { pattern, weight } of profile.detect) {
    for (let i = 0; i < limit; i++) {
      const text = lines[i].text;
      if (text.length > 400) continue;
      if (pattern.test(text)) {
        score += weight;
        break;
      }
    }
  }
  return score;
}
