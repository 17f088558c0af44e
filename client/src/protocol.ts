/** The custom requests between this client and the Referat server (see server/src/server.ts). */
export interface OverviewItem {
  number: number;
  title: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  exempt: boolean;
  outcome: string | null;
  status: string;
  missing: string[];
  errors: number;
  warnings: number;
}

export interface Overview {
  kind: 'referat' | 'dagsorden' | null;
  kindLabel: string;
  profile: string;
  committee: string | null;
  date: string | null;
  items: OverviewItem[];
  errors: number;
  warnings: number;
  infos: number;
}

export interface Status {
  kind: 'referat' | 'dagsorden' | null;
  profile: string;
  items: number;
  errors: number;
  warnings: number;
  infos: number;
}

export type EditingCommand = 'newItem' | 'renumber' | 'updateToc' | 'agendaToMinutes';
