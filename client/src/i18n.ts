/** Run-time text follows referat.language (VS Code has no Danish language pack). */
import * as vscode from 'vscode';

import type { Language } from '../../server/src/core/language';

export function uiLanguage(): Language {
  return vscode.workspace.getConfiguration('referat').get<string>('language') === 'en' ? 'en' : 'da';
}

export const t = (da: string, en: string): string => (uiLanguage() === 'en' ? en : da);
