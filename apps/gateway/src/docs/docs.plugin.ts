import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';
import { registerPageSecurity } from '../edge/page-security';
import type { OpenApiAggregator } from './openapi-aggregator';
import { SWAGGER_ASSETS, SWAGGER_INIT_SCRIPT, SWAGGER_PAGE } from './swagger-page';

export interface DocsPluginOptions {
  aggregator: OpenApiAggregator;
}

/** `/docs-json`: the whole API in one document; `/docs`: Swagger UI for it. */
export async function docsPlugin(fastify: FastifyInstance, { aggregator }: DocsPluginOptions): Promise<void> {
  await registerPageSecurity(fastify);
  fastify.get('/docs-json', async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return aggregator.document();
  });
  fastify.get('/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(SWAGGER_PAGE));
  fastify.get('/docs/', async (_request, reply) => reply.redirect('/docs'));
  fastify.get('/docs/tutti-swagger-init.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(SWAGGER_INIT_SCRIPT),
  );
  await fastify.register(fastifyStatic, {
    root: getAbsoluteFSPath(),
    prefix: '/docs/',
    index: false,
    allowedPath: (pathName) => SWAGGER_ASSETS.has(pathName),
    maxAge: '1d',
  });
}
