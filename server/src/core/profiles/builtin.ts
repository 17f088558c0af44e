/** The built-in profiles, bundled as data. A workspace may add its own (see config). */
import ballerup from './ballerup.json';
import generic from './generic.json';
import hoejeTaastrup from './hoeje-taastrup.json';
import rudersdal from './rudersdal.json';
import { type Profile, type ProfileJson, resolveProfile } from './profile';

export const BUILTIN_PROFILE_JSON: ProfileJson[] = [
  generic as ProfileJson,
  rudersdal as ProfileJson,
  ballerup as ProfileJson,
  hoejeTaastrup as ProfileJson,
];

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
