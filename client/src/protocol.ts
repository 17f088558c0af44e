/** The custom requests between this client and the Referat server (see server/src/server.ts). */
// The overview's shape is the server's own (a type-only import). The client bundles no server code but small
// pure helpers of the core (core/plural.ts); eslint.config.mjs keeps it that way.
export type { Overview, OverviewItem } from '../../server/src/core/overview';
// The method names, one definition shared with the server.
export { isPublishedName, Notifications, originalPathOf, Requests, SOURCE_VIEW_SCHEME, sourceViewPath } from '../../server/src/core/protocol';
export type { SourceText } from '../../server/src/core/protocol';

export interface Status {
  kind: 'referat' | 'dagsorden' | null;
  profile: string;
  /** The profile's name ("Ballerup Kommune"). */
  profileName?: string;
  items: number;
  /** In a referat: items that need a decision, and how many have one written; null in a dagsorden. */
  decisions?: { written: number; needed: number } | null;
  errors: number;
  warnings: number;
  infos: number;
}

/** A template profile a new document can follow (request referat/profiles). */
export interface ProfileChoice {
  id: string;
  name: string;
}

export type EditingCommand = 'newItem' | 'renumber' | 'updateToc' | 'agendaToMinutes';
