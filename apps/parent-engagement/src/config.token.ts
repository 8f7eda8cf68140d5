/** Injection token of the app's validated ParentEngagementConfig. */
export const PARENT_ENGAGEMENT_CONFIG = Symbol('PARENT_ENGAGEMENT_CONFIG');
