export const VENUE_KINDS = ['school_hall', 'community_venue', 'supermarket', 'concert_hall', 'church', 'outdoor', 'other'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
