import { createRandom } from '../../core/random.ts';
import type { Address } from './records.ts';
import { STOREFRONT_FACTS, type Storefront } from './storefronts.ts';

interface Locale {
  first: readonly string[];
  last: readonly string[];
  streets: readonly string[];
  /** [postcode, city] */
  places: readonly (readonly [string, string])[];
  phonePrefix: string;
  companySuffix: string;
}

const GERMAN: Locale = {
  first: ['Anna', 'Lukas', 'Marie', 'Jonas', 'Sophie', 'Felix', 'Lea', 'Paul', 'Hannah', 'Jürgen'],
  last: [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Hoffmann',
    'Krüger',
  ],
  streets: ['Hauptstraße', 'Schulstraße', 'Gartenweg', 'Bahnhofstraße', 'Lindenallee', 'Am Markt'],
  places: [
    ['10115', 'Berlin'],
    ['20095', 'Hamburg'],
    ['80331', 'München'],
    ['50667', 'Köln'],
    ['74172', 'Neckarsulm'],
  ],
  phonePrefix: '+49 151',
  companySuffix: 'GmbH',
};

const LOCALES: Readonly<Record<Storefront, Locale>> = {
  de: GERMAN,
  at: {
    ...GERMAN,
    places: [
      ['1010', 'Wien'],
      ['8010', 'Graz'],
      ['5020', 'Salzburg'],
    ],
    phonePrefix: '+43 664',
  },
  cz: {
    first: ['Jan', 'Petra', 'Tomáš', 'Lucie', 'Jiří', 'Kateřina'],
    last: ['Novák', 'Svobodová', 'Dvořák', 'Černá', 'Procházka', 'Kučerová'],
    streets: ['Nádražní', 'Husova', 'Školní', 'Palackého'],
    places: [
      ['110 00', 'Praha'],
      ['602 00', 'Brno'],
      ['702 00', 'Ostrava'],
    ],
    phonePrefix: '+420 601',
    companySuffix: 's.r.o.',
  },
  sk: {
    first: ['Martin', 'Zuzana', 'Peter', 'Jana', 'Michal', 'Lenka'],
    last: ['Horváth', 'Kováčová', 'Varga', 'Tóthová', 'Nagy', 'Baláž'],
    streets: ['Hlavná', 'Školská', 'Štúrova', 'Mierová'],
    places: [
      ['811 01', 'Bratislava'],
      ['040 01', 'Košice'],
      ['010 01', 'Žilina'],
    ],
    phonePrefix: '+421 905',
    companySuffix: 's.r.o.',
  },
  pl: {
    first: ['Piotr', 'Anna', 'Krzysztof', 'Magdalena', 'Tomasz', 'Agnieszka'],
    last: ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowska'],
    streets: ['ul. Długa', 'ul. Polna', 'ul. Leśna', 'ul. Słoneczna'],
    places: [
      ['00-001', 'Warszawa'],
      ['30-001', 'Kraków'],
      ['50-001', 'Wrocław'],
    ],
    phonePrefix: '+48 501',
    companySuffix: 'sp. z o.o.',
  },
  fr: {
    first: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Gabriel'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit'],
    streets: ['Rue de la Paix', 'Avenue Victor Hugo', 'Rue du Moulin', 'Boulevard Voltaire'],
    places: [
      ['75001', 'Paris'],
      ['69001', 'Lyon'],
      ['13001', 'Marseille'],
    ],
    phonePrefix: '+33 6',
    companySuffix: 'SARL',
  },
  it: {
    first: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Matteo'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
    streets: ['Via Roma', 'Via Garibaldi', 'Corso Italia', 'Via Dante'],
    places: [
      ['00118', 'Roma'],
      ['20121', 'Milano'],
      ['80121', 'Napoli'],
    ],
    phonePrefix: '+39 320',
    companySuffix: 'S.r.l.',
  },
};

export interface FakePerson {
  email: string;
  address: Address;
}

export function fakePerson(storefront: Storefront, seed: number): FakePerson {
  const locale = LOCALES[storefront];
  // Seeded, so the same order number always yields the same buyer (stable across runs).
  const { next } = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const first = pick(locale.first);
  const last = pick(locale.last);
  const [postcode, city] = pick(locale.places);
  const withCompany = next() < 0.1;
  const withPhone = next() < 0.7;
  const address: Address = {
    first_name: first,
    last_name: last,
    company_name: withCompany ? `${last} ${locale.companySuffix}` : null,
    street: pick(locale.streets),
    house_number: String(1 + Math.floor(next() * 120)),
    postcode,
    additional_field: next() < 0.15 ? `c/o ${pick(locale.last)}` : null,
    city,
    phone: withPhone ? `${locale.phonePrefix} ${String(Math.floor(next() * 1e7)).padStart(7, '0')}` : null,
    country: STOREFRONT_FACTS[storefront].country,
  };
  return { email: `${ascii(first)}.${ascii(last)}.${seed}@example.com`, address };
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
