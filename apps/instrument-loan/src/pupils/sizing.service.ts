import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@tutti/auth';
import { decodeCursor, encodeCursor } from '@tutti/platform';
import { DataSource } from 'typeorm';
import { canActForPupilAsStaff, loanVisibility } from '../common/access';
import type { ArmLengthDto, OutgrownLoanDto, OutgrownPageDto, OutgrownQueryDto, PupilSizingDto } from './dto/sizing.dto';
import { pupilSizing, saveArmLength, sizedLoans, type PupilSizingRecord } from './pupils.queries';
import { ageFromYearGroup, isSizedType, recommendedSize, sizeRank } from './size-chart';

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
    await saveArmLength(this.dataSource, identity.tenantId, pupilId, input.armLengthMm, input.measuredOn);
    return this.forPupil(identity, pupilId);
  }

  /** Active loans of string instruments now smaller than the child's recommended size. */
  async outgrown(identity: Identity, query: OutgrownQueryDto): Promise<OutgrownPageDto> {
    const visibility = loanVisibility(identity);
    let after = (decodeCursor(query.cursor, ['uuid'])?.[0] as string | undefined) ?? null;
    const now = new Date();
    const found: OutgrownLoanDto[] = [];
    for (;;) {
      const batch = await sizedLoans(this.dataSource, identity.tenantId, visibility, query.schoolId ?? null, after, BATCH);
      for (const row of batch) {
        if (!isSizedType(row.type)) continue;
        const recommendation = recommendedSize(row.type, ageFromYearGroup(row.year_group, now), row.arm_length_mm);
        if (sizeRank(row.size) >= sizeRank(recommendation.size)) continue;
        found.push({
          loanId: row.loan_id,
          pupilId: row.pupil_id,
          schoolId: row.school_id,
          instrumentId: row.instrument_id,
          assetTag: row.asset_tag,
          type: row.type,
          currentSize: row.size,
          recommendedSize: recommendation.size,
          basis: recommendation.basis,
        });
        if (found.length > query.limit) break;
      }
      if (found.length > query.limit || batch.length < BATCH) break;
      after = batch[batch.length - 1].loan_id;
    }
    const items = found.slice(0, query.limit);
    return { items, nextCursor: found.length > query.limit ? encodeCursor([items[items.length - 1].loanId]) : null };
  }

  private async visiblePupil(identity: Identity, pupilId: string): Promise<PupilSizingRecord> {
    const pupil = await pupilSizing(this.dataSource, identity.tenantId, pupilId);
    const visibility = loanVisibility(identity);
    if (!pupil || !(canActForPupilAsStaff(identity, pupil.school_id) || visibility.pupilIds.includes(pupilId)))
      throw new NotFoundException('No such pupil.');
    return pupil;
  }
}
