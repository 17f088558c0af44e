/**
 * The server's settings: what the editor sends (section "referat") merged over the
 * workspace's .referat.json. Editor values win only where the user set them: an
 * empty profile or language means "as .referat.json says, else the default".
 */
import { mergeConfigs, type Language, type ReferatConfig, type RuleSetting } from '../core/config';

export type ValidateMode = 'onType' | 'onSave' | 'off';

export interface EditorSettings {
  validate: ValidateMode;
  debounceMs: number;
  language: Language | '';
  profile: string;
  rules: Record<string, RuleSetting>;
  detect: { plaintext: boolean; markdown: boolean };
  /** "Validate workspace" reads the published files too (PDF, Word, web pages): referat.archives. */
  archives: boolean;
}

export const DEFAULT_SETTINGS: EditorSettings = {
  validate: 'onType',
  debounceMs: 300,
  language: '',
  profile: '',
  rules: {},
  detect: { plaintext: true, markdown: true },
  archives: true,
};

/** Accepts whatever the client sent and keeps only well-typed values. */
export function normaliseSettings(raw: unknown): EditorSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const detect = (r.detect && typeof r.detect === 'object' ? r.detect : {}) as Record<string, unknown>;
  return {
    validate: r.validate === 'onSave' || r.validate === 'off' || r.validate === 'onType' ? r.validate : DEFAULT_SETTINGS.validate,
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 5000 ? r.debounceMs : DEFAULT_SETTINGS.debounceMs,
    language: r.language === 'da' || r.language === 'en' ? r.language : '',
    profile: typeof r.profile === 'string' ? r.profile : '',
    rules: r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules) ? (r.rules as Record<string, RuleSetting>) : {},
    detect: {
      plaintext: typeof detect.plaintext === 'boolean' ? detect.plaintext : true,
      markdown: typeof detect.markdown === 'boolean' ? detect.markdown : true,
    },
    archives: typeof r.archives === 'boolean' ? r.archives : DEFAULT_SETTINGS.archives,
  };
}

/** .referat.json first, then what the user set in the editor. */
export function effectiveConfig(fileConfig: ReferatConfig | undefined, settings: EditorSettings): ReferatConfig {
  const editorLayer: ReferatConfig = { rules: settings.rules };
  if (settings.profile) editorLayer.profile = settings.profile;
  if (settings.language) editorLayer.language = settings.language;
  return mergeConfigs(fileConfig, editorLayer);
}
