/**
 * The readiness checklist: one row per org-level step of "Set Up Salesforce Contracts Customer
 * Community Plus User" (seed 000_552be9b3d93d1988.txt), measured from facts the Apex reads.
 * Pure: facts in, rows out. Rows carry a stable reason code and the values its message needs;
 * the UI turns each code into a sentence from a Custom Label. Also the shared vocabulary of
 * `c/userDoctor`: the Contracts permission sets, the Customer Community Plus licenses, the
 * Lightning Setup URLs.
 */
import { canonicalLicenseName } from 'c/licenseConversion';

// ---------------------------------------------------------------------------------------------
// Facts (filled by Apex): the DTOs of `ReadinessService` (types/apex/ReadinessService.d.ts), so
// that the rules and `ReadinessController.getReadinessFacts` share one contract.
// ---------------------------------------------------------------------------------------------

/** A profile of the org. */
export type ProfileFact = Apex.ReadinessService.ProfileFact;

/** A `UserLicense` row: Customer Community Plus seats live here. */
export type UserLicenseFact = Apex.ReadinessService.UserLicenseFact;

/** A permission set of the org (`PermissionSet` with `IsOwnedByProfile = false`). */
export type PermissionSetFact = Apex.ReadinessService.PermissionSetFact;

/** A `PermissionSetLicense` row: the seats behind a permission set. */
export type PermissionSetLicenseFact = Apex.ReadinessService.PermissionSetLicenseFact;

/**
 * `Network.Status`: Live (label "Published"), UnderConstruction ("Preview", never again once
 * published), DownForMaintenance ("Offline"). Object Reference, "Network". Apex sends it as a
 * plain string ({@link SiteFact}).
 */
export type SiteStatus = 'Live' | 'UnderConstruction' | 'DownForMaintenance';

/** An Experience Cloud site (`Network`). */
export type SiteFact = Apex.ReadinessService.SiteFact;

/** The admin running the assistant. */
export type RunningUserFact = Apex.ReadinessService.RunningUserFact;

/** A persisted "I did this by hand" of a row Apex cannot detect; `rowId` is a {@link RowId}. */
export type ConfirmationFact = Apex.ReadinessService.ConfirmationFact;

/** Everything the checklist reads from the org, in one DTO. */
export type OrgFacts = Apex.ReadinessService.OrgFacts;

