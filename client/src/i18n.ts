/** Run-time text follows referat.language (VS Code has no Danish language pack). */
import * as vscode from 'vscode';

export type Lang = 'da' | 'en';

export function uiLanguage(): Lang {
  return vscode.workspace.getConfiguration('referat').get<string>('language') === 'en' ? 'en' : 'da';
}

export const t = (da: string, en: string): string => (uiLanguage() === 'en' ? en : da);
