import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRoute } from '@tutti/auth';
import { HEALTH_REPORT_SCHEMA, HealthService, type HealthReport } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @PublicRoute('load balancers and the gateway probe it; it names no tenant data')
  @ApiOperation({ summary: 'This service’s own checks (database, queues): 200 when healthy, 503 when not' })
  @ApiOkResponse({ description: 'Every check passed', schema: HEALTH_REPORT_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'A check failed (the report says which)', schema: HEALTH_REPORT_SCHEMA })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    reply.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
