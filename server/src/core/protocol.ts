/**
 * The custom protocol between Referat's VS Code client and its language server: the method names, one
 * definition for both sides (the server's features/protocol.ts and the client's protocol.ts re-export it).
 * Pure data, so the client may bundle it.
 */
export const Requests = {
  status: 'referat/status',
  validateWorkspace: 'referat/validateWorkspace',
  overview: 'referat/overview',
  editsForCommand: 'referat/editsForCommand',
  newDocument: 'referat/newDocument',
  /** The template profiles a new document can follow: id and the municipality's name. */
  profiles: 'referat/profiles',
} as const;
export const Notifications = {
  recognised: 'referat/recognised',
  /** Client → server: the workspace was trusted (Restricted Mode ended). */
  trust: 'referat/trust',
} as const;
