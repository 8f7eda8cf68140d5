import { Body, Controller, Get, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { etagOf, IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { viewerOf } from '../performances/viewer';
import { ReplaceRunningOrderDto, RunningOrderDto } from './dto/running-order.dto';
import { RunningOrderService } from './running-order.service';

@ApiTags('running order')
@Controller('performances/:performanceId/running-order')
export class RunningOrderController {
  constructor(private readonly runningOrder: RunningOrderService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({ summary: 'The running order, its length and the slot (ETag for replacing)' })
  @ApiOkResponse({ type: RunningOrderDto })
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RunningOrderDto> {
    const order = await this.runningOrder.get(viewerOf(identity), performanceId);
    void reply.header('etag', etagOf(order.version));
    return order;
  }

  @Put()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Replace the running order (add, edit, remove, reorder); 409 when longer than the slot (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: RunningOrderDto })
  async replace(
    @CurrentIdentity() identity: Identity,
    @IdParam('performanceId') performanceId: string,
    @IfMatchVersion() version: number,
    @Body() body: ReplaceRunningOrderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RunningOrderDto> {
    const order = await this.runningOrder.replace(viewerOf(identity), performanceId, version, body);
    void reply.header('etag', etagOf(order.version));
    return order;
  }
}
