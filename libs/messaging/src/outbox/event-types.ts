import { EVENT_SUBSCRIBERS, SERVICE_NAMES, type EventType, type ServiceName } from '@tutti/contracts';

export const KNOWN_EVENT_TYPES: readonly EventType[] = Object.keys(EVENT_SUBSCRIBERS).filter(isEventType);

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_SUBSCRIBERS, value);
}

export function isServiceName(value: string): value is ServiceName {
  return SERVICE_NAMES.some((name) => name === value);
}
