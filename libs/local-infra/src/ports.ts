import { createConnection, createServer, type AddressInfo } from 'node:net';
import { sleep } from './processes';

export const HOST = '127.0.0.1';

/** Something accepts TCP connections on 127.0.0.1:port. */
export function isPortOpen(port: number, host = HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const { port: bound } = server.address() as AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * `preferred` when nothing uses it, otherwise a port the OS reports free. A listener on 0.0.0.0 or
 * :: makes the bind fail on Linux; the connect probe also catches servers bound elsewhere.
 */
export async function findFreePort(preferred?: number): Promise<number> {
  if (preferred && !(await isPortOpen(preferred)) && (await tryListen(preferred)) === preferred) return preferred;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await tryListen(0);
    if (port && !(await isPortOpen(port))) return port;
  }
  throw new Error('could not find a free TCP port on 127.0.0.1');
}

export async function waitForPortClosed(port: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (await isPortOpen(port)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

export async function waitForPortOpen(port: number, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortOpen(port))) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
