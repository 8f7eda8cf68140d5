export { startLocalInfra, DEV_PORTS, type LocalInfra, type LocalInfraOptions, type LocalMail } from './local-infra';
export {
  startPostgres,
  startPostgresReplica,
  findPostgresBinaries,
  type PostgresBinaries,
  type PostgresHandle,
  type PostgresOptions,
  type PostgresReplicaOptions,
} from './postgres';
export {
  archiveCurrentSegment,
  noteTargetTime,
  takeBaseBackup,
  latestBaseBackupBefore,
  restoreToPointInTime,
  type BaseBackup,
  type BaseBackupOptions,
  type PointInTimeRestoreOptions,
} from './postgres-backup';
export { backupPaths } from './postgres-shared';
export { startPgBouncer, type PgBouncerHandle, type PgBouncerOptions } from './pgbouncer';
export { startRedis, ensureRedisServer, type RedisOptions, type RedisServerHandle } from './redis';
export { startRedisSentinel, type RedisSentinelHandle, type RedisSentinelOptions, type SentinelAddress } from './redis-sentinel';
export { startMailDev, type MailDevHandle, type MailDevOptions } from './mail';
export { findFreePort, isPortOpen } from './ports';
export { LocalInfraError } from './processes';
export { ensureChromium } from './chromium';
export { withFileLock } from './file-lock';
