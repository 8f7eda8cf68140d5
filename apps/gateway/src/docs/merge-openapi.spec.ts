import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi, rewriteRefs } from './merge-openapi';

const bearer = { type: 'http' as const, scheme: 'bearer', bearerFormat: 'JWT' };

const gateway: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'Tutti gateway', description: 'The front door.', version: '1' },
  paths: {
    '/areas': {
      get: {
        operationId: 'AreasController_list',
        tags: ['areas'],
        responses: { 200: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/PageDto' } } } } },
      },
    },
  },
  components: { schemas: { PageDto: { type: 'object', properties: { nextCursor: { type: 'string' } } } }, securitySchemes: { bearer } },
};

const performanceEvent: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'Tutti performance-event', version: '1' },
  servers: [{ url: 'http://127.0.0.1:3103' }],
  tags: [{ name: 'public listing', description: 'What the public sees' }],
  security: [{ bearer: [] }],
  paths: {
    '/public/areas/{areaId}/performances': {
      parameters: [{ $ref: '#/components/parameters/AreaId' }],
      get: {
        operationId: 'PublicListingController_list',
        tags: ['public listing'],
        responses: { 200: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/PageDto' } } } } },
      },
    },
    '/health': { get: { operationId: 'HealthController_check', responses: { 200: { description: '' } } } },
  },
  components: {
    schemas: {
      PageDto: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/PerformanceDto' } } } },
      PerformanceDto: {
        type: 'object',
        properties: { mapping: { type: 'string' }, venue: { oneOf: [{ $ref: '#/components/schemas/Hall' }] } },
        discriminator: { propertyName: 'kind', mapping: { hall: '#/components/schemas/Hall', church: 'Church' } },
      },
      Hall: { type: 'object' },
      Church: { type: 'object' },
    },
    parameters: { AreaId: { name: 'areaId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } } },
    securitySchemes: { bearer },
  },
};

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi({
    gateway,
    services: [{ service: 'performance-event', document: performanceEvent }],
    unavailable: ['scheduling'],
  });

  it('keeps the gateway’s own paths and components as they are, its operation ids named gateway.<id> like a service’s', () => {
    expect(merged.paths['/areas']).toEqual({ get: { ...gateway.paths['/areas'].get, operationId: 'gateway.AreasController_list' } });
    expect(merged.components?.schemas?.PageDto).toEqual(gateway.components?.schemas?.PageDto);
  });

  it('names the gateway as the one server, so that every path resolves against it', () => {
    expect(merged.servers).toEqual([{ url: '/', description: 'This gateway' }]);
  });

  it('serves each service’s paths under /api/<service>', () => {
    expect(Object.keys(merged.paths).sort()).toEqual([
      '/api/performance-event/health',
      '/api/performance-event/public/areas/{areaId}/performances',
      '/areas',
    ]);
    expect(merged.paths['/api/performance-event/public/areas/{areaId}/performances'].servers).toBeUndefined();
  });

  it('namespaces the service’s components so that same-named ones do not clash, rewriting every $ref', () => {
    const schemas = merged.components?.schemas ?? {};
    expect(Object.keys(schemas).sort()).toEqual([
      'PageDto',
      'performance-event.Church',
      'performance-event.Hall',
      'performance-event.PageDto',
      'performance-event.PerformanceDto',
    ]);
    const item = merged.paths['/api/performance-event/public/areas/{areaId}/performances'];
    expect(item.parameters).toEqual([{ $ref: '#/components/parameters/performance-event.AreaId' }]);
    expect(item.get?.responses[200]).toEqual({
      description: '',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/performance-event.PageDto' } } },
    });
    expect(schemas['performance-event.PageDto']).toEqual({
      type: 'object',
      properties: { items: { type: 'array', items: { $ref: '#/components/schemas/performance-event.PerformanceDto' } } },
    });
    expect(merged.components?.parameters?.['performance-event.AreaId']).toBeDefined();
  });

  it('rewrites discriminator mappings, both references and bare schema names, but not a property called mapping', () => {
    const dto = merged.components?.schemas?.['performance-event.PerformanceDto'] as Record<string, unknown>;
    expect(dto.discriminator).toEqual({
      propertyName: 'kind',
      mapping: { hall: '#/components/schemas/performance-event.Hall', church: 'performance-event.Church' },
    });
    expect((dto.properties as Record<string, unknown>).mapping).toEqual({ type: 'string' });
  });

  it('prefixes tags and operation ids with the service name, tagging untagged operations with it', () => {
    const listing = merged.paths['/api/performance-event/public/areas/{areaId}/performances'].get;
    expect(listing?.tags).toEqual(['performance-event: public listing']);
    expect(listing?.operationId).toBe('performance-event.PublicListingController_list');
    expect(merged.paths['/api/performance-event/health'].get?.tags).toEqual(['performance-event']);
    expect(merged.tags).toEqual([
      { name: 'areas' },
      { name: 'performance-event: public listing', description: 'What the public sees' },
      { name: 'performance-event' },
    ]);
  });

  it('shares an identical security scheme and pushes the service-wide requirement down to its operations', () => {
    expect(merged.components?.securitySchemes).toEqual({ bearer });
    expect(merged.paths['/api/performance-event/health'].get?.security).toEqual([{ bearer: [] }]);
  });

  it('gives a service’s differing security scheme its own name', () => {
    const apiKey = { type: 'apiKey' as const, in: 'header', name: 'x-key' };
    const odd: OpenAPIObject = { ...performanceEvent, components: { securitySchemes: { bearer: apiKey } } };
    const result = mergeOpenApi({ gateway, services: [{ service: 'scheduling', document: odd }], unavailable: [] });
    expect(result.components?.securitySchemes).toEqual({ bearer, 'scheduling.bearer': apiKey });
    expect(result.paths['/api/scheduling/health'].get?.security).toEqual([{ 'scheduling.bearer': [] }]);
  });

  it('names the services that could not be reached instead of failing', () => {
    expect(merged['x-unavailable-services']).toEqual(['scheduling']);
    expect(merged.info.description).toContain('scheduling');
    expect(merged.info.title).toBe('Tutti API');
  });

  it('does not change its inputs', () => {
    expect(performanceEvent.paths['/health'].get?.tags).toBeUndefined();
    expect(Object.keys(gateway.components?.schemas ?? {})).toEqual(['PageDto']);
  });
});

describe('rewriteRefs', () => {
  it('leaves external references alone and keeps pointer escapes intact', () => {
    expect(rewriteRefs({ $ref: 'common.yaml#/components/schemas/X' }, 's')).toEqual({ $ref: 'common.yaml#/components/schemas/X' });
    expect(rewriteRefs({ $ref: '#/components/schemas/a~1b/properties/c' }, 's')).toEqual({
      $ref: '#/components/schemas/s.a~1b/properties/c',
    });
  });
});
