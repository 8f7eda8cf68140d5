import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { CreateStaffDto, StaffDto, StaffListQueryDto, StaffPageDto, UpdateStaffDto } from './dto/staff.dto';
import { StaffService } from './staff.service';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Post()
  @Access('programme_admin', 'headteacher')
  create(@CurrentIdentity() identity: Identity, @Body() body: CreateStaffDto): Promise<StaffDto> {
    return this.staff.create(identity, body);
  }

  @Get()
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  list(@CurrentIdentity() identity: Identity, @Query() query: StaffListQueryDto): Promise<StaffPageDto> {
    return this.staff.list(identity, query);
  }

  @Get('me')
  @Access('headteacher', 'tutor', 'school_staff')
  me(@CurrentIdentity() identity: Identity): Promise<StaffDto> {
    return this.staff.me(identity);
  }

  @Get(':staffId')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  get(@CurrentIdentity() identity: Identity, @IdParam('staffId') staffId: string): Promise<StaffDto> {
    return this.staff.get(identity, staffId);
  }

  @Patch(':staffId')
  @Access('programme_admin', 'headteacher')
  update(@CurrentIdentity() identity: Identity, @IdParam('staffId') staffId: string, @Body() body: UpdateStaffDto): Promise<StaffDto> {
    return this.staff.update(identity, staffId, body);
  }
}
