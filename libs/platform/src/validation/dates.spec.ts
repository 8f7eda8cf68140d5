import { validate } from 'class-validator';
import { IsIsoDate, isIsoDate, IsOffsetDateTime, isOffsetDateTime } from './dates';

class Holiday {
  @IsIsoDate() startsOn!: string;
  @IsOffsetDateTime() callAt!: string;
}

describe('date validators', () => {
  it('takes real calendar days only, never rolling one over', () => {
    expect(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'].filter((value) => !isIsoDate(value))).toEqual([]);
    expect(
      [
        '2026-02-30',
        '2026-02-29',
        '1900-02-29',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-01-00',
        '0000-01-01',
        '2026-1-01',
        '2026-01-01T00:00Z',
        20260101,
      ].filter(isIsoDate),
    ).toEqual([]);
  });

  it('takes date-times with an offset whose every part exists', () => {
    expect(
      ['2026-03-04T18:00:00Z', '2026-03-04T18:00Z', '2026-03-29T01:30:00.123+01:00', '2024-02-29T23:59:59.999999-05:30'].filter(
        (value) => !isOffsetDateTime(value),
      ),
    ).toEqual([]);
    expect(
      [
        '2026-02-30T18:00:00Z',
        '2026-03-04T24:00:00Z',
        '2026-03-04T18:60:00Z',
        '2026-03-04T18:00:60Z',
        '2026-03-04T18:00:00+24:00',
        '2026-03-04T18:00:00',
        '2026-03-04',
        'tomorrow',
      ].filter(isOffsetDateTime),
    ).toEqual([]);
  });

  it('names the field and the rule in the decorators', async () => {
    const holiday = Object.assign(new Holiday(), { startsOn: '2026-02-30', callAt: '2026-02-30T10:00:00Z' });
    const errors = await validate(holiday);
    expect(errors.map((error) => [error.property, Object.keys(error.constraints ?? {})])).toEqual([
      ['startsOn', ['isIsoDate']],
      ['callAt', ['isOffsetDateTime']],
    ]);
  });
});
