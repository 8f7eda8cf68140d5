export const ENSEMBLE_KINDS = ['whole_class', 'choir', 'orchestra', 'band', 'staff_ensemble', 'family_ensemble'] as const;
export type EnsembleKind = (typeof ENSEMBLE_KINDS)[number];
export const STRANDS = ['curriculum', 'after_school', 'weekend', 'holiday'] as const;
export type Strand = (typeof STRANDS)[number];
