import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { AreaProvisionDto, ProvisionQueryDto, SchoolProvisionDto } from './dto/provision.dto';
import { ProvisionService } from './provision.service';

@ApiTags('provision')
@Controller('provision')
export class ProvisionController {
  constructor(private readonly provision: ProvisionService) {}

  @Get('schools')
  @Access('programme_admin', 'headteacher')
  area(@CurrentIdentity() identity: Identity, @Query() query: ProvisionQueryDto): Promise<AreaProvisionDto> {
    return this.provision.area(identity, query);
  }

  @Get('schools/:schoolId')
  @Access('programme_admin', 'headteacher')
  school(@CurrentIdentity() identity: Identity, @IdParam('schoolId') schoolId: string, @Query() query: ProvisionQueryDto): Promise<SchoolProvisionDto> {
    return this.provision.school(identity, schoolId, query);
  }
}
