import { Controller, Get, HttpException, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { logRequests, PinoNestLogger, serviceLogger } from './service-logger';

/** A pino destination that keeps the lines written to it. */
function capturedLines() {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } };
}

describe('serviceLogger', () => {
  describe('PinoNestLogger', () => {
    it('writes Nest log calls as JSON lines with their context, fields and errors', () => {
      const { lines, stream } = capturedLines();
      const nest = new PinoNestLogger(serviceLogger('scheduling', 'info', stream));
      nest.log('listening', 'Bootstrap');
      nest.warn({ runId: 'r-1' }, 'slow run', 'Relay');
      nest.error('boom', 'Error: boom\n    at somewhere (file.ts:1:1)', 'ExceptionsHandler');
      nest.error(new Error('lost'), 'Worker');
      nest.debug('not at info', 'Quiet');
      expect(lines.map(({ level, msg, context }) => ({ level, msg, context }))).toEqual([
        { level: 30, msg: 'listening', context: 'Bootstrap' },
        { level: 40, msg: 'slow run', context: 'Relay' },
        { level: 50, msg: 'boom', context: 'ExceptionsHandler' },
        { level: 50, msg: '', context: 'Worker' },
      ]);
      expect(lines[0]).toMatchObject({ name: 'scheduling' });
      expect(lines[1]).toMatchObject({ runId: 'r-1' });
      expect(lines[2].err).toMatchObject({ message: 'boom', stack: expect.stringContaining('at somewhere') });
      expect(lines[3].err).toMatchObject({ type: 'Error', message: 'lost' });
    });
  });

  describe('logRequests', () => {
    @Controller()
    class PagesController {
      @Get('page')
      page() {
        return { ok: true };
      }
      @Get('broken')
      broken() {
        throw new HttpException('down', 503);
      }
      @Get('calendar/:file')
      feed() {
        return 'BEGIN:VCALENDAR';
      }
      @Get('health')
      health() {
        return { status: 'ok' };
      }
    }
    @Module({ controllers: [PagesController] })
    class PagesModule {}

    let app: NestFastifyApplication;
    const { lines, stream } = capturedLines();

    beforeAll(async () => {
      app = await NestFactory.create<NestFastifyApplication>(PagesModule, new FastifyAdapter(), { logger: false });
      logRequests(app, serviceLogger('gateway', 'info', stream));
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });
    afterAll(() => app.close());

    it('writes one line per answered request (not /health), and a failure at error level', async () => {
      const fastify = app.getHttpAdapter().getInstance();
      await fastify.inject({ method: 'GET', url: '/page?x=1' });
      await fastify.inject({ method: 'GET', url: '/broken' });
      await fastify.inject({ method: 'GET', url: '/health' });
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatchObject({
        level: 30,
        msg: 'request completed',
        req: { method: 'GET', url: '/page?x=1' },
        res: { statusCode: 200 },
      });
      expect(typeof lines[0].responseTime).toBe('number');
      expect(lines[1]).toMatchObject({ level: 50, msg: 'request failed', req: { url: '/broken' }, res: { statusCode: 503 } });
      expect((lines[1].req as { id: unknown }).id).toBeTruthy();
    });

    it('writes a calendar feed secret and credential query parameters as [redacted]', async () => {
      const fastify = app.getHttpAdapter().getInstance();
      lines.length = 0;
      const secret = 'Zx9_kq-3mN7pQ2rS5tU8vW1xY4zA6bC0dE3fG5hJ7kL';
      await fastify.inject({ method: 'GET', url: `/calendar/0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.${secret}.ics` });
      await fastify.inject({ method: 'GET', url: `/page?token=${secret}&limit=5&API_KEY=${secret}` });
      expect(lines.map((line) => (line.req as { url: string }).url)).toEqual([
        '/calendar/0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.[redacted].ics',
        '/page?token=[redacted]&limit=5&API_KEY=[redacted]',
      ]);
      expect(JSON.stringify(lines)).not.toContain(secret);
    });
  });
});
