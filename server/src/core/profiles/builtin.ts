/** The built-in profiles, bundled as data. A workspace may add its own (see config). */
import { type Profile, type ProfileJson, resolveProfile } from './profile';
import { PROFILE_FILES } from './registry.generated';

/**
 * The built-in profiles: every JSON file of this folder, listed by registry.generated.ts (written by
 * `npm run generate`), so a new template is one JSON file.
 */
export const BUILTIN_PROFILE_JSON: ProfileJson[] = PROFILE_FILES;

/** A set of profiles that can refer to each other through `extends`. */
export class ProfileRegistry {
  private readonly json = new Map<string, ProfileJson>();
  private readonly compiled = new Map<string, Profile>();

  constructor(extra: ProfileJson[] = []) {
    for (const p of BUILTIN_PROFILE_JSON) this.json.set(p.id, p);
    for (const p of extra) this.json.set(p.id, p);
  }

  ids(): string[] {
    return [...this.json.keys()];
  }

  has(id: string): boolean {
    return this.json.has(id);
  }

  get(id: string): Profile {
    let p = this.compiled.get(id);
    if (!p) {
      const json = this.json.get(id);
      if (!json) throw new Error(`unknown profile "${id}"`);
      p = resolveProfile(json, (x) => this.json.get(x));
      this.compiled.set(id, p);
    }
    return p;
  }

  all(): Profile[] {
    return this.ids().map((id) => this.get(id));
  }
}

let defaultRegistry: ProfileRegistry | undefined;
export function builtinProfiles(): ProfileRegistry {
  return (defaultRegistry ??= new ProfileRegistry());
}
