/**
 * The six In Harmony areas of the demo, each with a few primary schools. Names of schools and venues
 * are invented for the demo; URNs are in a range the DfE does not issue (9xxxxx).
 */
export interface DemoArea {
  slug: string;
  name: string;
  weeklyProvisionTargetMinutes: number;
  familyLanguages: string[];
  familyTransportSeatLimit: number;
  schools: { name: string; urn: string; phase: 'primary' | 'infant' | 'junior' }[];
  venues: {
    name: string;
    kind: 'school_hall' | 'community_venue' | 'supermarket' | 'concert_hall' | 'church';
    address: string;
    capacity: number;
  }[];
}

export const DEMO_AREAS: DemoArea[] = [
  {
    slug: 'liverpool',
    name: 'In Harmony Liverpool',
    weeklyProvisionTargetMinutes: 270,
    familyLanguages: ['en', 'pl', 'ar'],
    familyTransportSeatLimit: 4,
    schools: [
      { name: 'Faith Street Primary', urn: '900101', phase: 'primary' },
      { name: 'Everton Brow Primary', urn: '900102', phase: 'primary' },
      { name: 'Anfield Road Juniors', urn: '900103', phase: 'junior' },
    ],
    venues: [
      { name: 'West Everton Community Hall', kind: 'community_venue', address: 'Shaw Street, Liverpool L6', capacity: 250 },
      { name: 'Philharmonic Concert Hall', kind: 'concert_hall', address: 'Hope Street, Liverpool L1', capacity: 1700 },
    ],
  },
  {
    slug: 'lambeth',
    name: 'In Harmony Lambeth',
    weeklyProvisionTargetMinutes: 240,
    familyLanguages: ['en', 'pt', 'so'],
    familyTransportSeatLimit: 4,
    schools: [
      { name: 'Stockwell Park Primary', urn: '900201', phase: 'primary' },
      { name: 'Brixton Hill Infants', urn: '900202', phase: 'infant' },
      { name: 'Kennington Lane Primary', urn: '900203', phase: 'primary' },
    ],
    venues: [
      { name: 'Stockwell Park School Hall', kind: 'school_hall', address: 'Stockwell Road, London SW9', capacity: 200 },
      { name: 'Brixton Market Square', kind: 'supermarket', address: 'Electric Avenue, London SW9', capacity: 150 },
    ],
  },
  {
    slug: 'leeds',
    name: 'In Harmony Leeds',
    weeklyProvisionTargetMinutes: 240,
    familyLanguages: ['en', 'ur', 'pl'],
    familyTransportSeatLimit: 3,
    schools: [
      { name: 'Harehills Lane Primary', urn: '900301', phase: 'primary' },
      { name: 'Gipton Wood Primary', urn: '900302', phase: 'primary' },
    ],
    venues: [
      { name: 'Harehills Community Centre', kind: 'community_venue', address: 'Roundhay Road, Leeds LS8', capacity: 180 },
      { name: 'Leeds Town Hall', kind: 'concert_hall', address: 'The Headrow, Leeds LS1', capacity: 1500 },
    ],
  },
  {
    slug: 'newcastle',
    name: 'In Harmony Newcastle Gateshead',
    weeklyProvisionTargetMinutes: 210,
    familyLanguages: ['en'],
    familyTransportSeatLimit: 4,
    schools: [
      { name: 'Walker Riverside Primary', urn: '900401', phase: 'primary' },
      { name: 'Byker Bank Primary', urn: '900402', phase: 'primary' },
    ],
    venues: [
      { name: 'St Anthony’s Church', kind: 'church', address: 'Walker Road, Newcastle NE6', capacity: 220 },
      { name: 'Quayside Concert Hall', kind: 'concert_hall', address: 'St Mary’s Square, Gateshead NE8', capacity: 1650 },
    ],
  },
  {
    slug: 'nottingham',
    name: 'In Harmony Nottingham',
    weeklyProvisionTargetMinutes: 240,
    familyLanguages: ['en', 'ro'],
    familyTransportSeatLimit: 4,
    schools: [
      { name: 'Bulwell Vale Primary', urn: '900501', phase: 'primary' },
      { name: 'Broxtowe Fields Primary', urn: '900502', phase: 'primary' },
    ],
    venues: [{ name: 'Bulwell Riverside Centre', kind: 'community_venue', address: 'Main Street, Nottingham NG6', capacity: 300 }],
  },
  {
    slug: 'telford-stoke',
    name: 'In Harmony Telford and Stoke-on-Trent',
    weeklyProvisionTargetMinutes: 180,
    familyLanguages: ['en'],
    familyTransportSeatLimit: 4,
    schools: [
      { name: 'Hadley Learning Primary', urn: '900601', phase: 'primary' },
      { name: 'Abbey Hulton Primary', urn: '900602', phase: 'primary' },
    ],
    venues: [{ name: 'Telford Town Park Bandstand', kind: 'community_venue', address: 'Town Park, Telford TF3', capacity: 400 }],
  },
];
