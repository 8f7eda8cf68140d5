import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { registerPageSecurity } from '../edge/page-security';
import { sendProblem } from '../proxy/upstream-problem';
import { PLACEHOLDER_PAGE } from './placeholder-page';

export interface WebPluginOptions {
  /** Folder of the built web app; may not exist yet. */
  root: string;
  /** First path segments that belong to the gateway's own API: never answered with the app. */
  reservedPrefixes: readonly string[];
}

const INDEX = 'index.html';

/** The web app: its files as they are, and index.html for any other page path (client-side routing). */
export async function webPlugin(fastify: FastifyInstance, options: WebPluginOptions): Promise<void> {
  const root = resolve(options.root);
  const reserved = new Set(options.reservedPrefixes);
  await registerPageSecurity(fastify);
  // preCompressed: the build writes each asset's .br and .gz beside it (vite.config.mts); a browser that
  // accepts one gets it, without the gateway compressing on every request.
  await fastify.register(fastifyStatic, { root, serve: false, dotfiles: 'deny', preCompressed: true });

  fastify.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = decodePath(request.url.split('?')[0]);
    if (pathname === undefined || reserved.has(pathname.split('/')[1] ?? '')) {
      return sendProblem(request, reply, 404, `Nothing is served at ${request.url.split('?')[0]}.`);
    }
    const file = pathname === '/' ? undefined : await fileIn(root, pathname);
    if (file) {
      // Built assets carry a content hash in their name, so that they can be cached for good.
      const immutable = pathname.startsWith('/assets/');
      return reply.sendFile(file, { immutable, maxAge: immutable ? '365d' : 0 });
    }
    if (extname(pathname) !== '') return sendProblem(request, reply, 404, `There is no file ${pathname}.`);
    if (!(await fileIn(root, `/${INDEX}`)))
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(PLACEHOLDER_PAGE);
    return reply.header('cache-control', 'no-cache').sendFile(INDEX, { maxAge: 0, cacheControl: false });
  });
}

function decodePath(pathname: string): string | undefined {
  try {
    const decoded = decodeURIComponent(pathname);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

/** The path relative to root if it names a regular file inside root (never outside it). */
async function fileIn(root: string, pathname: string): Promise<string | undefined> {
  const absolute = join(root, pathname);
  if (absolute !== root && !absolute.startsWith(root + sep)) return undefined;
  try {
    return (await stat(absolute)).isFile() ? absolute.slice(root.length + 1) : undefined;
  } catch {
    return undefined;
  }
}
