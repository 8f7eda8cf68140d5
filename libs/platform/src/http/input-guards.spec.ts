import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsOptional, IsString } from 'class-validator';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServiceApp } from '../bootstrap/bootstrap-service';
import { ServiceConfig } from '../config/service-config';
import { IdParam } from './id-param';
import { jsonDepthExceeds, MAX_JSON_DEPTH, suspectStrings } from './input-guards';

class NameDto {
  @IsString() name!: string;
  @IsOptional() @IsString({ each: true }) tags?: string[];
}
class SearchQuery {
  @IsOptional() @IsString() q?: string;
}

@Controller()
class EchoController {
  @Post('names')
  create(@Body() body: NameDto) {
    return body;
  }
  @Get('search')
  search(@Query() query: SearchQuery) {
    return query;
  }
  @Get('by-tag/:tag')
  byTag() {
    return {};
  }
  @Get('things/:thingId')
  thing(@IdParam('thingId') thingId: string) {
    return { thingId };
  }
}
@Module({ controllers: [EchoController] })
class EchoModule {}

function testConfig(): ServiceConfig {
  return Object.assign(new ServiceConfig(), {
    PORT: 0,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://unused',
    REDIS_URL: 'redis://unused',
    IDENTITY_PUBLIC_KEY: 'unused',
  });
}

describe('input guards at the edge of every service', () => {
  let app: NestFastifyApplication;
  const inject = (options: { method?: 'GET' | 'POST'; url: string; payload?: string }) =>
    app.inject({
      method: options.method ?? 'GET',
      url: options.url,
      payload: options.payload,
      headers: options.payload === undefined ? {} : { 'content-type': 'application/json' },
    });
  const fieldsOf = (body: string) => (JSON.parse(body) as { errors?: { field: string; rule: string }[] }).errors ?? [];

  beforeAll(async () => {
    app = await createServiceApp({ service: 'scheduling', description: 'test', config: testConfig(), module: EchoModule, openApi: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('answers 400 naming body for JSON nested deeper than the limit, without parsing it', async () => {
    const answer = await inject({ method: 'POST', url: '/names', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(answer.body)).toEqual([expect.objectContaining({ field: 'body', rule: 'maxDepth' })]);
  });

  it('still takes a body nested within the limit, and brackets inside strings do not count', async () => {
    const answer = await inject({ method: 'POST', url: '/names', payload: JSON.stringify({ name: '[[[['.repeat(50), tags: ['a'] }) });
    expect(answer.statusCode).toBe(201);
  });

  it('answers 400 naming body for empty or broken JSON', async () => {
    for (const payload of ['', '{"name":']) {
      const answer = await inject({ method: 'POST', url: '/names', payload });
      expect(answer.statusCode).toBe(400);
      expect(fieldsOf(answer.body)).toEqual([expect.objectContaining({ field: 'body', rule: 'json' })]);
    }
  });

  it('refuses a NUL or a lone surrogate in a body string, naming the field', async () => {
    const nul = await inject({ method: 'POST', url: '/names', payload: '{"name":"a\\u0000b"}' });
    expect(nul.statusCode).toBe(400);
    expect(fieldsOf(nul.body)).toEqual([expect.objectContaining({ field: 'name', rule: 'noNul' })]);
    const surrogate = await inject({ method: 'POST', url: '/names', payload: '{"name":"x","tags":["ok","a\\ud800b"]}' });
    expect(surrogate.statusCode).toBe(400);
    expect(fieldsOf(surrogate.body)).toEqual([expect.objectContaining({ field: 'tags[1]', rule: 'wellFormed' })]);
    const pair = await inject({ method: 'POST', url: '/names', payload: '{"name":"\\ud83c\\udfbb viola"}' });
    expect(pair.statusCode).toBe(201);
  });

  it('refuses a NUL in the query or the path, naming the parameter', async () => {
    const query = await inject({ url: '/search?q=%00' });
    expect(query.statusCode).toBe(400);
    expect(query.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(query.body)).toEqual([expect.objectContaining({ field: 'q', rule: 'noNul' })]);
    const path = await inject({ url: '/by-tag/%00' });
    expect(path.statusCode).toBe(400);
    expect(fieldsOf(path.body)).toEqual([expect.objectContaining({ field: 'tag', rule: 'noNul' })]);
  });

  it('answers a path that is not valid percent-encoding with a 400 naming path', async () => {
    const answer = await inject({ url: '/by-tag/%E0%A4%A' });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(answer.body)).toEqual([expect.objectContaining({ field: 'path' })]);
  });

  it('answers an over-long path id with 414 problem+json', async () => {
    const answer = await inject({ url: `/things/${'a'.repeat(5000)}` });
    expect(answer.statusCode).toBe(414);
    expect(answer.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a query string over the header limit with 431 problem+json (Node refuses it before Fastify sees it)', async () => {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path: `/search?q=${'x'.repeat(20_000)}` }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
      });
      request.on('error', reject);
      request.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
  });

  describe('jsonDepthExceeds', () => {
    it('counts objects and arrays, ignores brackets in strings and escaped quotes', () => {
      expect(jsonDepthExceeds('[[[1]]]', 3)).toBe(false);
      expect(jsonDepthExceeds('[[[[1]]]]', 3)).toBe(true);
      expect(jsonDepthExceeds('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
      expect(jsonDepthExceeds(`{"a":"${'['.repeat(100)}\\"[[["}`, 1)).toBe(false);
      expect(jsonDepthExceeds(`[${'{"a":1},'.repeat(1000)}{}]`, 2)).toBe(false);
      expect(jsonDepthExceeds(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`, MAX_JSON_DEPTH)).toBe(true);
    });
  });

  describe('suspectStrings', () => {
    it('names nested fields and keys as the validation pipe does', () => {
      expect(suspectStrings({ a: { b: ['ok', 'x\u0000'] }, ['k\u0000']: 1 }, '').map((error) => error.field)).toEqual([
        'a.b[1]',
        'k\u0000',
      ]);
      expect(suspectStrings('\udc00', '')).toEqual([expect.objectContaining({ field: 'body', rule: 'wellFormed' })]);
      expect(suspectStrings({ '*': 'x/\u0000' }, '', 'path')).toEqual([expect.objectContaining({ field: 'path' })]);
    });
  });
});
