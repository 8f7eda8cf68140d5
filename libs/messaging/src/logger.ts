import { Logger } from '@nestjs/common';

/** What the messaging classes log through; Nest's `Logger` satisfies it, so does a test's silent stub. */
export interface MessagingLogger {
  debug(message: string): void;
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function defaultLogger(context: string): MessagingLogger {
  return new Logger(context);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
