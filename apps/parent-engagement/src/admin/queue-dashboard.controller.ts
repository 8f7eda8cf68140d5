import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, PageQueryDto } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { QueueDashboardDto, RetriedReminderDto } from './dto/queue-dashboard.dto';
import { renderQueueDashboard } from './queue-dashboard.html';
import { QueueDashboardService } from './queue-dashboard.service';

@ApiTags('admin')
@Controller('admin')
export class QueueDashboardController {
  constructor(private readonly dashboard: QueueDashboardService) {}

  @Get('queues')
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'listReminderQueues',
    summary: "Jobs per state in this service's queues, and your tenant's failed reminders",
  })
  @ApiOkResponse({ type: QueueDashboardDto })
  queues(@CurrentIdentity() identity: Identity, @Query() page: PageQueryDto): Promise<QueueDashboardDto> {
    return this.dashboard.dashboard(identity.tenantId, page);
  }

  @Get('queues.html')
  @Access('programme_admin')
  @ApiOperation({ operationId: 'getReminderQueuesPage', summary: 'The same, as a page for the browser' })
  @ApiProduces('text/html')
  async page(@CurrentIdentity() identity: Identity, @Query() page: PageQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const html = renderQueueDashboard(await this.dashboard.dashboard(identity.tenantId, page));
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(html);
  }

  @Post('reminders/:reminderId/retry')
  @HttpCode(200)
  @Access('programme_admin')
  @ApiOperation({ operationId: 'retryReminder', summary: 'Put a failed reminder back on the schedule, due now' })
  @ApiOkResponse({ type: RetriedReminderDto })
  retry(@CurrentIdentity() identity: Identity, @IdParam('reminderId') reminderId: string): Promise<RetriedReminderDto> {
    return this.dashboard.retry(identity.tenantId, reminderId);
  }
}
