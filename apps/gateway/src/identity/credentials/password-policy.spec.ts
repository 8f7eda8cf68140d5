import { checkPassword, type PasswordContext } from './password-policy';

const maria: PasswordContext = { email: 'maria.kowalska@example.org', displayName: 'Maria Kowalska', areaName: 'In Harmony Liverpool' };
const rulesBroken = (password: string, context = maria) => checkPassword(password, context).map((refusal) => refusal.rule);

describe('password policy', () => {
  it.each([
    ['correct horse battery staple'],
    ['violet harbour lantern'],
    ['play-together-2026'],
    ['Cellos at dawn, 7 of them'],
    ['zbq8#Lm2!pWx'],
    ['ŻółtaŁódźPływa po Wiśle'],
  ])('accepts %j (long, uncommon, not personal; no composition rules)', (password) => {
    expect(rulesBroken(password)).toEqual([]);
  });

  it('refuses fewer than 10 and more than 128 characters', () => {
    expect(rulesBroken('short1!')).toEqual(['minLength']);
    expect(rulesBroken('ęęęęęęęęę')).toEqual(['minLength']); // 9 characters, however many bytes
    expect(rulesBroken('a b c d e f g h '.repeat(9))).toEqual(['maxLength']);
  });

  it.each([
    ['password123'],
    ['Password2024!'],
    ['P@ssw0rd2024'],
    ['qwertyuiop'],
    ['iloveyou123'],
    ['football1234'],
    ['liverpool1234'],
    ['1q2w3e4r5t'],
  ])('refuses the common password %j, with its usual decorations', (password) => {
    expect(rulesBroken(password)).toContain('commonPassword');
  });

  it('refuses passwords built from the person’s email, name, area or the service', () => {
    expect(rulesBroken('maria.kowalska1')).toContain('personalPassword');
    expect(rulesBroken('Kowalska-2026!!')).toContain('personalPassword');
    expect(rulesBroken('liverpool-2026!')).toContain('personalPassword');
    expect(rulesBroken('tutti-tutti-2026')).toContain('personalPassword');
    expect(rulesBroken('InHarmony2026')).toContain('personalPassword');
    expect(rulesBroken('tutti password')).toContain('personalPassword');
    // A long phrase that merely mentions the area is fine.
    expect(rulesBroken('liverpool ferry at midnight')).toEqual([]);
  });

  it('refuses repeated characters and patterns', () => {
    expect(rulesBroken('aaaaaaaaaaaa')).toContain('repetitive');
    expect(rulesBroken('abababababab')).toContain('repetitive');
    expect(rulesBroken('xyzxyzxyzxyz')).toContain('repetitive');
  });

  it('refuses runs of letters, digits and keys', () => {
    expect(rulesBroken('abcdefghijkl')).toContain('sequence');
    expect(rulesBroken('9876543210')).toContain('sequence');
    expect(rulesBroken('7890123456')).toContain('sequence');
    expect(rulesBroken('asdfghjkl;')).toContain('sequence');
    expect(rulesBroken('zaq1xsw2cde3')).toContain('sequence');
  });
});