/** What the admin chose in the assistant, if anything: the checklist then measures those. */
export interface ReadinessChoices {
    /** The Customer Community Plus profile users will be enabled with. */
    profileId?: string | null;
    /** The site users will log in to. */
    siteId?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

export type RowId =
    | 'DIGITAL_EXPERIENCES'
    | 'STANDARD_EXTERNAL_PROFILES'
    | 'ADMIN_ROLE'
    | 'CCP_PROFILE'
    | 'CCP_SEATS'
    | 'CONTRACTS_PERMISSION_SETS'
    | 'SITE'
    | 'CONTRACT_SHARERS';

/**
 * The rows in the order of seed 000: settings (domain, standard external profiles), the account
 * (its owner needs a role), the cloned profile, the user (license seat, permission sets), the site
 * (create, activate, members), and last "Actions Available for Customer Community Plus Users".
 */
export const ROW_ORDER: readonly RowId[] = [
    'DIGITAL_EXPERIENCES',
    'STANDARD_EXTERNAL_PROFILES',
    'ADMIN_ROLE',
    'CCP_PROFILE',
    'CCP_SEATS',
    'CONTRACTS_PERMISSION_SETS',
    'SITE',
    'CONTRACT_SHARERS',
];

export type RowStatus = 'done' | 'needs-action' | 'confirm';

/** `required`: users cannot work without it; `warning`: they can log in, but something they need is missing. */
export type RowSeverity = 'required' | 'warning';

export type ReasonCode =
    | 'DIGITAL_EXPERIENCES_ENABLED'
    | 'DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN'
    | 'DIGITAL_EXPERIENCES_DISABLED'
    | 'STANDARD_EXTERNAL_PROFILES_CONFIRMED'
    | 'STANDARD_EXTERNAL_PROFILES_UNCONFIRMED'
    | 'ADMIN_HAS_ROLE'
    | 'ADMIN_NO_ROLE'
    | 'CCP_PROFILE_READY'
    | 'CCP_PROFILE_API_DISABLED'
    | 'CCP_PROFILE_CLONE_NEEDED'
    | 'CCP_PROFILE_MISSING'
    | 'CCP_SEATS_LICENSE_LEFT'
    | 'CCP_SEATS_LICENSE_FULL'
    | 'CCP_SEATS_LICENSE_EMPTY'
    | 'CCP_SEATS_LICENSE_MISSING'
    | 'CCP_SEATS_EXHAUSTED'
    | 'CCP_LICENSE_MISSING'
    | 'PERMISSION_SETS_READY'
    | 'PERMISSION_SET_MISSING'
    | 'PERMISSION_SET_LICENSE_NO_SEATS'
    | 'SITE_READY'
    | 'SITE_NEEDS_DIGITAL_EXPERIENCES'
    | 'SITE_MISSING'
    | 'SITE_NOT_LIVE'
    | 'SITE_OFFLINE'
    | 'SITE_SHOW_ALL_SETTINGS_OFF'
    | 'SITE_PROFILE_NOT_MEMBER'
    | 'SITE_MEMBER_PENDING'
    | 'SITE_MEMBER_FAILED'
    | 'SITE_NO_PROFILE_TO_ADD'
    | 'SITE_WELCOME_EMAIL_ON'
    | 'SITE_WELCOME_EMAIL_OFF'
    | 'CCP_PROFILE_OBJECT_ACCESS_MISSING'
    | 'CONTRACT_SHARERS_PRESENT'
    | 'CONTRACT_SHARERS_NONE'
    | 'CONTRACT_SHARER_PERMISSION_SETS_MISSING';

/** The fixes Apex DML can do. Each names its ids in `values`. */
export type ReadinessFix =
    /** `Network.Status = 'Live'`; values: [siteId]. Network supports update() (Object Reference). */
    | 'ACTIVATE_SITE'
    /** `Network.OptionsShowAllNetworkSettings = true`; values: [siteId]. */
    | 'SHOW_ALL_SETTINGS'
    /** insert `NetworkMemberGroup(NetworkId, ParentId)`; values: [siteId, profileId]. */
    | 'ADD_PROFILE_MEMBER';

export type RowAction =
    | { kind: 'fix'; fix: ReadinessFix; values: readonly string[] }
    | { kind: 'setup-link'; url: string }
    | { kind: 'confirm' };

/** A stable code and the values its message shows. */
export interface Reason {
    code: ReasonCode;
    values?: readonly string[];
}

/**
 * The verdict on one license of the seat row: `pass` it has seats left; `warn` it has none, but
 * the row passes on the other license; `fail` it has none and the row needs it; `not-counted` a
 * profile is chosen and this is not its license, so the row does not count it, whatever its seats
 * (its users cannot take them): neither good nor bad news for the row.
 */
export type SeatVerdict = 'pass' | 'warn' | 'fail' | 'not-counted';

/** One problem (or, for a done row, the evidence) and what to do about it. */
export interface Finding extends Reason {
    action: RowAction;
    /** The seat row's line of one license carries that license's own verdict. */
    verdict?: SeatVerdict;
}

export interface ReadinessRow {
    id: RowId;
    status: RowStatus;
    severity: RowSeverity;
    /** A confirm row the admin marked as done: status is then 'done'. */
    confirmed: boolean;
    /**
     * The main reason: the first finding, except on a passing seat row, where it is the line of the
     * license that passes it (its lines stay in license order).
     */
    reason: Reason;
    /** The main action: the main reason's. A done row links to the Setup page it was measured on. */
    action: RowAction;
    /** "Open in Setup": where the step is done by hand, whatever the status. */
    setupUrl: string;
    /**
     * Every problem found, in the order to solve them (a done row has one finding: the evidence;
     * the seat row has one line per license, each with its {@link SeatVerdict}).
     */
    findings: Finding[];
    /** Facts worth knowing that are neither a problem nor the evidence, e.g. the site's welcome email. */
    notes?: Reason[];
}

export interface ReadinessSummary {
    total: number;
    counts: Record<RowStatus, number>;
    /** Done rows over all rows, rounded down to a whole percent (100 only when every row is done). */
    percentDone: number;
    /** No required row is left to act on or to confirm. */
    ready: boolean;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary shared with c/userDoctor
// ---------------------------------------------------------------------------------------------

/**
 * Lightning Setup pages (relative to the org's Lightning domain). Setup node names as Salesforce
 * routes them: Digital Experiences > Settings is `NetworkSettings`, > All Sites is `SetupNetworks`.
 */
export const SETUP_URLS = {
    digitalExperienceSettings: '/lightning/setup/NetworkSettings/home',
    allSites: '/lightning/setup/SetupNetworks/home',
    profiles: '/lightning/setup/EnhancedProfiles/home',
    users: '/lightning/setup/ManageUsers/home',
    permissionSets: '/lightning/setup/PermSets/home',
    companyInformation: '/lightning/setup/CompanyProfileInfo/home',
} as const;

/** Setup's profile detail page. */
export function profileUrl(profileId: string): string {
    return `/lightning/setup/EnhancedProfiles/page?address=${encodeURIComponent(`/${profileId}`)}`;
}

/** Setup's permission set detail page. */
export function permissionSetUrl(permissionSetId: string): string {
    return `/lightning/setup/PermSets/page?address=${encodeURIComponent(`/${permissionSetId}`)}`;
}

/** Setup's user detail page (`noredirect=1` keeps it in Setup rather than the user's profile page). */
export function userUrl(userId: string): string {
    return `/lightning/setup/ManageUsers/page?address=${encodeURIComponent(`/${userId}?noredirect=1&isUserEntityOverride=1`)}`;
}

/** A record page in Lightning Experience, e.g. a contact. */
export function recordUrl(objectApiName: string, recordId: string): string {
    return `/lightning/r/${objectApiName}/${recordId}/view`;
}

/** The two licenses seed 000 is about: the named and the Login-based Customer Community Plus. */
export const CCP_LICENSES: readonly string[] = ['Customer Community Plus', 'Customer Community Plus Login'];

/**
 * Whether a license (`UserLicense.Name` or `LicenseDefinitionKey`) is Customer Community Plus or
 * Customer Community Plus Login.
 */
export function isCustomerCommunityPlus(licenseName: string | null | undefined): boolean {
    return !!licenseName && CCP_LICENSES.includes(canonicalLicenseName(licenseName));
}

export type ContractsPermissionSetKey = 'DOCGEN_RUNTIME_COMMUNITY_USER' | 'CCPLUS_DIGITAL_EXPERIENCE_USER';

export interface KnownPermissionSet {
    /** The label seed 000 writes. */
    label: string;
    /** API names it is known by (compared like labels: letters and digits only, any case). */
    names: readonly string[];
}

/**
 * "assign DocGen Run-time Community User, and Contract Management CC Plus Digital Experience User
 * permission set" (seed 000). The seed gives labels only; the API names are the labels without
 * spaces and punctuation, which is what the comparison keeps of either, so both match.
 */
export const CONTRACTS_PERMISSION_SETS: Readonly<Record<ContractsPermissionSetKey, KnownPermissionSet>> = {
    DOCGEN_RUNTIME_COMMUNITY_USER: {
        label: 'DocGen Run-time Community User',
        names: ['DocGenRuntimeCommunityUser'],
    },
    CCPLUS_DIGITAL_EXPERIENCE_USER: {
        label: 'Contract Management CC Plus Digital Experience User',
        names: ['ContractManagementCCPlusDigitalExperienceUser'],
    },
};

/**
 * "Users with the CLM Digital Experience Partner or CLM Runtime User permission set can share
 * contract documents with Customer Community Plus users" (seed 000, "Actions Available for
 * Customer Community Plus Users").
 */
export const CONTRACT_SHARER_PERMISSION_SETS: readonly KnownPermissionSet[] = [
    { label: 'CLM Runtime User', names: ['CLMRuntimeUser'] },
    { label: 'CLM Digital Experience Partner', names: ['CLMDigitalExperiencePartner'] },
];

/** Letters and digits only, lower case: "DocGen Run-time Community User" = "DocGenRuntimeCommunityUser". */
function key(text: string | null | undefined): string {
    return (text ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether a permission set is the known one, by label or API name. */
export function matchesPermissionSet(
    permissionSet: Pick<PermissionSetFact, 'name' | 'label'>,
    known: KnownPermissionSet,
): boolean {
    const wanted = new Set([known.label, ...known.names].map(key));
    return wanted.has(key(permissionSet.label)) || wanted.has(key(permissionSet.name));
}

/** The org's permission set that is the known one; an unmanaged one first if a package brings a copy. */
export function findPermissionSet<T extends Pick<PermissionSetFact, 'name' | 'label' | 'namespacePrefix'>>(
    permissionSets: readonly T[],
    known: KnownPermissionSet,
): T | undefined {
    const matches = permissionSets.filter((permissionSet) => matchesPermissionSet(permissionSet, known));
    return matches.find((permissionSet) => !permissionSet.namespacePrefix) ?? matches[0];
}

/** How Setup names a site's status: Live, Preview (`UnderConstruction`) or Inactive (`DownForMaintenance`). */
export type SiteStatusKind = 'live' | 'preview' | 'inactive';

/**
 * The status Setup shows for `Network.Status`: Live; UnderConstruction is "Preview"; anything else
 * (DownForMaintenance, or a status this code does not know) is shown as not reachable: Inactive.
 */
export function siteStatusKind(status: string | null | undefined): SiteStatusKind {
    if (status === 'Live') return 'live';
    if (status === 'UnderConstruction') return 'preview';
    return 'inactive';
}

/** `NetworkMemberGroup.AssignmentStatus` of a membership whose users are members (Object Reference). */
export const MEMBER_ADDED = 'Added';

/**
 * What a membership's `AssignmentStatus` means: Added; failed ("Failed Add", and any value naming a
 * failure); otherwise the asynchronous add is still running ("Add Calculated", "Waiting for Add").
 */
export function memberStatusKind(status: string | null | undefined): 'added' | 'failed' | 'pending' {
    if (status === MEMBER_ADDED) return 'added';
    return /fail/i.test(status ?? '') ? 'failed' : 'pending';
}

/** Seats left on a license row; never negative. */
export function seatsLeft(license: { totalLicenses: number; usedLicenses: number }): number {
    return Math.max(0, license.totalLicenses - license.usedLicenses);
}

/** The seats of one Customer Community Plus license, as the seat row shows them. */
export interface LicenseSeats {
    /** The license's name (canonical: a `LicenseDefinitionKey` is shown by its name). */
    license: string;
    /** The org has a `UserLicense` row for it. */
    present: boolean;
    /** `UsedLicenses`. */
    used: number;
    /** `TotalLicenses`. */
    total: number;
    /** Seats left; never negative. */
    left: number;
}

/**
 * The seats of each Customer Community Plus license, counted separately (Customer Community Plus
 * and Customer Community Plus Login are licenses with their own seats), in {@link CCP_LICENSES}
 * order. Both are always listed: a license the org has no `UserLicense` row for is not present,
 * with 0 of 0.
 * @param licenses the org's user licenses (other licenses are ignored)
 * @returns one entry per license of {@link CCP_LICENSES}
 */
export function ccpLicenseSeats(licenses: readonly UserLicenseFact[]): LicenseSeats[] {
    return CCP_LICENSES.map((name) => {
        const rows = licenses.filter((license) => canonicalLicenseName(license.name) === name);
        return {
            license: name,
            present: rows.length > 0,
            used: rows.reduce((sum, license) => sum + license.usedLicenses, 0),
            total: rows.reduce((sum, license) => sum + license.totalLicenses, 0),
            left: rows.reduce((sum, license) => sum + seatsLeft(license), 0),
        };
    });
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

const link = (url: string): RowAction => ({ kind: 'setup-link', url });
const fix = (code: ReadinessFix, ...values: string[]): RowAction => ({ kind: 'fix', fix: code, values });

/** A row whose main reason and action are `main`'s: the first finding unless the rule names another. */
function row(
    id: RowId,
    setupUrl: string,
    findings: Finding[],
    status: RowStatus = 'needs-action',
    severity: RowSeverity = 'required',
    confirmed = false,
    main: Finding = findings[0],
): ReadinessRow {
    const reason: Reason = main.values ? { code: main.code, values: main.values } : { code: main.code };
    return { id, status, severity, confirmed, reason, action: main.action, setupUrl, findings };
}

function done(id: RowId, setupUrl: string, code: ReasonCode, values: string[], severity?: RowSeverity): ReadinessRow {
    return row(id, setupUrl, [{ code, values, action: link(setupUrl) }], 'done', severity);
}

/** Seed 000: "Select Enable Digital Experiences. Enter a domain name, and then click Check Availability." */
function digitalExperiencesRow(facts: OrgFacts): ReadinessRow {
    const url = SETUP_URLS.digitalExperienceSettings;
    if (!facts.digitalExperiencesEnabled) {
        return row('DIGITAL_EXPERIENCES', url, [{ code: 'DIGITAL_EXPERIENCES_DISABLED', action: link(url) }]);
    }
    // Salesforce does not enable Digital Experiences without a domain: when Apex cannot read it,
    // the step is still done, the message just does not name it.
    return facts.experienceDomain
        ? done('DIGITAL_EXPERIENCES', url, 'DIGITAL_EXPERIENCES_ENABLED', [facts.experienceDomain])
        : done('DIGITAL_EXPERIENCES', url, 'DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN', []);
}

/**
 * Seed 000: "Allow using standard external profiles for self-registration, user creation, and
 * login" (CommunitiesSettings `enableOotbProfExtUserOpsEnable`). Metadata API settings are not
 * readable from Apex, so the admin confirms it; the confirmation is persisted.
 */
function standardExternalProfilesRow(facts: OrgFacts): ReadinessRow {
    const url = SETUP_URLS.digitalExperienceSettings;
    const confirmation = facts.confirmations?.find((item) => item.rowId === 'STANDARD_EXTERNAL_PROFILES');
    if (confirmation) {
        const values = [confirmation.confirmedByName ?? '', confirmation.confirmedAt ?? ''];
        return row(
            'STANDARD_EXTERNAL_PROFILES',
            url,
            [{ code: 'STANDARD_EXTERNAL_PROFILES_CONFIRMED', values, action: link(url) }],
            'done',
            'required',
            true,
        );
    }
    return row(
        'STANDARD_EXTERNAL_PROFILES',
        url,
        [{ code: 'STANDARD_EXTERNAL_PROFILES_UNCONFIRMED', action: { kind: 'confirm' } }],
        'confirm',
    );
}

/**
 * Seed 000 creates the account before the user. Accounts the admin creates are owned by the admin,
 * and Salesforce refuses to enable a contact as a portal user when the account owner has no role
 * ("portal account owner must have a role"). Setting a role is a choice of the admin's, so a link.
 */
function adminRoleRow(facts: OrgFacts): ReadinessRow {
    const admin = facts.runningUser;
    if (admin.roleId) {
        return done('ADMIN_ROLE', userUrl(admin.id), 'ADMIN_HAS_ROLE', [admin.name, admin.roleName ?? '']);
    }
    return row('ADMIN_ROLE', userUrl(admin.id), [
        { code: 'ADMIN_NO_ROLE', values: [admin.name], action: link(userUrl(admin.id)) },
    ]);
}

/** Customer Community Plus profiles, the chosen one first, then those with API Enabled, then custom ones. */
function qualifyingProfiles(facts: OrgFacts, choices: ReadinessChoices): ProfileFact[] {
    const rank = (profile: ProfileFact): number =>
        (profile.id === choices.profileId ? 0 : 4) +
        (profile.apiEnabled ? 0 : 2) +
        (profile.isCustom === false ? 1 : 0);
    return facts.profiles
        .filter((profile) => isCustomerCommunityPlus(profile.licenseName))
        .sort((a, b) => rank(a) - rank(b));
}

/** The profile the site and the seats are measured for: the chosen one if it qualifies, else the best one. */
function targetProfile(facts: OrgFacts, choices: ReadinessChoices): ProfileFact | undefined {
    return qualifyingProfiles(facts, choices)[0];
}

/** The chosen profile, when it is a Customer Community Plus one. */
function chosenProfile(facts: OrgFacts, choices: ReadinessChoices): ProfileFact | undefined {
    return facts.profiles.find(
        (profile) => profile.id === choices.profileId && isCustomerCommunityPlus(profile.licenseName),
    );
}

/**
 * Seed 000: "Clone and configure a customer community plus profile ... select API Enabled." A
 * standard profile cannot be edited, and Profile does not support DML: a clone by hand (or the
 * CLI script), API Enabled by hand. Every finding names and links the profile the row measures,
 * {@link targetProfile}: the chosen one (a standard one is to be cloned, not another profile
 * edited), else the best one.
 */
function profileRow(facts: OrgFacts, choices: ReadinessChoices): ReadinessRow {
    const url = SETUP_URLS.profiles;
    const best = targetProfile(facts, choices);
    if (!best) {
        return row('CCP_PROFILE', url, [{ code: 'CCP_PROFILE_MISSING', action: link(url) }]);
    }
    if (best.apiEnabled) {
        // A clone deployed from a profile retrieved without its objects keeps API Enabled but
        // loses object access (issue 11, "CLI profile clone"): Contracts users must read Contract.
        const missing = best.missingObjectAccess ?? [];
        if (missing.length > 0) {
            return row('CCP_PROFILE', profileUrl(best.id), [
                {
                    code: 'CCP_PROFILE_OBJECT_ACCESS_MISSING',
                    values: [best.name, missing.join(', ')],
                    action: link(profileUrl(best.id)),
                },
            ]);
        }
        return done('CCP_PROFILE', profileUrl(best.id), 'CCP_PROFILE_READY', [
            best.name,
            canonicalLicenseName(best.licenseName),
        ]);
    }
    // Unknown custom-ness counts as editable. Without a choice, a custom profile ranks before a
    // standard one, so a standard best means no custom profile qualifies.
    if (best.isCustom === false) {
        return row('CCP_PROFILE', url, [{ code: 'CCP_PROFILE_CLONE_NEEDED', values: [best.name], action: link(url) }]);
    }
    return row('CCP_PROFILE', profileUrl(best.id), [
        { code: 'CCP_PROFILE_API_DISABLED', values: [best.name], action: link(profileUrl(best.id)) },
    ]);
}

/** The line of one license on the seat row: used of total and left, or why there is none. */
function seatLine(seats: LicenseSeats): Reason {
    const counts = [seats.license, String(seats.used), String(seats.total)];
    if (!seats.present) return { code: 'CCP_SEATS_LICENSE_MISSING', values: [seats.license] };
    if (seats.left > 0) return { code: 'CCP_SEATS_LICENSE_LEFT', values: [...counts, String(seats.left)] };
    return { code: seats.total === 0 ? 'CCP_SEATS_LICENSE_EMPTY' : 'CCP_SEATS_LICENSE_FULL', values: counts };
}

/**
 * Seed 000: "User License: Customer Community Plus": each user takes a seat of their profile's
 * license. The seats of Customer Community Plus and of Customer Community Plus Login are shown
 * separately, each with its verdict. The row passes when a license it counts has seats left (a
 * license without seats is then a warning, not a failure); with a chosen profile only its license
 * counts: its users cannot take the other license's seats, so the other license's line is
 * `not-counted` (never `pass` next to a failing row, nor `warn` next to a passing one). A passing
 * row's main reason is the line of the first counted license with seats left, not the first line
 * (which can be a license that is not counted, "0 of 0"); the lines keep the license order.
 */
function seatsRow(facts: OrgFacts, choices: ReadinessChoices): ReadinessRow {
    const url = SETUP_URLS.companyInformation;
    const seats = ccpLicenseSeats(facts.userLicenses);
    const chosen = chosenProfile(facts, choices);
    const chosenLicense = chosen ? canonicalLicenseName(chosen.licenseName) : undefined;
    const counted = seats.filter((item) => !chosenLicense || item.license === chosenLicense);
    const passes = counted.some((item) => item.left > 0);
    const verdict = (item: LicenseSeats): SeatVerdict => {
        if (!counted.includes(item)) return 'not-counted';
        if (item.left > 0) return 'pass';
        return passes ? 'warn' : 'fail';
    };
    const lines: Finding[] = seats.map((item) => ({ ...seatLine(item), verdict: verdict(item), action: link(url) }));
    if (passes) {
        const passing = lines.find((line) => line.verdict === 'pass') as Finding;
        return row('CCP_SEATS', url, lines, 'done', 'required', false, passing);
    }
    // What to do comes first, then the lines it is measured on.
    const advice: Finding = seats.some((item) => item.present)
        ? {
              code: 'CCP_SEATS_EXHAUSTED',
              values: [counted.map((item) => item.license).join(', ')],
              action: link(url),
          }
        : { code: 'CCP_LICENSE_MISSING', action: link(url) };
    return row('CCP_SEATS', url, [advice, ...lines]);
}

/**
 * Seed 000: the two Contracts permission sets. They come with the Contracts permission set
 * licenses; assigning one needs a free seat of its license (TotalLicenses - UsedLicenses > 0).
 */
function permissionSetsRow(facts: OrgFacts): ReadinessRow {
    const findings: Finding[] = [];
    const seats: string[] = [];
    for (const known of Object.values(CONTRACTS_PERMISSION_SETS)) {
        const permissionSet = findPermissionSet(facts.permissionSets, known);
        if (!permissionSet) {
            findings.push({
                code: 'PERMISSION_SET_MISSING',
                values: [known.label],
                action: link(SETUP_URLS.permissionSets),
            });
            continue;
        }
        const psl = facts.permissionSetLicenses.find((item) => item.id === permissionSet.permissionSetLicenseId);
        if (psl && seatsLeft(psl) === 0) {
            findings.push({
                code: 'PERMISSION_SET_LICENSE_NO_SEATS',
                values: [permissionSet.label, psl.label, String(psl.totalLicenses), String(psl.usedLicenses)],
                action: link(SETUP_URLS.companyInformation),
            });
        } else {
            // The set, then its seats left ('' for a set that needs no license): the messages
            // word and format the count.
            seats.push(permissionSet.label, psl ? String(seatsLeft(psl)) : '');
        }
    }
    if (findings.length === 0) {
        return done('CONTRACTS_PERMISSION_SETS', SETUP_URLS.permissionSets, 'PERMISSION_SETS_READY', seats);
    }
    return row('CONTRACTS_PERMISSION_SETS', SETUP_URLS.permissionSets, findings);
}

/**
 * Member ids that let the target users in: the profile the admin chose (else the best qualifying
 * one, the profile the checklist measures everywhere; never "any Customer Community Plus
 * profile"), or a Contracts permission set.
 */
function memberIds(facts: OrgFacts, choices: ReadinessChoices): Set<string> {
    const target = targetProfile(facts, choices);
    const profiles = target ? [target] : [];
    // Membership through a permission set lets its holders in as well (NetworkMemberGroup.ParentId
    // may be a permission set); every Contracts portal user holds both Contracts sets.
    const permissionSets = Object.values(CONTRACTS_PERMISSION_SETS)
        .map((known) => findPermissionSet(facts.permissionSets, known))
        .filter((permissionSet): permissionSet is PermissionSetFact => !!permissionSet);
    return new Set([
        ...profiles.map((profile) => profile.id),
        ...permissionSets.map((permissionSet) => permissionSet.id),
    ]);
}

/**
 * Seed 000: "In Settings, click Activate ... In Preferences, select the Show All Settings in
 * Workspace ... In Members ... Select the profile that you cloned earlier". Network supports
 * update() (Status, OptionsShowAllNetworkSettings) and NetworkMemberGroup supports create(), so
 * each is a fix. Creating a site is Connect REST, not Apex: a link to All Sites, where "New"
 * offers the templates (Customer Account Portal, Customer Service, Build Your Own (Aura)).
 */
function siteRow(facts: OrgFacts, choices: ReadinessChoices): ReadinessRow {
    const url = SETUP_URLS.allSites;
    if (!facts.digitalExperiencesEnabled) {
        return row('SITE', url, [
            { code: 'SITE_NEEDS_DIGITAL_EXPERIENCES', action: link(SETUP_URLS.digitalExperienceSettings) },
        ]);
    }
    const members = memberIds(facts, choices);
    const problems = (site: SiteFact): Finding[] => {
        const found: Finding[] = [];
        if (site.status === 'UnderConstruction') {
            found.push({ code: 'SITE_NOT_LIVE', values: [site.name], action: fix('ACTIVATE_SITE', site.id) });
        } else if (site.status === 'DownForMaintenance') {
            found.push({ code: 'SITE_OFFLINE', values: [site.name], action: fix('ACTIVATE_SITE', site.id) });
        }
        if (!site.showAllSettings) {
            found.push({
                code: 'SITE_SHOW_ALL_SETTINGS_OFF',
                values: [site.name],
                action: fix('SHOW_ALL_SETTINGS', site.id),
            });
        }
        if (!site.memberParentIds.some((parentId) => members.has(parentId))) {
            const profile = targetProfile(facts, choices);
            // A membership of the target that is not Added yet: pending or failed, never "member".
            const waiting = (site.members ?? []).find(
                (member) => members.has(member.parentId) && memberStatusKind(member.assignmentStatus) !== 'added',
            );
            if (waiting) {
                const name =
                    facts.profiles.find((item) => item.id === waiting.parentId)?.name ??
                    facts.permissionSets.find((item) => item.id === waiting.parentId)?.label ??
                    waiting.parentId;
                const failed = memberStatusKind(waiting.assignmentStatus) === 'failed';
                found.push({
                    code: failed ? 'SITE_MEMBER_FAILED' : 'SITE_MEMBER_PENDING',
                    values: [site.name, name, waiting.assignmentStatus ?? ''],
                    action: link(url),
                });
                return found;
            }
            found.push(
                profile
                    ? {
                          code: 'SITE_PROFILE_NOT_MEMBER',
                          values: [site.name, profile.name],
                          action: fix('ADD_PROFILE_MEMBER', site.id, profile.id),
                      }
                    : { code: 'SITE_NO_PROFILE_TO_ADD', values: [site.name], action: link(SETUP_URLS.profiles) },
            );
        }
        return found;
    };
    const chosen = facts.sites.find((site) => site.id === choices.siteId);
    const candidates = chosen ? [chosen] : facts.sites;
    if (candidates.length === 0) {
        return row('SITE', url, [{ code: 'SITE_MISSING', action: link(url) }]);
    }
    // The site closest to ready: fewest problems, a Live one first, then the org's order.
    const measured = candidates
        .map((site, index) => ({ site, index, found: problems(site) }))
        .sort(
            (a, b) =>
                a.found.length - b.found.length ||
                Number(b.site.status === 'Live') - Number(a.site.status === 'Live') ||
                a.index - b.index,
        );
    const best = measured[0];
    // Activation sends the welcome email to members when "Send welcome email" is on: say which.
    const notes: Reason[] =
        best.site.sendWelcomeEmail === true || best.site.sendWelcomeEmail === false
            ? [
                  {
                      code: best.site.sendWelcomeEmail ? 'SITE_WELCOME_EMAIL_ON' : 'SITE_WELCOME_EMAIL_OFF',
                      values: [best.site.name],
                  },
              ]
            : [];
    const measuredRow =
        best.found.length === 0 ? done('SITE', url, 'SITE_READY', [best.site.name]) : row('SITE', url, best.found);
    return notes.length > 0 ? { ...measuredRow, notes } : measuredRow;
}

/**
 * Seed 000, "Actions Available for Customer Community Plus Users": documents reach portal users
 * only when someone holding CLM Runtime User or CLM Digital Experience Partner shares them. The
 * portal works without it, so a warning.
 */
function contractSharersRow(facts: OrgFacts): ReadinessRow {
    const url = SETUP_URLS.permissionSets;
    const sets = CONTRACT_SHARER_PERMISSION_SETS.map((known) => findPermissionSet(facts.permissionSets, known)).filter(
        (permissionSet): permissionSet is PermissionSetFact => !!permissionSet,
    );
    if (sets.length === 0) {
        const labels = CONTRACT_SHARER_PERMISSION_SETS.map((known) => known.label).join(', ');
        return row(
            'CONTRACT_SHARERS',
            url,
            [{ code: 'CONTRACT_SHARER_PERMISSION_SETS_MISSING', values: [labels], action: link(url) }],
            'needs-action',
            'warning',
        );
    }
    const holders = sets.reduce((sum, permissionSet) => sum + (permissionSet.activeAssigneeCount ?? 0), 0);
    const labels = sets.map((permissionSet) => permissionSet.label).join(', ');
    if (holders > 0) {
        return done('CONTRACT_SHARERS', url, 'CONTRACT_SHARERS_PRESENT', [String(holders), labels], 'warning');
    }
    return row(
        'CONTRACT_SHARERS',
        permissionSetUrl(sets[0].id),
        [{ code: 'CONTRACT_SHARERS_NONE', values: [labels], action: link(permissionSetUrl(sets[0].id)) }],
        'needs-action',
        'warning',
    );
}

/**
 * The readiness checklist.
 * @param facts what Apex read from the org
 * @param choices the profile and site the admin chose, if any
 * @returns one row per step, in {@link ROW_ORDER}
 */
export function evaluateReadiness(facts: OrgFacts, choices: ReadinessChoices = {}): ReadinessRow[] {
    const rows: Record<RowId, () => ReadinessRow> = {
        DIGITAL_EXPERIENCES: () => digitalExperiencesRow(facts),
        STANDARD_EXTERNAL_PROFILES: () => standardExternalProfilesRow(facts),
        ADMIN_ROLE: () => adminRoleRow(facts),
        CCP_PROFILE: () => profileRow(facts, choices),
        CCP_SEATS: () => seatsRow(facts, choices),
        CONTRACTS_PERMISSION_SETS: () => permissionSetsRow(facts),
        SITE: () => siteRow(facts, choices),
        CONTRACT_SHARERS: () => contractSharersRow(facts),
    };
    return ROW_ORDER.map((id) => rows[id]());
}

/**
 * Counts per status and progress.
 * @param rows the checklist
 * @returns the summary the checklist header shows
 */
export function summarizeReadiness(rows: readonly ReadinessRow[]): ReadinessSummary {
    const counts: Record<RowStatus, number> = { done: 0, 'needs-action': 0, confirm: 0 };
    rows.forEach((item) => counts[item.status]++);
    return {
        total: rows.length,
        counts,
        percentDone: rows.length === 0 ? 0 : Math.floor((counts.done * 100) / rows.length),
        ready: rows.every((item) => item.status === 'done' || item.severity === 'warning'),
    };
}
