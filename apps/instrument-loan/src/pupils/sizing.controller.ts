import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { IdParam } from '@tutti/platform';
import { ArmLengthDto, OutgrownPageDto, OutgrownQueryDto, PupilSizingDto } from './dto/sizing.dto';
import { SizingService } from './sizing.service';

@ApiTags('growing children')
@Controller()
export class SizingController {
  constructor(private readonly sizing: SizingService) {}

  @Get('pupils/:pupilId/sizing')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff', 'guardian')
  @ApiOperation({
    operationId: 'getPupilSizing',
    summary: 'Recommended string sizes for a child, by arm length where measured, else by age',
  })
  @ApiOkResponse({ type: PupilSizingDto })
  forPupil(@CurrentIdentity() identity: Identity, @IdParam('pupilId') pupilId: string): Promise<PupilSizingDto> {
    return this.sizing.forPupil(identity, pupilId);
  }

  @Put('pupils/:pupilId/arm-length')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ summary: 'Record a pupil’s arm length, for the instrument size they need' })
  @ApiOkResponse({ type: PupilSizingDto })
  recordArmLength(
    @CurrentIdentity() identity: Identity,
    @IdParam('pupilId') pupilId: string,
    @Body() body: ArmLengthDto,
  ): Promise<PupilSizingDto> {
    return this.sizing.recordArmLength(identity, pupilId, body);
  }

  @Get('outgrown-loans')
  @Access('programme_admin', 'headteacher', 'tutor', 'school_staff')
  @ApiOperation({ operationId: 'listOutgrownLoans', summary: 'Children whose instrument on loan is now too small' })
  @ApiOkResponse({ type: OutgrownPageDto })
  outgrown(@CurrentIdentity() identity: Identity, @Query() query: OutgrownQueryDto): Promise<OutgrownPageDto> {
    return this.sizing.outgrown(identity, query);
  }
}
