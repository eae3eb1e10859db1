import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import type { Services } from '../services.js';
import type { Loaders } from './loaders.js';
import type { Session } from '../modules/auth/session.entity.js';
import type { User } from '../modules/user/user.entity.js';

/** Who is calling: a browser session (at some sign-in step) or an API token acting as its creator. */
export interface Viewer {
  user: User;
  session: Session | null;
  /** The sign-in step of the session; always DONE for an API token. */
  step: string;
}

export interface Context {
  viewer: Viewer | null;
  services: Services;
  ip: string;
  loaders: Loaders;
  headers: IncomingHttpHeaders;
  /** Set a response cookie; absent on the WebSocket, where no response follows. */
  setCookie?: (name: string, value: string, options: import('cookie').SerializeOptions) => void;
}

/**
 * The viewer behind a request's credentials; GraphQL over HTTP, downloads and the socket all ask here.
 * With an Authorization header, only the API token it names counts (no fallback to the cookie).
 */
export function resolveViewer(services: Services, headers: IncomingHttpHeaders): Promise<Viewer | null> {
  if (headers.authorization !== undefined) return services.apiTokens.authenticate(headers.authorization);
  return services.auth.authenticate(headers);
}

/**
 * The caller's address: Express's (taken from X-Forwarded-For when a trusted proxy sent it) if it is an
 * address at all, else the peer's. A forwarded header may hold anything, of any length.
 */
export const clientIp = (req: { ip?: string; socket: { remoteAddress?: string } }): string => (req.ip && isIP(req.ip) ? req.ip : (req.socket.remoteAddress ?? ''));
