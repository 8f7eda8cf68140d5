import type { Notification, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { sessionPoolOf } from '@tutti/platform';
import { describeError, type MessagingLogger } from '../logger';

/**
 * LISTENs on the outbox channel so that a commit wakes the relay at once. Best effort: polling
 * delivers everything on its own, so if listening fails the relay just waits for its next poll,
 * and `ensureListening()` tries again on the next tick.
 */
export class OutboxWakeListener {
  private client: PoolClient | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly onWake: () => void,
    private readonly logger: MessagingLogger,
  ) {}

  async ensureListening(): Promise<void> {
    if (this.client) return;
    // A LISTEN keeps its session: a direct connection when the service's pool goes through PgBouncer (databaseConnectionsOf).
    const pool = sessionPoolOf(this.dataSource);
    if (!pool) return;
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      const listening = client;
      listening.on('notification', (notification: Notification) => {
        if (notification.channel === this.channel) this.onWake();
      });
      listening.on('error', (error: Error) => this.drop(listening, error));
      await listening.query(`LISTEN ${this.dataSource.driver.escape(this.channel)}`);
      this.client = listening;
    } catch (error: unknown) {
      this.logger.debug(`Not listening on ${this.channel} (polling instead): ${describeError(error)}`);
      if (client) this.drop(client, error);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    try {
      await client.query(`UNLISTEN ${this.dataSource.driver.escape(this.channel)}`);
      client.removeAllListeners('notification');
      client.release();
    } catch (error: unknown) {
      client.release(error instanceof Error ? error : true);
    }
  }

  private drop(client: PoolClient, error: unknown): void {
    if (this.client === client) this.client = undefined;
    client.removeAllListeners('notification');
    try {
      client.release(error instanceof Error ? error : true);
    } catch {
      // Already released.
    }
  }
}
