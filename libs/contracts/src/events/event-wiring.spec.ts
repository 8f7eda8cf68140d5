import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { SERVICE_NAMES, type ServiceName } from '../services';
import type { EventCatalog } from './catalog';
import { EVENT_SUBSCRIBERS } from './subscriptions';

type EventType = keyof EventCatalog;

const ROOT = join(__dirname, '..', '..', '..', '..');
const EVENT_TYPES = Object.keys(EVENT_SUBSCRIBERS) as EventType[];
/** Publishing code every service runs (recordAudit publishes audit.entry.recorded for the service that calls it). */
const SHARED_PUBLISHERS = 'libs/messaging/src';

/** What a piece of source does with each event type it names. */
export interface EventUse {
  /** Named as a value: passed to publishEvent or a service's emit wrapper, or as `type:` of an event. */
  published: Set<string>;
  /** Named in a method's @HandlesEvent decorator (the only way a service handles an event). */
  handled: Set<string>;
}

/** An argument of a method's `@HandlesEvent('…', …)` decorator. */
function isHandlesEventArgument(node: ts.StringLiteral): boolean {
  const call = node.parent;
  return (
    ts.isCallExpression(call) &&
    call.arguments.includes(node) &&
    ts.isIdentifier(call.expression) &&
    call.expression.text === 'HandlesEvent' &&
    ts.isDecorator(call.parent)
  );
}

/**
 * Reads TypeScript source without running it: a string literal that is an event type counts as
 * handled when it is an argument of a @HandlesEvent decorator, as published when it is any other
 * value, and not at all as an object literal's key (counts per event type; a handler map, which
 * the wiring no longer reads, is not a handler) or in a type (`EventEnvelope<'identity.tenant.updated'>`).
 * Specs and test kits are left out.
 */
export function eventUsesOf(sources: { path: string; text: string }[], types: readonly string[]): EventUse {
  const known = new Set(types);
  const use: EventUse = { published: new Set(), handled: new Set() };
  for (const source of sources) {
    const file = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, inType: boolean): void => {
      if (ts.isStringLiteral(node) && known.has(node.text) && !inType) {
        const parent = node.parent;
        if (isHandlesEventArgument(node)) {
          use.handled.add(node.text);
        } else if (ts.isPropertyAssignment(parent) && parent.name === node) {
          // A key names the event; what the object is for decides nothing here.
        } else if (!ts.isImportDeclaration(parent) && !ts.isExportDeclaration(parent)) use.published.add(node.text);
      }
      ts.forEachChild(node, (child) => visit(child, inType || ts.isTypeNode(child)));
    };
    visit(file, false);
  }
  return use;
}

function sourcesUnder(directory: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, directory), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.split(/[\\/]/).includes('testing'))
    .map((path) => ({ path, text: readFileSync(join(ROOT, directory, path), 'utf8') }));
}

/**
 * Every event in the catalogue is wired end to end: it has a producer when anyone subscribes to
 * it, and every subscriber has a handler for it (and no service handles an event it does not
 * receive). Read from the services' source, so a TODO where a publish should be fails here.
 */
describe('the event catalogue’s wiring', () => {
  const uses = new Map<ServiceName, EventUse>(
    SERVICE_NAMES.map((service) => [service, eventUsesOf(sourcesUnder(`apps/${service}/src`), EVENT_TYPES)]),
  );
  const shared = eventUsesOf(sourcesUnder(SHARED_PUBLISHERS), EVENT_TYPES);
  const producersOf = (type: EventType) => [
    ...SERVICE_NAMES.filter((service) => uses.get(service)?.published.has(type)),
    ...(shared.published.has(type) ? [SHARED_PUBLISHERS] : []),
  ];

  it('has a producer for every event someone subscribes to', () => {
    const unproduced = EVENT_TYPES.filter((type) => EVENT_SUBSCRIBERS[type].length > 0 && producersOf(type).length === 0);
    expect(unproduced).toEqual([]);
  });

  it('has a handler in every subscriber of every event', () => {
    const unhandled = EVENT_TYPES.flatMap((type) =>
      EVENT_SUBSCRIBERS[type].filter((service) => !uses.get(service)?.handled.has(type)).map((service) => `${type} → ${service}`),
    );
    expect(unhandled).toEqual([]);
  });

  it('has no handler for an event its service is not subscribed to', () => {
    const stray = SERVICE_NAMES.flatMap((service) =>
      [...(uses.get(service)?.handled ?? [])]
        .filter((type) => !EVENT_SUBSCRIBERS[type as EventType].includes(service))
        .map((type) => `${type} in ${service}`),
    );
    expect(stray).toEqual([]);
  });

  it('finds the identity events the gateway publishes, and tells publishing from handling, from keys and from types', () => {
    expect(producersOf('identity.tenant.updated')).toEqual(['gateway']);
    const use = eventUsesOf(
      [
        {
          path: 'example.ts',
          text: `
            type Tenant = EventEnvelope<'identity.tenant.created'>;
            const handlers = { 'scheduling.pupil.moved': apply, 'scheduling.pupil.left': (event) => left(event) };
            const counts = { 'scheduling.school.updated': 0, 'scheduling.pupil.enrolled': pupils.length };
            await emit(manager, 'loan.loan.started', tenantId, payload);
            await publishEvent(manager, { source: 'gateway', type: 'audit.entry.recorded', tenantId, payload });
            class Pupils {
              @HandlesEvent('scheduling.pupil.enrolled', 'scheduling.pupil.details-changed') async apply(event) {}
              async other() { return HandlesEvent('scheduling.school.created'); }
            }`,
        },
      ],
      EVENT_TYPES,
    );
    expect([...use.handled]).toEqual(['scheduling.pupil.enrolled', 'scheduling.pupil.details-changed']);
    expect([...use.published].sort()).toEqual(['audit.entry.recorded', 'loan.loan.started', 'scheduling.school.created']);
  });
});
