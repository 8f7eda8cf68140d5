import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { ClassesService } from './classes.service';
import { ClassDto, ClassListQueryDto, ClassPageDto, CreateClassDto, UpdateClassDto } from './dto/class.dto';

@ApiTags('classes')
@Controller('classes')
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateClassDto): Promise<ClassDto> {
    return this.classes.create(identity, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  list(@CurrentIdentity() identity: Identity, @Query() query: ClassListQueryDto): Promise<ClassPageDto> {
    return this.classes.list(identity, query);
  }

  @Get(':classId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  get(@CurrentIdentity() identity: Identity, @IdParam('classId') classId: string): Promise<ClassDto> {
    return this.classes.get(identity, classId);
  }

  @Patch(':classId')
  @Access('programme_admin', 'headteacher')
  update(@CurrentIdentity() identity: Identity, @IdParam('classId') classId: string, @Body() body: UpdateClassDto): Promise<ClassDto> {
    return this.classes.update(identity, classId, body);
  }
}
