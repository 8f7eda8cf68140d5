import { Module } from '@nestjs/common';
import { ComparisonSchoolsController } from './comparison-schools.controller';
import { ComparisonSchoolsService } from './comparison-schools.service';

@Module({ controllers: [ComparisonSchoolsController], providers: [ComparisonSchoolsService] })
export class ComparisonSchoolsModule {}
