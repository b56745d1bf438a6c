/**
 * The sample org the preview runs against, generated once per page load from the committed
 * seed, with the lookups the sample Apex needs (the equivalent of SOQL by Id).
 */
import { generateSampleOrg, sampleOrgSize, SAMPLE_ORG_SEED } from './data/generate';
import type { SampleOrgSize } from './data/generate';
import { createIdFactory, KEY_PREFIX } from './data/random';
import type { Id, PermissionSet, Profile, SampleOrg, User, UserLicense, UserRole } from './types';

/** The size `SAMPLE_ORG` named when the preview was built (preview/build.mjs replaces it). */
declare const __SAMPLE_ORG_SIZE__: string | undefined;

/**
 * The size of the page's sample org: `?org=<size>` on the page, else the size the preview was
 * built with (`SAMPLE_ORG=large npm start`), else the default org the tests rely on.
 * @param search the page's query string
 * @returns the size
 */
export function pageSampleOrgSize(
    search: string = typeof globalThis.location === 'object' ? globalThis.location.search : '',
): SampleOrgSize {
    const built = typeof __SAMPLE_ORG_SIZE__ === 'string' ? __SAMPLE_ORG_SIZE__ : undefined;
    return sampleOrgSize(new URLSearchParams(search).get('org') ?? built);
}

const size = pageSampleOrgSize();

export const sampleOrg: SampleOrg = applySeatsFlag(generateSampleOrg(SAMPLE_ORG_SEED, size));

/**
 * `?seats=<n>` on the page leaves only n seats on every user license (the e2e's "Enable the N
 * that fit"); without it the org keeps the generated totals that the other scenarios rely on.
 * @param org the generated org
 * @param search the page's query string
 * @returns the org, changed in place
 */
export function applySeatsFlag(
    org: SampleOrg,
    search: string = typeof globalThis.location === 'object' ? globalThis.location.search : '',
): SampleOrg {
    const seats = Number(new URLSearchParams(search).get('seats') ?? Number.NaN);
    if (Number.isInteger(seats) && seats >= 0) {
        for (const license of org.UserLicense) {
            license.TotalLicenses = license.UsedLicenses + seats;
        }
    }
    return org;
}

/** Puts the sample org back as generated (in place: every session sees it), for tests. */
export function resetSampleOrg(): void {
    // Not generated (the generated org has no person accounts): a test's counts end with the test.
    delete sampleOrg.PersonAccountCounts;
    delete sampleOrg.PersonAccountOwnerPowerUser;
    Object.assign(sampleOrg, generateSampleOrg(sampleOrg.seed, size));
    forgetIssuedIds(sampleOrg);
}

/** Every Id the org holds, to hand out new ones that never collide. */
function existingIds(org: SampleOrg): Set<Id> {
    const ids = new Set<Id>([org.Organization.Id]);
    for (const rows of Object.values(org)) {
        if (Array.isArray(rows)) {
            for (const row of rows as Array<{ Id?: Id }>) {
                if (row.Id) {
                    ids.add(row.Id);
                }
            }
        }
    }
    return ids;
}

/**
 * Per org and key prefix, the Id sequence and the Ids taken, read once: a 10,000-row job inserts
 * tens of thousands of records, and reading every Id of the org for each one is quadratic.
 */
const issued = new WeakMap<SampleOrg, Map<string, { nextId: (prefix: string) => Id; taken: Set<Id> }>>();

/** Forgets the Ids handed out, after the org's records were replaced (a reset, a restore). */
export function forgetIssuedIds(org: SampleOrg): void {
    issued.delete(org);
}

/**
 * An Id for a record the sample Apex inserts: the generator's sequence for the object's key
 * prefix, continued past every Id the org already holds.
 */
export function newRecordId(org: SampleOrg, object: keyof typeof KEY_PREFIX): Id {
    const prefix = KEY_PREFIX[object];
    let byPrefix = issued.get(org);
    if (!byPrefix) {
        byPrefix = new Map();
        issued.set(org, byPrefix);
    }
    let sequence = byPrefix.get(prefix);
    if (!sequence) {
        sequence = { nextId: createIdFactory(), taken: existingIds(org) };
        byPrefix.set(prefix, sequence);
    }
    let id: Id;
    do {
        id = sequence.nextId(prefix);
    } while (sequence.taken.has(id));
    sequence.taken.add(id);
    return id;
}

/** Now, as the platform stamps records: whole seconds, ISO 8601 in UTC. */
export function platformNow(): string {
    return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
}

/** Stamps a changed user as the platform does, always later than the stamp it had. */
export function touchUser(user: User): void {
    const previous = Date.parse(user.SystemModstamp);
    const now = Date.parse(platformNow());
    user.SystemModstamp = new Date(Number.isNaN(previous) ? now : Math.max(now, previous + 1000)).toISOString();
}

function byId<T extends { Id: Id }>(rows: ReadonlyArray<T>, id: Id | null | undefined): T | undefined {
    return id ? rows.find((row) => row.Id === id) : undefined;
}

export function userById(org: SampleOrg, id: Id | null | undefined): User | undefined {
    return byId(org.User, id);
}

export function roleById(org: SampleOrg, id: Id | null | undefined): UserRole | undefined {
    return byId(org.UserRole, id);
}

export function profileById(org: SampleOrg, id: Id | null | undefined): Profile | undefined {
    return byId(org.Profile, id);
}

export function licenseById(org: SampleOrg, id: Id | null | undefined): UserLicense | undefined {
    return byId(org.UserLicense, id);
}

/** The permission sets assigned to a user (not the one its profile owns). */
export function assignedPermissionSets(org: SampleOrg, userId: Id): PermissionSet[] {
    const ids = new Set(
        org.PermissionSetAssignment.filter((a) => a.AssigneeId === userId).map((a) => a.PermissionSetId),
    );
    return org.PermissionSet.filter((ps) => ids.has(ps.Id));
}

/**
 * Whether a user holds a custom permission through a permission set, as
 * `FeatureManagement.checkPermission` answers inside the package (unprefixed API name).
 */
export function hasCustomPermission(org: SampleOrg, userId: Id, developerName: string): boolean {
    const permission = org.CustomPermission.find((cp) => cp.DeveloperName === developerName);
    if (!permission) {
        return false;
    }
    const holders = new Set(
        org.SetupEntityAccess.filter((sea) => sea.SetupEntityId === permission.Id).map((sea) => sea.ParentId),
    );
    return assignedPermissionSets(org, userId).some((ps) => holders.has(ps.Id));
}
