import type { FastifyRequest } from 'fastify';
import type { ProxiedService } from '../config';
import type { OutgoingHeaders } from './proxy-headers';

/** Adds whatever proves who the caller is to a request bound for `service`. */
export type IdentityHook = (request: FastifyRequest, service: ProxiedService, headers: OutgoingHeaders) => Promise<void>;

/**
 * Where the caller's identity token will be attached once sign-in exists: verify the access JWT,
 * then set `headers[IDENTITY_HEADER] = await signIdentityToken(identity, service, privateKey)`
 * (both from @tutti/auth). Until then requests reach services anonymous; any identity header a
 * caller sent was already stripped by `upstreamRequestHeaders`.
 */
export const attachIdentityToken: IdentityHook = async () => undefined;
