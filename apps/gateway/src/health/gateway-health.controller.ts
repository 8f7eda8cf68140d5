import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '@tutti/auth';
import { HealthService, type HealthReport } from '@tutti/platform';
import { UPSTREAMS, type ProxiedService } from '../config';
import { UpstreamHealth, type ServiceHealth } from './upstream-health';

export interface SystemHealthReport {
  status: 'ok' | 'error';
  services: { gateway: HealthReport } & Record<ProxiedService, ServiceHealth>;
}

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
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<SystemHealthReport> {
    const [gateway, ...reports] = await Promise.all([this.health.check(), ...UPSTREAMS.map((service) => this.upstreams.check(service))]);
    const services = { gateway, ...Object.fromEntries(UPSTREAMS.map((service, i) => [service, reports[i]])) } as SystemHealthReport['services'];
    const status = Object.values(services).every((report) => report.status === 'ok') ? 'ok' : 'error';
    reply.status(status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status, services };
  }
}
