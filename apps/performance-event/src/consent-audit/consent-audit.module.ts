import { Module } from '@nestjs/common';
import { ConsentAuditController } from './consent-audit.controller';
import { ConsentAuditService } from './consent-audit.service';

/** The consent enforcement audit of a performance (issue 19). */
@Module({ controllers: [ConsentAuditController], providers: [ConsentAuditService] })
export class ConsentAuditModule {}
