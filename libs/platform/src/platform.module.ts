import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AccessGuard, AUTH_OPTIONS, importIdentityKey, type AuthOptions } from '@tutti/auth';
import { databaseConnectionsOf, endSessionPool, serviceDataSourceOptions, useSessionConnectionFor } from './database/data-source-options';
import { initializeWithRetry, runMigrationsOnSession } from './database/migrate';
import { ReadFromHeaderInterceptor } from './database/read-from';
import { ReportReader } from './database/report-reader';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { ServiceMetrics } from './metrics/service-metrics';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform-options';

/**
 * What every service has: validated config, its own database (migrated at start-up under a lock),
 * structured logs, /health, and deny-by-default access policies.
 */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const logger = new Logger('Database');
    // Direct, or through PgBouncer in transaction mode with a direct URL for session work: decided once (databaseConnectionsOf).
    const connections = databaseConnectionsOf(options.config);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        DiscoveryModule,
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              service: options.service,
              url: connections.url,
              entities: options.entities,
              migrations: options.migrations,
              poolSize: options.config.DB_POOL_SIZE,
              statements: connections.statements,
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            const log = (line: string) => logger.log(line);
            const dataSource = await initializeWithRetry(new DataSource(dataSourceOptions as DataSourceOptions), log);
            await runMigrationsOnSession(dataSource, connections, log);
            if (connections.pooled) {
              useSessionConnectionFor(dataSource, connections.sessionUrl);
              const destroy = dataSource.destroy.bind(dataSource);
              dataSource.destroy = async () => {
                await endSessionPool(dataSource);
                await destroy();
              };
            }
            return dataSource;
          },
        }),
      ],
      controllers: options.healthController === false ? [] : [HealthController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        {
          provide: AUTH_OPTIONS,
          useFactory: async (): Promise<AuthOptions> => ({
            audience: options.service,
            identityPublicKey: await importIdentityKey(options.config.IDENTITY_PUBLIC_KEY),
          }),
        },
        { provide: APP_GUARD, useClass: AccessGuard },
        {
          provide: ReportReader,
          inject: [getDataSourceToken()],
          useFactory: (primary: DataSource) =>
            new ReportReader({
              primary,
              replica: options.config.REPLICA_DATABASE_URL
                ? new DataSource(
                    serviceDataSourceOptions({
                      service: options.service,
                      url: options.config.REPLICA_DATABASE_URL,
                      entities: options.entities,
                      migrations: [], // the replica follows the primary's schema
                      poolSize: options.config.DB_POOL_SIZE,
                      applicationName: `tutti-${options.service}-reports`,
                      statements: connections.statements,
                    }),
                  )
                : undefined,
              maxLagMs: options.config.REPLICA_MAX_LAG_MS,
            }),
        },
        ReadFromHeaderInterceptor,
        HealthService,
        ServiceMetrics,
      ],
      exports: [PLATFORM_OPTIONS, AUTH_OPTIONS, HealthService, ServiceMetrics, ReportReader, ReadFromHeaderInterceptor],
    };
  }
}
