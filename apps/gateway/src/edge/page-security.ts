import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * helmet's headers for HTML pages, registered inside the web and docs plugins so that it applies to
 * their routes only (it rebuilds its middleware on every request: too dear for the proxy's traffic).
 */
export async function registerPageSecurity(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // Swagger UI and the web app load only their own scripts; styles may be inline (Swagger UI sets them).
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        // Locally the gateway is plain http; upgrading would break every page load from another host.
        'upgrade-insecure-requests': null,
      },
    },
  });
}
