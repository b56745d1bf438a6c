/**
 * Word lists for the sample org generator. Domains use `.example` (RFC 2606) so that no real
 * address is ever produced. Lists are `|`-separated strings to keep this file short.
 */

const list = (words: string): string[] => words.split('|');

export const FIRST_NAMES = list(
    'Aisha|Ben|Carla|Dmitri|Elena|Farid|Grace|Hiro|Ines|Jonas|Kemi|Liam|Maya|Noah|Olga|Pablo|Quinn|Rosa|Sven|Tara|' +
        'Umar|Vera|Wen|Xavier|Yara|Zoe|Amara|Bruno|Chloe|Diego|Emma|Felix|Gita|Hugo|Isla|Jamal|Kira|Leo|Mina|Nils|' +
        'Oscar|Priya|Rafael|Sofia|Theo|Uma|Victor|Willa|Yusuf|Zara|Anya|Caleb|Daria|Ethan|Freya|Gabriel|Hana|Ivan|' +
        'Julia|Kofi',
);

// Includes names with an apostrophe and a space: username, nickname and alias derivation must cope.
export const LAST_NAMES = list(
    'Abara|Becker|Castillo|Dubois|Eriksen|Fischer|Garcia|Hansen|Ito|Jensen|Kowalski|Lindqvist|Moreau|Nakamura|Okafor|' +
        'Petrov|Quist|Rossi|Schmidt|Tanaka|Ueda|Vargas|Weber|Xu|Yilmaz|Zimmermann|Andersson|Bianchi|Costa|Dimitrov|' +
        "Edwards|Fontaine|Gupta|Horvat|Ivanova|Jovanovic|Kim|Larsen|Mendes|Novak|O'Brien|Patel|Reyes|Silva|Torres|" +
        'Ulrich|Varga|Walsh|Young|Zhang|Alvarez|Brennan|Chen|Da Silva|Engel|Farouk|Grant|Holm|Iyer|Keller',
);

export const COMPANY_WORDS = list(
    'Alder|Beacon|Cedar|Delta|Ember|Fjord|Granite|Harbor|Iris|Juniper|Kestrel|Lumen|Meridian|Nimbus|Orchid|Pioneer|' +
        'Quartz|Redwood|Summit|Tidal|Umbra|Vantage|Willow|Zenith|Aurora|Basalt|Cobalt|Dune|Evergreen|Falcon',
);

export const COMPANY_KINDS = list(
    'Logistics|Health|Energy|Foods|Robotics|Textiles|Media|Capital|Builders|Labs|Pharma|Freight|Analytics|Systems',
);

export const COMPANY_SUFFIXES = list('Inc.|Ltd|GmbH|LLC|S.A.|Group|Co.');

export const INDUSTRIES = list('Manufacturing|Healthcare|Energy|Retail|Technology|Transportation|Finance|Media');

export const TITLES = list(
    'Procurement Manager|Legal Counsel|Contracts Administrator|Operations Director|CFO|Purchasing Agent|' +
        'Account Manager|Vendor Relations Lead',
);

/** Billing location of accounts, with the locale settings their users get. */
export const LOCATIONS = [
    { city: 'Chicago', country: 'United States', locale: 'en_US', timeZone: 'America/Chicago', language: 'en_US' },
    { city: 'Seattle', country: 'United States', locale: 'en_US', timeZone: 'America/Los_Angeles', language: 'en_US' },
    { city: 'Boston', country: 'United States', locale: 'en_US', timeZone: 'America/New_York', language: 'en_US' },
    { city: 'London', country: 'United Kingdom', locale: 'en_GB', timeZone: 'Europe/London', language: 'en_US' },
    { city: 'Munich', country: 'Germany', locale: 'de_DE', timeZone: 'Europe/Berlin', language: 'de' },
    { city: 'Lyon', country: 'France', locale: 'fr_FR', timeZone: 'Europe/Paris', language: 'fr' },
    { city: 'Toronto', country: 'Canada', locale: 'en_CA', timeZone: 'America/Toronto', language: 'en_US' },
    { city: 'Sydney', country: 'Australia', locale: 'en_AU', timeZone: 'Australia/Sydney', language: 'en_US' },
] as const;

/** Addresses that fail email validation, as admins find them in real data. */
export const MALFORMED_EMAILS: ReadonlyArray<(local: string, domain: string) => string> = [
    (local) => `${local}@`,
    (local, domain) => `${local}.${domain}`,
    (local, domain) => `${local}@@${domain}`,
    (local, domain) => `${local} @${domain}`,
    (local, domain) => `${local}@${domain.replace('.', '..')}`,
    (local, domain) => `${local},${local}@${domain}`,
];
