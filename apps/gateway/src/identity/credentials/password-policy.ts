import COMMON_PASSWORDS from './common-passwords.json';

/**
 * The password policy, after the NCSC's guidance: long passphrases welcome, no composition rules
 * (no "one capital, one digit, one symbol"), no expiry, but a deny-list of the passwords attackers
 * try first and of passwords built from what an attacker knows about the person.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Who the password is for: it must not be made of these. */
export interface PasswordContext {
  email: string;
  displayName: string;
  areaName?: string;
}

export interface PasswordRefusal {
  rule: 'minLength' | 'maxLength' | 'commonPassword' | 'personalPassword' | 'repetitive' | 'sequence';
  message: string;
}

const DENIED = new Set<string>(COMMON_PASSWORDS as string[]);
const SERVICE_WORDS = ['tutti', 'inharmony', 'elsistema'];
/** What is left once the person's own words are taken out must be at least this long. */
const MIN_REMAINDER = 6;

const KEYBOARD_RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'q1w2e3r4t5y6u7i8o9p0',
  '1q2w3e4r5t6y7u8i9o0p',
  'zaq1xsw2cde3vfr4bgt5nhy6mju7',
  'qazwsxedcrfvtgbyhnujmikolp',
];
const SEQUENCES = KEYBOARD_RUNS.flatMap((run) => [run, [...run].reverse().join('')]);

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '8': 'b',
  '9': 'g',
};

/** Every rule the password breaks; an empty list means it is accepted. */
export function checkPassword(password: string, context: PasswordContext): PasswordRefusal[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return [
      {
        rule: 'minLength',
        message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long; three or four unrelated words make a strong one`,
      },
    ];
  }
  if (length > PASSWORD_MAX_LENGTH)
    return [{ rule: 'maxLength', message: `password must be at most ${PASSWORD_MAX_LENGTH} characters long` }];

  const refusals: PasswordRefusal[] = [];
  const forms = passwordForms(password);
  if (forms.some((form) => DENIED.has(form))) {
    refusals.push({
      rule: 'commonPassword',
      message: 'password is one of the passwords most often used (and guessed); choose something less common',
    });
  }
  if (isBuiltFromPersonalWords(forms, context)) {
    refusals.push({
      rule: 'personalPassword',
      message: 'password must not be built from your email address, your name, your area or the name of this service',
    });
  }
  if (isRepetitive(forms[0]))
    refusals.push({ rule: 'repetitive', message: 'password must not be one character or a short pattern repeated' });
  if (forms.some((form) => form.length >= 6 && SEQUENCES.some((sequence) => sequence.includes(form)))) {
    refusals.push({ rule: 'sequence', message: 'password must not be a run of letters, digits or keys such as abcdef, 123456 or qwerty' });
  }
  return refusals;
}

/**
 * The shapes in which a password is compared: letters and digits only, lower-cased; without the
 * digits and symbols people add at either end ("Password2024!" → "password"); with look-alike
 * characters read as letters ("P@ssw0rd" → "password").
 */
function passwordForms(password: string): string[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const compact = lettersAndDigits(lower);
  const core = lower.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  const coreCompact = lettersAndDigits(core);
  const leetCore = lettersAndDigits([...core].map((char) => LEET[char] ?? char).join(''));
  const leetAll = lettersAndDigits([...lower].map((char) => LEET[char] ?? char).join(''));
  return [...new Set([compact, coreCompact, leetCore, leetAll].filter((form) => form.length > 0))];
}

function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

function isBuiltFromPersonalWords(forms: string[], context: PasswordContext): boolean {
  const words = personalWords(context);
  return forms.some((form) => {
    let rest = form;
    for (const word of words) rest = rest.split(word).join('');
    if (rest === form) return false;
    const restWithoutDigits = rest.replace(/\p{N}/gu, '');
    return restWithoutDigits.length < MIN_REMAINDER || DENIED.has(rest) || DENIED.has(restWithoutDigits);
  });
}

/** Longest first, so that "whitfield" goes before "whit". */
function personalWords(context: PasswordContext): string[] {
  const email = context.email.normalize('NFKC').toLowerCase();
  const [local = '', domain = ''] = email.split('@');
  const candidates = [
    email,
    local,
    ...local.split(/[._+-]+/),
    ...domain.split('.').slice(0, -1),
    context.displayName,
    ...context.displayName.split(/\s+/),
    context.areaName ?? '',
    ...(context.areaName ?? '').split(/\s+/),
    ...SERVICE_WORDS,
  ];
  const words = candidates.map((word) => lettersAndDigits(word.normalize('NFKC').toLowerCase())).filter((word) => word.length >= 3);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** One character or a short unit over and over ("aaaaaaaaaa", "abcabcabcabc", "iloveyouiloveyou"). */
function isRepetitive(compact: string): boolean {
  if (new Set(compact).size < 4) return true;
  const repeated = /^(.+?)\1+$/u.exec(compact);
  if (!repeated) return false;
  const unit = repeated[1];
  return [...unit].length < PASSWORD_MIN_LENGTH || DENIED.has(unit);
}
