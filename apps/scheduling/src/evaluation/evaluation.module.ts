import { Module } from '@nestjs/common';
import { ProvisionModule } from '../provision/provision.module';
import { EvaluationController } from './evaluation.controller';
import { EvaluationService } from './evaluation.service';

@Module({ imports: [ProvisionModule], controllers: [EvaluationController], providers: [EvaluationService] })
export class EvaluationModule {}
