import { newTraceparent, TRACEPARENT } from './trace-context';

describe('the traceparent the app sends with each request', () => {
  it('is a W3C version-00 traceparent, sampled, with a fresh trace id and span id each time', () => {
    const values = Array.from({ length: 200 }, () => newTraceparent());
    for (const value of values) {
      expect(value).toMatch(TRACEPARENT);
      expect(value.endsWith('-01')).toBe(true);
    }
    expect(new Set(values.map((value) => value.split('-')[1])).size).toBe(values.length);
    expect(new Set(values.map((value) => value.split('-')[2])).size).toBe(values.length);
  });

  it('draws again rather than send an all-zero id', () => {
    let calls = 0;
    // First draw of each id all zeros, the next 0x01 0x02 …
    const random = (array: Uint8Array) => {
      calls += 1;
      if (calls % 2 === 1) array.fill(0);
      else array.forEach((_, index) => (array[index] = index + 1));
    };
    expect(newTraceparent(random)).toBe('00-0102030405060708090a0b0c0d0e0f10-0102030405060708-01');
    expect(calls).toBe(4);
  });

  it('refuses what the gateway would not take', () => {
    expect(`00-${'0'.repeat(32)}-0102030405060708-01`).not.toMatch(TRACEPARENT);
    expect(`00-${'a'.repeat(32)}-${'0'.repeat(16)}-01`).not.toMatch(TRACEPARENT);
    expect(`00-${'A'.repeat(32)}-${'a'.repeat(16)}-01`).not.toMatch(TRACEPARENT);
  });
});
