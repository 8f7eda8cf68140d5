import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '@tutti/messaging';
import { Schools1764060100000 } from './migrations/1764060100000-schools';
import { School } from './schools/school.entity';

export const SCHEDULING_ENTITIES = [...MESSAGING_ENTITIES, School];
export const SCHEDULING_MIGRATIONS = [...MESSAGING_MIGRATIONS, Schools1764060100000];
