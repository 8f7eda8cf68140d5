import { Module, type DynamicModule } from '@nestjs/common';
import { eventQueueOf } from '@tutti/contracts';
import { MessagingModule } from '@tutti/messaging';
import { PlatformModule } from '@tutti/platform';
import { AnnualReturnModule } from './annual-return/annual-return.module';
import { AttendanceSummaryModule } from './attendance-summary/attendance-summary.module';
import { CharacteristicsModule } from './characteristics/characteristics.module';
import { ComparisonSchoolsModule } from './comparison-schools/comparison-schools.module';
import { DataRequestsModule } from './data-requests/data-requests.module';
import { ClassesModule } from './classes/classes.module';
import type { SchedulingConfig } from './config';
import { SCHEDULING_ENTITIES, SCHEDULING_MIGRATIONS } from './database';
import { EnsemblesModule } from './ensembles/ensembles.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { EvidenceCopiesModule } from './evidence-copies/evidence-copies.module';
import { ProgressionModule } from './progression/progression.module';
import { ProvisionModule } from './provision/provision.module';
import { IntensityModule } from './intensity/intensity.module';
import { ImportsModule } from './imports/imports.module';
import { IncomingPupilsModule } from './incoming-pupils/incoming-pupils.module';
import { LessonPlansModule } from './lesson-plans/lesson-plans.module';
import { PupilsModule } from './pupils/pupils.module';
import { RegisterModule } from './register/register.module';
import { RoomsModule } from './rooms/rooms.module';
import { SafeguardingModule } from './safeguarding/safeguarding.module';
import { SchoolsModule } from './schools/schools.module';
import { SessionsModule } from './sessions/sessions.module';
import { StaffModule } from './staff/staff.module';
import { TenantSettingsModule } from './tenant-settings/tenant-settings.module';
import { TermsModule } from './terms/terms.module';

@Module({})
export class AppModule {
  static register(config: SchedulingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'scheduling',
          config,
          entities: SCHEDULING_ENTITIES,
          migrations: SCHEDULING_MIGRATIONS,
          queues: [eventQueueOf('scheduling')],
        }),
        MessagingModule.forService({
          service: 'scheduling',
          redis: config.redisConnection,
          queuePrefix: config.QUEUE_PREFIX,
          runWorkers: config.runsWorkers,
        }),
        TenantSettingsModule,
        SchoolsModule,
        ClassesModule,
        PupilsModule,
        CharacteristicsModule,
        StaffModule,
        RoomsModule,
        EnsemblesModule,
        TermsModule,
        SessionsModule,
        RegisterModule,
        ProvisionModule,
        IntensityModule,
        AttendanceSummaryModule,
        ImportsModule,
        ProgressionModule,
        LessonPlansModule,
        EvaluationModule,
        ComparisonSchoolsModule,
        AnnualReturnModule,
        EvidenceCopiesModule,
        IncomingPupilsModule,
        SafeguardingModule,
        DataRequestsModule,
      ],
    };
  }
}
