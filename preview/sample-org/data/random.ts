/**
 * Deterministic randomness and Salesforce-shaped Ids for the sample org generator: the same
 * seed always yields the same org, so tests, screenshots and bug reports agree.
 */

/** mulberry32: a tiny, well-distributed 32-bit PRNG; Math.random cannot be seeded. */
export function createRandom(seed: number) {
    let state = seed >>> 0;
    const next = (): number => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        next,
        /** An integer in [min, max], both included. */
        int(min: number, max: number): number {
            return min + Math.floor(next() * (max - min + 1));
        },
        chance(probability: number): boolean {
            return next() < probability;
        },
        pick<T>(items: ReadonlyArray<T>): T {
            return items[Math.floor(next() * items.length)];
        },
        shuffle<T>(items: ReadonlyArray<T>): T[] {
            const copy = [...items];
            for (let i = copy.length - 1; i > 0; i--) {
                const j = Math.floor(next() * (i + 1));
                [copy[i], copy[j]] = [copy[j], copy[i]];
            }
            return copy;
        },
    };
}

export type Random = ReturnType<typeof createRandom>;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const SPACE = 62 ** 5;

/**
 * The 3 characters Salesforce appends to a 15-character Id to make it case-insensitive: one
 * character per 5-character chunk, whose bits flag the chunk's upper-case letters.
 */
export function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const char = id15.charAt(chunk * 5 + i);
            if (char >= 'A' && char <= 'Z') {
                bits |= 1 << i;
            }
        }
        suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return suffix;
}

/**
 * An Id as Apex stores and compares it (`Id.valueOf`, or a JSON value read into an `Id` field): a
 * 15-character Id gets its case-safe suffix, so that it and the 18-character form of the same record
 * are one key; an 18-character Id is kept as it is. Anything else is no Id: null.
 * @param value the text, as the browser sent it
 * @returns the 18-character Id, or null
 */
export function toId18(value: unknown): string | null {
    if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value)) {
        return null;
    }
    return value.length === 15 ? value + caseSafeSuffix(value) : value;
}

/**
 * Hands out Ids per key prefix: `<prefix>` + pod `8d` + `00000` + 5 base-62 characters, plus the
 * case-safe suffix. The sequence number is scrambled by a bijection (an odd multiplier not
 * divisible by 31 is invertible modulo 62^5) so Ids look like real ones and never collide.
 */
export function createIdFactory() {
    const counters = new Map<string, number>();
    return (prefix: string): string => {
        const sequence = (counters.get(prefix) ?? 0) + 1;
        counters.set(prefix, sequence);
        let value = (sequence * 48271 + 7919) % SPACE;
        let encoded = '';
        for (let i = 0; i < 5; i++) {
            encoded = BASE62.charAt(value % 62) + encoded;
            value = Math.floor(value / 62);
        }
        const id15 = `${prefix}8d00000${encoded}`;
        return id15 + caseSafeSuffix(id15);
    };
}

/** Key prefixes of the objects in the sample org. */
export const KEY_PREFIX = {
    Organization: '00D',
    Account: '001',
    Contact: '003',
    User: '005',
    Profile: '00e',
    UserRole: '00E',
    UserLicense: '100',
    PermissionSet: '0PS',
    PermissionSetLicense: '0PL',
    PermissionSetAssignment: '0Pa',
    PermissionSetLicenseAssign: '2LA',
    CustomPermission: '0CP',
    SetupEntityAccess: '0J0',
    ObjectPermissions: '110',
    Network: '0DB',
    // Not confirmed from Salesforce documentation: a plausible prefix for NetworkMemberGroup.
    NetworkMemberGroup: '0DL',
    // The package's custom object: custom object prefixes are assigned per org, from a00 on.
    Setup_Assistant_Log__c: 'a00',
} as const;
