import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { etagOf, IdempotencyKey, IdParam, IfMatchVersion, PageQueryDto } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { viewerOf } from '../performances/viewer';
import { CreateVenueDto, UpdateVenueDto, VenueDto, VenuePageDto } from './dto/venue.dto';
import { VenuesService } from './venues.service';

@ApiTags('venues')
@Controller('venues')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The area’s venues and the halls of your schools (every school’s for the programme admin), by name' })
  @ApiOkResponse({ type: VenuePageDto })
  list(@CurrentIdentity() identity: Identity, @Query() page: PageQueryDto): Promise<VenuePageDto> {
    return this.venues.list(viewerOf(identity), page);
  }

  @Get(':venueId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One venue, as the list shows them: another school’s hall is 404 (ETag for editing)' })
  @ApiOkResponse({ type: VenueDto })
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('venueId') venueId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VenueDto> {
    const venue = await this.venues.get(viewerOf(identity), venueId);
    void reply.header('etag', etagOf(venue.version));
    return venue;
  }

  @Post()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Add a venue (a headteacher: their own school’s hall)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: VenueDto })
  async create(
    @CurrentIdentity() identity: Identity,
    @Body() body: CreateVenueDto,
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VenueDto> {
    const venue = await this.venues.create(identity.tenantId, viewerOf(identity), body, identity.userId, key);
    void reply.header('etag', etagOf(venue.version));
    return venue;
  }

  @Patch(':venueId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Edit a venue (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOkResponse({ type: VenueDto })
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('venueId') venueId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateVenueDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VenueDto> {
    const venue = await this.venues.update(identity.tenantId, viewerOf(identity), venueId, version, body);
    void reply.header('etag', etagOf(venue.version));
    return venue;
  }

  @Delete(':venueId')
  @HttpCode(204)
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Remove a venue no performance uses (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiNoContentResponse()
  remove(@CurrentIdentity() identity: Identity, @IdParam('venueId') venueId: string, @IfMatchVersion() version: number): Promise<void> {
    return this.venues.remove(identity.tenantId, viewerOf(identity), venueId, version);
  }
}
