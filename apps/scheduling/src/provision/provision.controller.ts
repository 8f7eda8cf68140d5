import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ operationId: 'listSchoolProvision', summary: 'Provision intensity (minutes per pupil) of every school you may see' })
  @ApiOkResponse({ type: AreaProvisionDto })
  area(@CurrentIdentity() identity: Identity, @Query() query: ProvisionQueryDto): Promise<AreaProvisionDto> {
    return this.provision.area(identity, query);
  }

  @Get('schools/:schoolId')
  @Access('programme_admin', 'headteacher')
  @ApiOperation({ operationId: 'getSchoolProvision', summary: 'Provision intensity of one school, by class and ensemble' })
  @ApiOkResponse({ type: SchoolProvisionDto })
  school(
    @CurrentIdentity() identity: Identity,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ProvisionQueryDto,
  ): Promise<SchoolProvisionDto> {
    return this.provision.school(identity, schoolId, query);
  }
}
