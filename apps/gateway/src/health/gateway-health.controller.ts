import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '@tutti/auth';
import { HEALTH_REPORT_SCHEMA, HealthService, type HealthReport } from '@tutti/platform';
import { UPSTREAMS, type ProxiedService } from '../config';
import { UpstreamHealth, type ServiceHealth } from './upstream-health';

export interface SystemHealthReport {
  status: 'ok' | 'error';
  services: { gateway: HealthReport } & Record<ProxiedService, ServiceHealth>;
}

const SYSTEM_HEALTH_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'services'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    services: {
      type: 'object',
      properties: { gateway: HEALTH_REPORT_SCHEMA },
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['ok', 'error'] }, error: { type: 'string' } },
        additionalProperties: true,
      },
    },
  },
};

@ApiTags('health')
@Controller('health')
export class GatewayHealthController {
  constructor(
    private readonly health: HealthService,
    private readonly upstreams: UpstreamHealth,
  ) {}

  @Get()
  @PublicRoute('load balancers and operators probe it; it names services and checks, no tenant data')
  @ApiOperation({ summary: 'The gateway’s own checks and every service’s /health, asked in parallel' })
  @ApiOkResponse({ description: 'The gateway and every service are healthy', schema: SYSTEM_HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'Something is not (the report says what)', schema: SYSTEM_HEALTH_SCHEMA })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<SystemHealthReport> {
    const [gateway, ...reports] = await Promise.all([this.health.check(), ...UPSTREAMS.map((service) => this.upstreams.check(service))]);
    const services = {
      gateway,
      ...Object.fromEntries(UPSTREAMS.map((service, i) => [service, reports[i]])),
    } as SystemHealthReport['services'];
    const status = Object.values(services).every((report) => report.status === 'ok') ? 'ok' : 'error';
    reply.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, services };
  }
}
