import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { decodeCursor, toPage } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { auditContext } from '../common/events';
import { requireSchoolInScope } from '../common/scope';
import { schoolExists } from '../schools/schools.queries';
import type { IncomingPupilPageDto, IncomingPupilsQueryDto } from './dto/incoming-pupil.dto';
import { incomingPupilsPage } from './incoming-pupils.queries';

@Injectable()
export class IncomingPupilsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The partner school's incoming pupils still in the programme; every pupil shown is an audited read. */
  async list(identity: Identity, schoolId: string, query: IncomingPupilsQueryDto, origin: AuditOrigin): Promise<IncomingPupilPageDto> {
    requireSchoolInScope(identity, schoolId, 'school', ['headteacher', 'school_staff']);
    // A school of the area that is not a partner has no incoming pupils to show (an empty list); one the area lacks is 404.
    if (!(await schoolExists(this.db.manager, identity.tenantId, schoolId))) throw new NotFoundException('No such school.');
    const after = decodeCursor(query.cursor, ['text', 'text', 'uuid']);
    const found = await incomingPupilsPage(this.db.manager, identity.tenantId, schoolId, after, query.limit + 1);
    const page = toPage(
      found,
      query.limit,
      (row) => row,
      (row) => [row.lastName, row.firstName, row.pupilId],
    );
    if (page.items.length > 0)
      await this.db.transaction((manager) =>
        recordAudit(
          manager,
          auditContext(identity, origin),
          page.items.map((pupil) => ({
            action: 'read' as const,
            subjectType: 'pupil' as const,
            subjectId: pupil.pupilId,
            detail: { withFlags: false, incomingTo: schoolId },
          })),
        ),
      );
    return page;
  }
}
