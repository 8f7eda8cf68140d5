import { v7 as uuidv7 } from 'uuid';

/** New ids are UUIDv7: time-ordered, so that primary-key indexes stay compact. */
export const newId = (): string => uuidv7();
