import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { track } from './cleanup';
import { findFreePort, HOST, waitForPortClosed } from './ports';
import { LocalInfraError, noLog, seconds, tailFile, type Log } from './processes';

export interface MailDevOptions {
  /** Mails (.eml) and the log live here; default: a temporary directory removed by stop(). */
  dir?: string;
  log?: Log;
  /** Exact ports: fail when taken. Default: free ports. */
  smtpPort?: number;
  webPort?: number;
  /** Ports to try first, falling back to free ones (dev: stable URLs). */
  preferredSmtpPort?: number;
  preferredWebPort?: number;
}

export interface MailDevHandle {
  smtpHost: string;
  smtpPort: number;
  /** Web inbox, e.g. http://127.0.0.1:18080/ */
  webUrl: string;
  /** REST API base: GET `${apiUrl}/email` lists the mails. */
  apiUrl: string;
  /** Idempotent. */
  stop(): Promise<void>;
}

class PortInUseError extends LocalInfraError {}

// MailDev keeps its state in module singletons and exits the process on SIGINT/SIGTERM, so it
// runs in its own node process. That process ends itself when our IPC channel closes, so it
// cannot outlive us even after a SIGKILL.
const BOOTSTRAP = `
const path = require('path');
const [maildevPath, configJson] = process.argv.slice(1);
const fail = (e) => process.send({ error: String((e && e.message) || e) }, () => process.exit(1));
process.on('uncaughtException', fail);
process.on('disconnect', () => process.exit(0));
const mailserver = require(maildevPath)(JSON.parse(configJson));
const web = require(path.join(path.dirname(maildevPath), 'lib', 'web'));
web.server.once('error', fail);
const webListening = web.server.listening ? Promise.resolve() : new Promise((r) => web.server.once('listening', r));
mailserver.listen().then(() => webListening).then(() => process.send({ ready: true }), fail);
`;

interface BootMessage {
  ready?: boolean;
  error?: string;
}

async function launch(dir: string, smtpPort: number, webPort: number): Promise<ChildProcess> {
  const maildevPath = require.resolve('maildev');
  const logFile = join(dir, 'maildev.log');
  const config = { smtp: smtpPort, web: webPort, ip: HOST, mailDirectory: join(dir, 'mail'), silent: true };
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const out = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, ['-e', BOOTSTRAP, maildevPath, JSON.stringify(config)], {
      stdio: ['ignore', out, out, 'ipc'],
      detached: true, // no terminal Ctrl-C: we stop it ourselves, in order
      env,
    });
  } finally {
    closeSync(out);
  }
  const failure = await new Promise<string | undefined>((done) => {
    const timer = setTimeout(() => done('no answer within 30 s'), 30_000);
    child.once('message', (raw) => {
      const message = raw as BootMessage;
      clearTimeout(timer);
      done(message.ready ? undefined : (message.error ?? 'unknown error'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(`exited with code ${code}: ${tailFile(logFile, 1)}`);
    });
  });
  if (failure) {
    child.kill('SIGKILL');
    if (/EADDRINUSE/.test(failure)) {
      const port = /:(\d+)\s*$/.exec(failure)?.[1] ?? `${smtpPort} or ${webPort}`;
      throw new PortInUseError(`MailDev could not listen on ${HOST}:${port}: the port is in use; free it or let it pick another`);
    }
    throw new LocalInfraError(`MailDev failed to start: ${failure} (log: ${logFile})`);
  }
  child.unref();
  child.channel?.unref();
  return child;
}

/** Local SMTP server whose mails are readable in a web inbox and through a REST API. */
export async function startMailDev(options: MailDevOptions = {}): Promise<MailDevHandle> {
  const log = options.log ?? noLog;
  const temporary = !options.dir;
  const dir = options.dir ? resolve(options.dir) : mkdtempSync(join(tmpdir(), 'tutti-maildev-'));
  mkdirSync(join(dir, 'mail'), { recursive: true });
  const started = Date.now();
  let child: ChildProcess | undefined;
  let smtpPort = 0;
  let webPort = 0;
  for (let attempt = 1; !child; attempt++) {
    smtpPort = options.smtpPort ?? (await findFreePort(attempt === 1 ? options.preferredSmtpPort : undefined));
    webPort = options.webPort ?? (await findFreePort(attempt === 1 ? options.preferredWebPort : undefined));
    if (webPort === smtpPort) continue;
    const busy = [
      [options.preferredSmtpPort, smtpPort],
      [options.preferredWebPort, webPort],
    ].filter(([preferred, actual]) => attempt === 1 && preferred && preferred !== actual);
    if (busy.length > 0) log(`port ${busy.map(([p]) => p).join(' and ')} busy; MailDev uses ${busy.map(([, a]) => a).join(' and ')}`);
    log(`starting MailDev: SMTP on ${HOST}:${smtpPort}, web on ${HOST}:${webPort} …`);
    try {
      child = await launch(dir, smtpPort, webPort);
    } catch (error) {
      // A free port can be taken between the probe and the bind: retry only ports we picked.
      const picked = options.smtpPort === undefined && options.webPort === undefined;
      if (!(error instanceof PortInUseError) || !picked || attempt === 3) throw error;
    }
  }
  log(`MailDev ready in ${seconds(started)}`);
  const server = child;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      untrack();
      const t = Date.now();
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise<void>((done) => server.once('exit', () => done()));
        server.kill('SIGTERM');
        const killer = setTimeout(() => server.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      await Promise.all([waitForPortClosed(smtpPort), waitForPortClosed(webPort)]);
      if (temporary) rmSync(dir, { recursive: true, force: true });
      log(`MailDev stopped in ${seconds(t)}`);
    })());
  const untrack = track({ name: 'MailDev', stop, stopSync: () => void server.kill('SIGTERM') });
  const webUrl = `http://${HOST}:${webPort}`;
  return { smtpHost: HOST, smtpPort, webUrl: `${webUrl}/`, apiUrl: webUrl, stop };
}
