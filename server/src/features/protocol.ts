/** Custom protocol between our client and server: the names live in core/protocol.ts, shared with the client. */
export { Notifications, Requests } from '../core/protocol';
