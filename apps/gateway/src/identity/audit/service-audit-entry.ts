import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SERVICE_NAMES, type ServiceName } from '@tutti/contracts';

const NAME = /^[a-z_]{1,40}$/;

/**
 * An audit entry another service sends (as the payload of an event). `id` is the entry's own id, so
 * that an event delivered twice is recorded once.
 */
export class ServiceAuditEntry {
  @IsUUID()
  id: string;

  @IsUUID()
  tenantId: string;

  @IsIn(SERVICE_NAMES)
  service: ServiceName;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsOptional()
  @IsUUID()
  actorId: string | null;

  @IsOptional()
  @Matches(NAME)
  actorRole: string | null;

  @Matches(NAME)
  action: string;

  @Matches(NAME)
  subjectType: string;

  @IsOptional()
  @IsUUID()
  subjectId: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  ip: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  requestId: string | null;

  @IsOptional()
  @IsObject()
  @Type(() => Object)
  detail?: Record<string, unknown>;
}
