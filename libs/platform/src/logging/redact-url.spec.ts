import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('replaces the secret of a calendar feed, at a service or through the gateway', () => {
    expect(redactUrl('/calendar/0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.abcDEF_123-xyz.ics')).toBe(
      '/calendar/0190a5b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.[redacted].ics',
    );
    expect(redactUrl('/api/parent-engagement/calendar/id-1.s3cr3t.ics?x=1')).toBe(
      '/api/parent-engagement/calendar/id-1.[redacted].ics?x=1',
    );
  });

  it('replaces the values of credential query parameters, whatever their case or encoding, and keeps the rest', () => {
    expect(redactUrl('/reset-password?token=abc.def&next=%2Fhome')).toBe('/reset-password?token=[redacted]&next=%2Fhome');
    expect(redactUrl('/x?Key=1&%6Bey=2&apikey=3&q=token&code=4&sig')).toBe(
      '/x?Key=[redacted]&%6Bey=[redacted]&apikey=[redacted]&q=token&code=[redacted]&sig',
    );
  });

  it('leaves an ordinary URL as it is', () => {
    expect(redactUrl('/instruments?limit=25&cursor=WyJ4Il0')).toBe('/instruments?limit=25&cursor=WyJ4Il0');
    expect(redactUrl('/calendar-feeds')).toBe('/calendar-feeds');
  });
});
