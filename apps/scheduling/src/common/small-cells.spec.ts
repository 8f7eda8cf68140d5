import { percentOf, suppressBreakdown } from './small-cells';

const partition = { partition: true };

describe('small-cell suppression', () => {
  it('shows 0, suppresses 1 to 4 and shows 5', () => {
    expect(suppressBreakdown({ none: 0, five: 5, six: 6, seven: 7 }, 18, partition)).toEqual({
      total: 18,
      cells: { none: 0, five: 5, six: 6, seven: 7 },
    });
    for (const small of [1, 2, 3, 4]) {
      const { cells } = suppressBreakdown({ small, big: 20, bigger: 30 }, small + 50, partition);
      expect(cells.small).toBeNull();
    }
    expect(suppressBreakdown({ a: 5, b: 5 }, 10, partition).cells).toEqual({ a: 5, b: 5 });
  });

  it('suppresses a second cell so that a lone suppressed cell cannot be recovered from the total', () => {
    // 40 - 20 - 16 would give the 4 away: the smallest other non-zero cell (the 16) goes too; the zero stays.
    expect(suppressBreakdown({ yes: 4, no: 20, unknown: 16, other: 0 }, 40, partition)).toEqual({
      total: 40,
      cells: { yes: null, no: 20, unknown: null, other: 0 },
    });
    // Two suppressed cells of 2 and 3 sum to 5: 1+4, 2+3, 3+2 or 4+1, nothing more is needed.
    expect(suppressBreakdown({ a: 2, b: 3, c: 30 }, 35, partition)).toEqual({ total: 35, cells: { a: null, b: null, c: 30 } });
    // Two suppressed ones would be known to be ones: a third cell goes.
    expect(suppressBreakdown({ a: 1, b: 1, c: 9, d: 12 }, 23, partition)).toEqual({
      total: 23,
      cells: { a: null, b: null, c: null, d: 12 },
    });
  });

  it('suppresses the total when nothing else can hide a cell, and everything when the total is small', () => {
    expect(suppressBreakdown({ a: 4, b: 0 }, 4, partition)).toEqual({ total: null, cells: { a: null, b: 0 } });
    expect(suppressBreakdown({ a: 1, b: 1 }, 2, partition)).toEqual({ total: null, cells: { a: null, b: null } });
    expect(suppressBreakdown({ a: 3, b: 0 }, 3, partition)).toEqual({ total: null, cells: { a: null, b: 0 } });
    // Both cells suppressed, 3 and 4 summing to 7 (3+4 or 4+3): the total can stay.
    expect(suppressBreakdown({ a: 3, b: 4, c: 0 }, 7, partition)).toEqual({ total: 7, cells: { a: null, b: null, c: 0 } });
    expect(suppressBreakdown({}, 0, partition)).toEqual({ total: 0, cells: {} });
  });

  it('suppresses the cells named as hidden elsewhere, with secondary suppression around them', () => {
    expect(suppressBreakdown({ a: 6, b: 9, c: 20 }, 35, { partition: true, alsoHidden: ['a'] })).toEqual({
      total: 35,
      cells: { a: null, b: null, c: 20 },
    });
  });

  it('applies only primary suppression to overlapping cells, which cannot be recovered from a total', () => {
    expect(suppressBreakdown({ orchestra: 3, choir: 12, band: 7 }, 15, { partition: false })).toEqual({
      total: 15,
      cells: { orchestra: null, choir: 12, band: 7 },
    });
  });

  it('gives shares in per cent to one decimal, none for a suppressed count or total', () => {
    expect(percentOf(5, 15)).toBe(33.3);
    expect(percentOf(0, 15)).toBe(0);
    expect(percentOf(null, 15)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
    expect(percentOf(0, 0)).toBeNull();
  });
});
