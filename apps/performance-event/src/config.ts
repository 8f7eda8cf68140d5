import { ServiceConfig } from '@tutti/platform';

export class PerformanceEventConfig extends ServiceConfig {}
