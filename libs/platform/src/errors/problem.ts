import { HttpException, HttpStatus } from '@nestjs/common';

/** One broken rule of one field, as listed in a 400 problem. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** RFC 9457 problem details, as every Tutti service answers errors. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  /** For 409s: what the request clashes with. */
  conflicts?: unknown[];
  [extension: string]: unknown;
}

/** Throw this for a problem with extensions (a 409's clashes, a 400's field errors). */
export class ProblemException extends HttpException {
  constructor(status: HttpStatus, detail: string, extensions: Partial<ProblemDetails> = {}) {
    super({ detail, ...extensions }, status);
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[]) {
    super(HttpStatus.BAD_REQUEST, describeFieldErrors(errors), { errors });
  }
}

export class ConflictProblem extends ProblemException {
  constructor(detail: string, conflicts: unknown[]) {
    super(HttpStatus.CONFLICT, detail, { conflicts });
  }
}

/** The detail line of a 400: the first few fields and what is wrong with each. */
export function describeFieldErrors(errors: FieldError[]): string {
  const shown = errors.slice(0, 3).map((error) => `${error.field}: ${error.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `The request has invalid fields. ${shown.join('; ')}${more}`;
}
