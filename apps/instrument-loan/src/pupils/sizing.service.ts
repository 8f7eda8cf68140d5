import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, encodeCursor, oneRow, rows } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { canActForPupilAsStaff, loanVisibility } from '../common/access';
import type { ArmLengthDto, OutgrownLoanDto, OutgrownPageDto, OutgrownQueryDto, PupilSizingDto } from './dto/sizing.dto';
import { ageFromYearGroup, isSizedType, recommendedSize, sizeRank } from './size-chart';

interface PupilSizingRecord {
  id: string;
  school_id: string;
  year_group: number;
  arm_length_mm: number | null;
}

const BATCH = 200;

@Injectable()
export class SizingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forPupil(identity: Identity, pupilId: string): Promise<PupilSizingDto> {
    const pupil = await this.visiblePupil(identity, pupilId);
    const age = ageFromYearGroup(pupil.year_group, new Date());
    return {
      pupilId,
      estimatedAge: Math.round(age * 10) / 10,
      armLengthMm: pupil.arm_length_mm,
      recommendations: (['violin', 'viola', 'cello', 'double_bass'] as const).map((type) => {
        const recommendation = recommendedSize(type, age, pupil.arm_length_mm);
        return { type, recommendedSize: recommendation.size, basis: recommendation.basis };
      }),
    };
  }

  async recordArmLength(identity: Identity, pupilId: string, input: ArmLengthDto): Promise<PupilSizingDto> {
    const pupil = await this.visiblePupil(identity, pupilId);
    if (!canActForPupilAsStaff(identity, pupil.school_id)) throw new NotFoundException('No such pupil.');
    await this.dataSource.query('UPDATE pupils SET arm_length_mm = $3, arm_measured_on = $4 WHERE tenant_id = $1 AND id = $2', [identity.tenantId, pupilId, input.armLengthMm, input.measuredOn]);
    return this.forPupil(identity, pupilId);
  }

  /** Active loans of string instruments now smaller than the child's recommended size. */
  async outgrown(identity: Identity, query: OutgrownQueryDto): Promise<OutgrownPageDto> {
    const visibility = loanVisibility(identity);
    let after = (decodeCursor(query.cursor, ['uuid'])?.[0] as string | undefined) ?? null;
    const now = new Date();
    const found: OutgrownLoanDto[] = [];
    for (;;) {
      const batch = await rows<{ loan_id: string; pupil_id: string; school_id: string; instrument_id: string; asset_tag: string; type: string; size: string; year_group: number; arm_length_mm: number | null }>(
        this.dataSource,
        `SELECT l.id AS loan_id, l.pupil_id, l.school_id, i.id AS instrument_id, i.asset_tag, i.type, i.size, p.year_group, p.arm_length_mm
           FROM loans l
           JOIN instruments i ON i.tenant_id = l.tenant_id AND i.id = l.instrument_id
           JOIN pupils p ON p.tenant_id = l.tenant_id AND p.id = l.pupil_id
          WHERE l.tenant_id = $1 AND l.returned_at IS NULL AND i.size IS NOT NULL
            AND ($2::boolean OR l.school_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR l.school_id = $4) AND ($5::uuid IS NULL OR l.id > $5)
          ORDER BY l.id LIMIT ${BATCH}`,
        [identity.tenantId, visibility.allSchools, visibility.schoolIds, query.schoolId ?? null, after],
      );
      for (const row of batch) {
        if (!isSizedType(row.type)) continue;
        const recommendation = recommendedSize(row.type, ageFromYearGroup(row.year_group, now), row.arm_length_mm);
        if (sizeRank(row.size) >= sizeRank(recommendation.size)) continue;
        found.push({ loanId: row.loan_id, pupilId: row.pupil_id, schoolId: row.school_id, instrumentId: row.instrument_id, assetTag: row.asset_tag, type: row.type, currentSize: row.size, recommendedSize: recommendation.size, basis: recommendation.basis });
        if (found.length > query.limit) break;
      }
      if (found.length > query.limit || batch.length < BATCH) break;
      after = batch[batch.length - 1].loan_id;
    }
    const items = found.slice(0, query.limit);
    return { items, nextCursor: found.length > query.limit ? encodeCursor([items[items.length - 1].loanId]) : null };
  }

  private async visiblePupil(identity: Identity, pupilId: string): Promise<PupilSizingRecord> {
    const pupil = await oneRow<PupilSizingRecord>(this.dataSource, 'SELECT id, school_id, year_group, arm_length_mm FROM pupils WHERE tenant_id = $1 AND id = $2', [identity.tenantId, pupilId]);
    const visibility = loanVisibility(identity);
    if (!pupil || !(canActForPupilAsStaff(identity, pupil.school_id) || visibility.pupilIds.includes(pupilId))) throw new NotFoundException('No such pupil.');
    return pupil;
  }
}
