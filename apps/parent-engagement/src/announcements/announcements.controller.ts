import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdempotencyKey, IdParam } from '@tutti/platform';
import { MessagePreviewDto } from '../message-overrides/dto/message-override.dto';
import {
  AnnouncementDto,
  AnnouncementPageDto,
  AnnouncementQueryDto,
  CreateAnnouncementDto,
  PreviewAnnouncementDto,
} from './dto/announcement.dto';
import { AnnouncementsService } from './announcements.service';

const STAFF = ['programme_admin', 'headteacher', 'tutor', 'school_staff'] as const;

@ApiTags('announcements')
@Controller('announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Post()
  @HttpCode(201)
  @Access(...STAFF)
  @ApiOperation({
    summary:
      'Email an announcement to the families of a school, a class, an ensemble or a performance (delivery per family: queued, sent, failed)',
    description:
      'Body `{audience: "school", schoolId}`, `{audience: "class", classId}`, `{audience: "ensemble", ensembleId}` or `{audience: "performance", performanceId}`. ' +
      'A class or ensemble reaches the families of the pupils in it now (pupils who have left or moved class are not). ' +
      'A school, class or ensemble of a school not yours is 404; a cross-school ensemble reaches, from staff, its pupils at their own schools (404 if none), from the programme admin, all. ' +
      'A class or ensemble with no family using Tutti yet is 409 (`conflicts` says how many pupils it has), and nothing is sent.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AnnouncementDto })
  @ApiNotFoundResponse({ description: 'No such school, class, ensemble or performance among yours' })
  @ApiConflictResponse({ description: 'The class or ensemble has no family using Tutti yet' })
  create(
    @CurrentIdentity() identity: Identity,
    @Body() dto: CreateAnnouncementDto,
    @IdempotencyKey() key: string | undefined,
  ): Promise<AnnouncementDto> {
    return this.announcements.create(identity, dto, key);
  }

  @Post('preview')
  @HttpCode(200)
  @Access(...STAFF)
  @ApiOperation({
    operationId: 'previewAnnouncement',
    summary: 'See an announcement as a family of a language will get it: your words as written, the frame in their language',
    description:
      'The greeting, your signature line and the links under it come from the family catalogue of that language, with the area’s own wording first and English for what neither has; right to left for Arabic and Urdu. Nothing is sent or stored.',
  })
  @ApiOkResponse({ type: MessagePreviewDto })
  preview(@CurrentIdentity() identity: Identity, @Body() dto: PreviewAnnouncementDto): Promise<MessagePreviewDto> {
    return this.announcements.preview(identity, dto);
  }

  @Get()
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'Announcements sent to your family (guardian) or to your schools’ families (staff), newest first' })
  @ApiOkResponse({ type: AnnouncementPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: AnnouncementQueryDto): Promise<AnnouncementPageDto> {
    return this.announcements.list(identity, query);
  }

  @Post(':announcementId/read')
  @HttpCode(200)
  @Access('guardian')
  @ApiOperation({
    operationId: 'markAnnouncementRead',
    summary: 'Mark an announcement sent to your family as read (repeating it is harmless)',
  })
  @ApiOkResponse({ type: AnnouncementDto })
  markRead(@CurrentIdentity() identity: Identity, @IdParam('announcementId') announcementId: string): Promise<AnnouncementDto> {
    return this.announcements.markRead(identity, announcementId);
  }

  @Get(':announcementId')
  @Access('guardian', ...STAFF)
  @ApiOperation({ summary: 'One announcement, as you may see it' })
  @ApiOkResponse({ type: AnnouncementDto })
  get(@CurrentIdentity() identity: Identity, @IdParam('announcementId') announcementId: string): Promise<AnnouncementDto> {
    return this.announcements.get(identity, announcementId);
  }
}
