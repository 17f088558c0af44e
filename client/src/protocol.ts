/** The custom requests between this client and the Referat server (see server/src/server.ts). */
// The overview's shape is the server's own (type-only import: no server code reaches the client bundle).
export type { Overview, OverviewItem } from '../../server/src/core/overview';

export interface Status {
  kind: 'referat' | 'dagsorden' | null;
  profile: string;
  items: number;
  errors: number;
  warnings: number;
  infos: number;
}

export type EditingCommand = 'newItem' | 'renumber' | 'updateToc' | 'agendaToMinutes';
