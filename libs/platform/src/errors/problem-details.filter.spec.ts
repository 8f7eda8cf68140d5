import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';

/** Runs the filter on one exception and answers what it would send. */
function answerTo(exception: unknown): { status: number; type: string; body: Record<string, unknown> } {
  const sent = { status: 0, type: '', body: {} as Record<string, unknown> };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => (name === 'content-type' && (sent.type = value), reply),
    send: (body: Record<string, unknown>) => ((sent.body = body), reply),
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ url: '/things?q=x', id: 'req-1' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return sent;
}

const sqlError = (code: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('driver'), { code }));

describe('ProblemDetailsFilter', () => {
  it.each([
    ['22021', 'character not in repertoire (a NUL in text)'],
    ['22P05', 'untranslatable character (a NUL in jsonb)'],
    ['22001', 'string too long for its column'],
    ['54000', 'an index row too large'],
    ['22008', 'a date or time out of range'],
  ])('answers PostgreSQL %s (%s) as a 400 problem, never a 500', (code) => {
    const answer = answerTo(sqlError(code));
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: 400, instance: '/things', requestId: 'req-1' });
    expect(JSON.stringify(answer.body)).not.toContain('INSERT');
  });

  it('still answers an unknown database error as a 500 that shows nothing internal', () => {
    const answer = answerTo(sqlError('XX000'));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('INSERT');
  });
});
