import { Inject, Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { EVENT_SUBSCRIBERS, type EventType, type ServiceName } from '@tutti/contracts';
import type { EventHandler, EventHandlers } from '../consumer/event-handlers';
import type { ReminderDeliverer, ReminderDeliverers } from '../reminders/reminder-deliverer';
import { DELIVERS_REMINDER, HANDLES_EVENT } from './handles-event';

interface Found<K extends string, F> {
  key: K;
  owner: string;
  run: F;
}

/**
 * The service's event handlers and reminder deliverers, found on its providers' methods marked
 * @HandlesEvent / @DeliversReminder. Tests apply events through `handlers` as the consumer does.
 */
@Injectable()
export class MessagingHandlers {
  private found: { handlers: EventHandlers; deliverers: ReminderDeliverers } | undefined;

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  get handlers(): EventHandlers {
    return this.resolved().handlers;
  }

  get deliverers(): ReminderDeliverers {
    return this.resolved().deliverers;
  }

  /**
   * Finds the handlers once the app's providers exist, and throws naming every event the service
   * subscribes to with no handler, every event handled twice (and where) and every handler of an
   * event nobody subscribes the service to, and every reminder kind delivered twice.
   */
  discover(service: ServiceName): void {
    const events: Found<EventType, EventHandler<EventType>>[] = [];
    const reminders: Found<string, ReminderDeliverer['deliver']>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!wrapper.isDependencyTreeStatic() || typeof instance !== 'object' || instance === null) continue;
      const prototype: unknown = Object.getPrototypeOf(instance);
      if (typeof prototype !== 'object' || prototype === null) continue;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method: unknown = Reflect.get(prototype, name);
        if (typeof method !== 'function') continue;
        const owner = `${prototype.constructor.name}.${name}`;
        const run = method.bind(instance) as EventHandler<EventType> & ReminderDeliverer['deliver'];
        for (const key of this.reflector.get<EventType[] | undefined>(HANDLES_EVENT, method) ?? []) events.push({ key, owner, run });
        for (const key of this.reflector.get<string[] | undefined>(DELIVERS_REMINDER, method) ?? []) reminders.push({ key, owner, run });
      }
    }

    const subscribed = (Object.keys(EVENT_SUBSCRIBERS) as EventType[]).filter((type) => EVENT_SUBSCRIBERS[type].includes(service));
    const problems = [
      ...subscribed
        .filter((type) => !events.some((found) => found.key === type))
        .map((type) => `${service} subscribes to ${type} but no provider method is marked @HandlesEvent('${type}')`),
      ...events
        .filter((found) => !subscribed.includes(found.key))
        .map((found) => `${found.owner} handles ${found.key}, which nobody subscribes ${service} to (EVENT_SUBSCRIBERS)`),
      ...doubled(events).map(([type, owners]) => `Two handlers for event ${type}: ${owners.join(' and ')}`),
      ...doubled(reminders).map(([kind, owners]) => `Two deliverers for reminder kind ${kind}: ${owners.join(' and ')}`),
    ];
    if (problems.length > 0) throw new Error(`${service}'s messaging is not wired:\n- ${problems.join('\n- ')}`);

    this.found = {
      handlers: Object.fromEntries(events.map((found) => [found.key, found.run])) as EventHandlers,
      deliverers: Object.fromEntries(reminders.map((found) => [found.key, { deliver: found.run }])),
    };
  }

  private resolved(): { handlers: EventHandlers; deliverers: ReminderDeliverers } {
    if (!this.found) throw new Error('Messaging handlers are found when the app starts (app.init())');
    return this.found;
  }
}

function doubled<K extends string>(found: readonly Found<K, unknown>[]): [K, string[]][] {
  const owners = new Map<K, string[]>();
  for (const { key, owner } of found) owners.set(key, [...(owners.get(key) ?? []), owner]);
  return [...owners].filter(([, names]) => names.length > 1);
}
