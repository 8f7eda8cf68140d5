import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { recordAudit, type AuditOrigin } from '@tutti/messaging';
import { DataSource } from 'typeorm';
import { refusedEdit } from '../common/edit-versions';
import { auditContext } from '../common/events';
import { maySeePupilFlags } from '../common/scope';
import { characteristicsGiven } from './characteristics.model';
import { characteristicsOf, updateCharacteristics, type CharacteristicsRow } from './characteristics.queries';
import type { CharacteristicsChangeDto, CharacteristicsDto } from './dto/characteristics.dto';

/**
 * A pupil's characteristics, for the programme admin and the pupil's own headteacher only (anyone
 * else learns nothing, not even that the pupil exists: 404). Every read and change is audited.
 */
@Injectable()
export class CharacteristicsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(identity: Identity, pupilId: string, origin: AuditOrigin): Promise<CharacteristicsDto> {
    const found = await this.visible(identity, pupilId);
    await this.db.transaction((manager) =>
      recordAudit(manager, auditContext(identity, origin), {
        action: 'read',
        subjectType: 'pupil',
        subjectId: pupilId,
        detail: { characteristics: true },
      }),
    );
    return present(found);
  }

  async update(
    identity: Identity,
    pupilId: string,
    expectedVersion: number,
    input: CharacteristicsChangeDto,
    origin: AuditOrigin,
  ): Promise<CharacteristicsDto> {
    await this.visible(identity, pupilId);
    const changes = characteristicsGiven(input);
    return this.db.transaction(async (manager) => {
      const updated = await updateCharacteristics(manager, identity.tenantId, pupilId, expectedVersion, changes);
      if (!updated) throw await refusedEdit(manager, 'pupils', identity.tenantId, pupilId, 'pupil');
      await recordAudit(manager, auditContext(identity, origin), {
        action: 'update',
        subjectType: 'pupil',
        subjectId: pupilId,
        detail: { characteristics: Object.keys(changes) },
      });
      return present(updated);
    });
  }

  private async visible(identity: Identity, pupilId: string): Promise<CharacteristicsRow> {
    const found = await characteristicsOf(this.db.manager, identity.tenantId, pupilId);
    if (!found || !maySeePupilFlags(identity, found.schoolId)) throw new NotFoundException('No such pupil.');
    return found;
  }
}

function present(row: CharacteristicsRow): CharacteristicsDto {
  const { schoolId: _schoolId, ...characteristics } = row;
  return characteristics;
}
