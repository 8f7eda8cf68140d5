export const GUARDIAN_RELATIONSHIPS = ['parent', 'step_parent', 'grandparent', 'carer', 'foster_carer', 'other_relative', 'other'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];
