import { ServiceConfig } from '@tutti/platform';

export class ParentEngagementConfig extends ServiceConfig {}
