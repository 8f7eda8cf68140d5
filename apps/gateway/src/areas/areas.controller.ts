import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@tutti/auth';
import { PageQueryDto } from '@tutti/platform';
import { AreaPageDto } from './area.dto';
import { AreasService } from './areas.service';

@ApiTags('areas')
@Controller('areas')
export class AreasController {
  constructor(private readonly areas: AreasService) {}

  @Get()
  @PublicRoute('the sign-in page lists programme areas; only their names and slugs are shown')
  @ApiOperation({ summary: 'Programme areas, by name, for the sign-in page' })
  @ApiOkResponse({ type: AreaPageDto })
  list(@Query() page: PageQueryDto): Promise<AreaPageDto> {
    return this.areas.list(page);
  }
}
