import { ServiceConfig } from '@tutti/platform';

export class SchedulingConfig extends ServiceConfig {}
