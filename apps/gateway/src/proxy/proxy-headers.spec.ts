import { downstreamResponseHeaders, upstreamRequestHeaders, type Forwarding } from './proxy-headers';

const forwarding: Forwarding = { requestId: 'req-0000-0001', client: '10.0.0.7', protocol: 'https', host: 'tutti.example.org' };

describe('upstreamRequestHeaders', () => {
  it('keeps end-to-end headers as they came', () => {
    const headers = upstreamRequestHeaders(
      {
        accept: 'application/json',
        'content-type': 'application/json',
        'content-length': '12',
        authorization: 'Bearer x',
        'idempotency-key': 'k1',
      },
      forwarding,
    );
    expect(headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': '12',
      authorization: 'Bearer x',
      'idempotency-key': 'k1',
    });
  });

  it('drops hop-by-hop headers, including those named in Connection', () => {
    const headers = upstreamRequestHeaders(
      {
        connection: 'keep-alive, x-hop-secret',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        te: 'trailers',
        upgrade: 'h2c',
        'proxy-authorization': 'Basic x',
        'x-hop-secret': 's',
        'x-kept': 'yes',
      },
      forwarding,
    );
    for (const name of ['connection', 'keep-alive', 'transfer-encoding', 'te', 'upgrade', 'proxy-authorization', 'x-hop-secret'])
      expect(headers).not.toHaveProperty(name);
    expect(headers['x-kept']).toBe('yes');
  });

  it('never passes on an identity token the caller sent, nor host or expect', () => {
    const headers = upstreamRequestHeaders(
      { 'x-tutti-identity': 'forged.jwt.token', host: 'evil.example', expect: '100-continue' },
      forwarding,
    );
    expect(headers).not.toHaveProperty('x-tutti-identity');
    expect(headers).not.toHaveProperty('host');
    expect(headers).not.toHaveProperty('expect');
  });

  it('sets the request id and forwarding headers, x-forwarded-for to the client as the gateway judged it (never what the caller wrote)', () => {
    const headers = upstreamRequestHeaders(
      { 'x-request-id': 'caller-supplied', 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'http' },
      forwarding,
    );
    expect(headers['x-request-id']).toBe('req-0000-0001');
    expect(headers['x-forwarded-for']).toBe('10.0.0.7');
    expect(headers['x-forwarded-proto']).toBe('https');
    expect(headers['x-forwarded-host']).toBe('tutti.example.org');
  });
});

describe('downstreamResponseHeaders', () => {
  it('passes the upstream response headers back without hop-by-hop ones', () => {
    const headers = downstreamResponseHeaders({
      'content-type': 'application/json',
      'content-length': '30',
      etag: '"v1"',
      'set-cookie': ['a=1', 'b=2'],
      connection: 'keep-alive',
      'keep-alive': 'timeout=72',
      'transfer-encoding': 'chunked',
    });
    expect(headers).toEqual({ 'content-type': 'application/json', 'content-length': '30', etag: '"v1"', 'set-cookie': ['a=1', 'b=2'] });
  });
});
