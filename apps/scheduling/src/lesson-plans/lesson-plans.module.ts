import { Module } from '@nestjs/common';
import { LessonPlansController } from './lesson-plans.controller';
import { LessonPlansService } from './lesson-plans.service';

@Module({ controllers: [LessonPlansController], providers: [LessonPlansService] })
export class LessonPlansModule {}
