import { Injectable } from '@nestjs/common';
import type { ProxiedService } from '../config';
import { reasonOf } from '../proxy/upstream-problem';
import { Upstreams } from '../upstreams/upstreams';

export const UPSTREAM_HEALTH_TIMEOUT_MS = 2_000;

/** A service's own /health report as the gateway saw it, or why it could not be seen. */
export interface ServiceHealth {
  status: 'ok' | 'error';
  error?: string;
  [detail: string]: unknown;
}

@Injectable()
export class UpstreamHealth {
  constructor(private readonly upstreams: Upstreams) {}

  async check(service: ProxiedService): Promise<ServiceHealth> {
    try {
      const response = await this.upstreams.pool(service).request({
        method: 'GET',
        path: '/health',
        headers: { accept: 'application/json' },
        headersTimeout: UPSTREAM_HEALTH_TIMEOUT_MS,
        bodyTimeout: UPSTREAM_HEALTH_TIMEOUT_MS,
        signal: AbortSignal.timeout(UPSTREAM_HEALTH_TIMEOUT_MS),
      });
      const report = await response.body.json().catch(() => undefined);
      const { status, ...details } = isRecord(report) ? report : {};
      if (response.statusCode === 200 && status === 'ok') return { status: 'ok', ...details };
      return {
        status: 'error',
        ...details,
        error: typeof details.error === 'string' ? details.error : `its /health answered ${response.statusCode}`,
      };
    } catch (error) {
      const reason = reasonOf(error);
      return {
        status: 'error',
        error: /time|TIMEOUT/.test(reason) ? `not answering within ${UPSTREAM_HEALTH_TIMEOUT_MS} ms` : `not answering (${reason})`,
      };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
