import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { IntensityLowWeekV1 } from '@tutti/contracts';
import { DeliversReminder, ReminderScheduler, type ReminderRow } from '@tutti/messaging';
import { addDays, PLANNING_TIME_ZONE, todayIn } from '@tutti/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { emit } from '../common/events';
import { tenantTimeZone, weeklyProvisionTarget } from '../tenant-settings/tenant-settings.queries';
import { classWeeklyMinutes, clearLowRuns, isTeachingWeek, knownAreas, recordLowRun, type ClassWeekRow } from './intensity.queries';

export const INTENSITY_CHECK_KIND = 'scheduling.intensity-check';
/** Low weeks in a row that make a warning. */
export const LOW_WEEKS_TO_WARN = 2;
/** How far back a run of low weeks is looked for (calendar weeks). */
const LOOKBACK_WEEKS = 20;
/** When the weekly check fires: Monday 05:00 UTC, before the school day, for the week just ended. */
const CHECK_AT_UTC_HOUR = 5;

/** The Monday of the week holding `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const isoDow = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addDays(day, 1 - isoDow);
}

/** The next weekly check after `now`: the coming Monday at 05:00 UTC (today, if it is Monday before then). */
export function nextIntensityCheckAt(now: Date): Date {
  const today = now.toISOString().slice(0, 10);
  const thisMonday = Date.parse(`${mondayOf(today)}T0${CHECK_AT_UTC_HOUR}:00:00Z`);
  return new Date(thisMonday > now.getTime() ? thisMonday : thisMonday + 7 * 86_400_000);
}

export interface IntensityCheckResult {
  /** The Monday of the week checked. */
  weekOf: string;
  /** False when the week was no teaching week (nothing decided). */
  teachingWeek: boolean;
  /** Classes whose run reached two low weeks with this check (their headteachers are told). */
  warned: string[];
  /** Classes whose open run this week ended. */
  cleared: number;
}

/**
 * Intensity as the headteachers mean it: a class whose pupils' average attended minutes are below
 * the area's weekly target two teaching weeks in a row (a holiday week neither breaks nor extends a
 * run) gets a warning: `scheduling.intensity.flagged` (the gateway mails the school's headteachers)
 * and a badge on the dashboard until a week back at or above the target. Once per class per run.
 * Only classes of schools with sessions in the weeks looked at are checked (a school outside the
 * programme's teaching is not warned about every week).
 */
export async function checkIntensityWeek(manager: EntityManager, tenantId: string, weekOf: string): Promise<IntensityCheckResult> {
  const monday = mondayOf(weekOf);
  const result: IntensityCheckResult = { weekOf: monday, teachingWeek: false, warned: [], cleared: 0 };
  const target = await weeklyProvisionTarget(manager, tenantId);
  if (target <= 0 || !(await isTeachingWeek(manager, tenantId, monday))) return result;
  result.teachingWeek = true;
  const weeks = await classWeeklyMinutes(manager, tenantId, addDays(monday, -7 * LOOKBACK_WEEKS), monday);
  const byClass = new Map<string, ClassWeekRow[]>();
  for (const row of weeks) byClass.set(row.classId, [...(byClass.get(row.classId) ?? []), row]);
  const backUp: string[] = [];
  for (const [classId, classWeeks] of byClass) {
    const last = classWeeks[classWeeks.length - 1];
    if (last.weekOf !== monday) continue; // no pupils on roll this week
    if (last.averageMinutes >= target) {
      backUp.push(classId);
      continue;
    }
    const run: ClassWeekRow[] = [];
    for (let i = classWeeks.length - 1; i >= 0 && classWeeks[i].averageMinutes < target; i--) run.unshift(classWeeks[i]);
    if (run.length < LOW_WEEKS_TO_WARN) continue;
    const isNew = await recordLowRun(manager, tenantId, { classId, sinceWeek: run[0].weekOf, lastLowWeek: monday, lowWeeks: run.length });
    if (!isNew) continue;
    result.warned.push(classId);
    await emit(manager, 'scheduling.intensity.flagged', tenantId, {
      version: 1,
      classId,
      className: last.className,
      schoolId: last.schoolId,
      schoolName: last.schoolName,
      sinceWeek: run[0].weekOf,
      targetWeeklyMinutes: target,
      lowWeeks: run.map((week): IntensityLowWeekV1 => ({ weekOf: week.weekOf, averageMinutes: week.averageMinutes })),
    });
  }
  result.cleared = await clearLowRuns(manager, tenantId, backUp, monday);
  return result;
}

/**
 * The weekly check of every area, scheduled as the project schedules delayed work: a reminder row
 * per area (one pending, held by a unique index) and its delayed job on scheduling's reminder
 * queue, re-queued by the sweeper if Redis lost it. It fires on Monday morning and checks the week
 * just ended (in the area's time zone), then writes the next week's.
 */
@Injectable()
export class IntensityCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('IntensityCheck');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ReminderScheduler) private readonly scheduler: ReminderScheduler,
  ) {}

  /** Every area gets its pending check (areas that have one keep it). */
  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleForEveryArea(new Date());
  }

  @DeliversReminder(INTENSITY_CHECK_KIND)
  async deliver(reminder: ReminderRow): Promise<void> {
    const timeZone = (await tenantTimeZone(this.dataSource.manager, reminder.tenantId)) ?? PLANNING_TIME_ZONE;
    const weekOf = addDays(mondayOf(todayIn(timeZone, reminder.dueAt)), -7);
    const result = await this.dataSource.transaction((manager) => checkIntensityWeek(manager, reminder.tenantId, weekOf));
    this.logger.log(`intensity of ${weekOf} checked for area ${reminder.tenantId}: ${result.warned.length} classes warned`);
    await this.scheduleForEveryArea(reminder.dueAt > new Date() ? reminder.dueAt : new Date());
  }

  /** Writes the next check for each area without a pending one. */
  async scheduleForEveryArea(after: Date): Promise<void> {
    const dueAt = nextIntensityCheckAt(after);
    const written = await this.dataSource.transaction(async (manager) => {
      const areas = await knownAreas(manager);
      return this.scheduler.scheduleMany(
        manager,
        areas.map(({ tenantId }) => ({
          tenantId,
          kind: INTENSITY_CHECK_KIND,
          recipientId: tenantId,
          subjectType: 'tenant',
          subjectId: tenantId,
          dueAt,
        })),
        { skipDuplicates: true },
      );
    });
    try {
      await this.scheduler.syncJobs({ staleJobIds: [], toEnqueue: [], newlyScheduled: written });
    } catch (error) {
      // The row is the truth: the sweeper queues it when it comes due.
      this.logger.warn(`weekly intensity checks written, their jobs not queued yet: ${(error as Error).message}`);
    }
  }
}
