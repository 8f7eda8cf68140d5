import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam, IfMatchVersion } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { ApiEditWithIfMatch, ApiOkWithETag, withETag } from '../common/edit-versions';
import { ClassesService } from './classes.service';
import { ClassDto, ClassListQueryDto, ClassPageDto, CreateClassDto, UpdateClassDto } from './dto/class.dto';

@ApiTags('classes')
@Controller('classes')
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Add a class to a school' })
  @ApiCreatedResponse({ type: ClassDto })
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateClassDto): Promise<ClassDto> {
    return this.classes.create(identity, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'The classes of the schools you may see' })
  @ApiOkResponse({ type: ClassPageDto })
  list(@CurrentIdentity() identity: Identity, @Query() query: ClassListQueryDto): Promise<ClassPageDto> {
    return this.classes.list(identity, query);
  }

  @Get(':classId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'One class (ETag for editing)' })
  @ApiOkWithETag(ClassDto)
  async get(
    @CurrentIdentity() identity: Identity,
    @IdParam('classId') classId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClassDto> {
    return withETag(reply, await this.classes.get(identity, classId));
  }

  @Patch(':classId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ summary: 'Edit a class (If-Match required)' })
  @ApiEditWithIfMatch('class', ClassDto)
  async update(
    @CurrentIdentity() identity: Identity,
    @IdParam('classId') classId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateClassDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClassDto> {
    return withETag(reply, await this.classes.update(identity, classId, version, body));
  }
}
