import { afterQuietHours } from './quiet-hours';

const LONDON = 'Europe/London';
const quiet = { start: '21:00', end: '07:00' };

describe('afterQuietHours', () => {
  it('leaves a time outside quiet hours alone', () => {
    const due = new Date('2026-01-14T12:00:00Z');
    expect(afterQuietHours(due, quiet, LONDON)).toEqual(due);
  });

  it('moves a late-evening time to the end of quiet hours next morning (GMT)', () => {
    expect(afterQuietHours(new Date('2026-01-14T22:30:00Z'), quiet, LONDON).toISOString()).toBe('2026-01-15T07:00:00.000Z');
  });

  it('moves an early-morning time to 07:00 the same day, in British Summer Time', () => {
    // 05:00 BST = 04:00Z; quiet hours end 07:00 BST = 06:00Z.
    expect(afterQuietHours(new Date('2026-06-10T04:00:00Z'), quiet, LONDON).toISOString()).toBe('2026-06-10T06:00:00.000Z');
  });

  it('handles a daytime window that does not wrap midnight', () => {
    expect(afterQuietHours(new Date('2026-01-14T13:15:00Z'), { start: '13:00', end: '14:00' }, LONDON).toISOString()).toBe(
      '2026-01-14T14:00:00.000Z',
    );
  });

  it('does nothing without quiet hours', () => {
    const due = new Date('2026-01-14T23:00:00Z');
    expect(afterQuietHours(due, null, LONDON)).toEqual(due);
  });
});
