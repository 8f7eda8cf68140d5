import { Module } from '@nestjs/common';
import { EvidenceCopiesHandlers } from './evidence-copies.handlers';

@Module({ providers: [EvidenceCopiesHandlers] })
export class EvidenceCopiesModule {}
