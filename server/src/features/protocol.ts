/** Custom protocol between our client and server (client/src/protocol.ts holds the client's side). */
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
