import { existsSync } from 'node:fs';
import { aptInstall, usableAptGet } from './apt';
import { errorMessage, findExecutable, isExecutableFile, LocalInfraError, noLog, type Log } from './processes';

/** Either is enough for pages and printed PDFs to show families' names in their own letters. */
const TRUETYPE_FONTS = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
];

export const CHROMIUM_MISSING =
  'the browser specs need Chromium and a TrueType font: run `apt-get install chromium fonts-liberation` as root, or set CHROMIUM_PATH to a Chromium or Chrome executable';

function hasTrueTypeFont(): boolean {
  return TRUETYPE_FONTS.some((font) => existsSync(font));
}

function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CHROMIUM_PATH) return isExecutableFile(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return findExecutable('chromium', ['/usr/bin'], env.PATH ?? '');
}

let installing: Promise<string> | undefined;

/**
 * Chromium's path, with a TrueType font on the machine: as root on Debian, `chromium` and
 * `fonts-liberation` are installed with apt-get when missing. CHROMIUM_PATH names another browser
 * (never installed over). Throws one line saying what to install when it cannot.
 */
export function ensureChromium(log: Log = noLog, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const ready = (): boolean => findChromium(env) !== undefined && hasTrueTypeFont();
  if (ready()) return Promise.resolve(findChromium(env) as string);
  if (env.CHROMIUM_PATH && !findChromium(env)) {
    return Promise.reject(new LocalInfraError(`CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file; ${CHROMIUM_MISSING}`));
  }
  if (!usableAptGet(env.PATH)) return Promise.reject(new LocalInfraError(CHROMIUM_MISSING));
  const missing = [findChromium(env) ? undefined : 'chromium', hasTrueTypeFont() ? undefined : 'fonts-liberation'].filter(
    (name): name is string => name !== undefined,
  );
  log(`${missing.join(' and ')} not found: installing …`);
  return (installing ??= aptInstall(missing, ready, log)
    .then(() => findChromium(env) as string)
    .catch((error: unknown) => Promise.reject(new LocalInfraError(`${errorMessage(error)}; ${CHROMIUM_MISSING}`)))
    .finally(() => (installing = undefined)));
}
