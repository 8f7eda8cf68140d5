import { leakedSecrets } from './run-access-matrix';

describe('leakedSecrets', () => {
  const pupilId = '01938f1e-0000-7000-8000-00000000a001';

  it('finds a secret anywhere in a body, whatever its case', () => {
    expect(leakedSecrets(JSON.stringify({ items: [{ pupilId, name: 'Zephyrine' }] }), [pupilId, 'zephyrine', 'Absent'])).toEqual([
      pupilId,
      'zephyrine',
    ]);
    expect(leakedSecrets(`BEGIN:VEVENT\nSUMMARY:ZEPHYRINE plays\nEND:VEVENT`, ['Zephyrine'])).toEqual(['Zephyrine']);
  });

  it('ignores the problem document’s instance, which only echoes the caller’s own URL', () => {
    const problem = { type: 'about:blank', status: 404, detail: 'No such pupil.', instance: `/pupils/${pupilId}` };
    expect(leakedSecrets(JSON.stringify(problem), [pupilId])).toEqual([]);
    expect(leakedSecrets(JSON.stringify({ ...problem, detail: `No such pupil ${pupilId}.` }), [pupilId])).toEqual([pupilId]);
  });
});
