/**
 * Enable users, the rules: for each selected contact, the User that "Enable Customer User" would
 * create (seed 000_552be9b3d93d1988.txt, "Create a customer community plus user by creating a
 * contact under an account and enable it as customer"), with every field the New User page asks
 * for derived, and every reason the insert would fail found before anything is written.
 *
 * Pure: facts in, a plan out, no DOM and no platform imports. Problems carry a stable `code`, the
 * `values` their message shows, the `field` they concern (when one) and a `fix` code; the UI words
 * both from Custom Labels. Each problem code implies exactly one fix ({@link FIX}).
 *
 * Work is linear in the number of rows: every uniqueness check is a Set or Map lookup.
 */
import { canonicalLicenseName } from 'c/licenseConversion';

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/** `User.Username` length (Salesforce Object Reference, User). */
export const MAX_USERNAME_LENGTH = 80;
/** `User.CommunityNickname` length (Salesforce Object Reference, User). */
export const MAX_NICKNAME_LENGTH = 40;
/** `User.Alias` length (Salesforce Object Reference, User). */
export const MAX_ALIAS_LENGTH = 8;
/** `User.Email` length (Salesforce Object Reference, User). */
export const MAX_EMAIL_LENGTH = 128;
/** `User.FirstName` length (Salesforce Object Reference, User). */
export const MAX_FIRST_NAME_LENGTH = 40;
/** `User.LastName` length (Salesforce Object Reference, User). */
export const MAX_LAST_NAME_LENGTH = 80;
/**
 * The most contacts one run enables (the product's limit, from the issue): 50 Apex calls of 200
 * rows (`c/bulkRunner`), and a selection an admin can still review row by row.
 */
export const MAX_SELECTION = 10000;

/**
 * Appended to the email to make the username. Usernames "must be unique across all Salesforce
 * orgs" (Salesforce Help, "Username"), so a bare email, which the customer may already use as a
 * username in another org, fails often; a suffix of the package's namespace makes it unlikely.
 */
export const DEFAULT_USERNAME_SUFFIX = '.ccsa';

/**
 * The permission sets seed 000 assigns to every Contracts portal user ("From the Permission Set
 * Assignments, click Edit Assignments and assign DocGen Run-time Community User, and Contract
 * Management CC Plus Digital Experience User permission set"). They ship with Salesforce
 * Contracts; they are preselected on every row.
 */
export const CONTRACTS_PERMISSION_SETS = [
    'DocGen Run-time Community User',
    'Contract Management CC Plus Digital Experience User',
] as const;

/** The licenses seed 000 enables contacts with ("User License: Customer Community Plus"), named and Login. */
export const ENABLEMENT_LICENSES = ['Customer Community Plus', 'Customer Community Plus Login'] as const;

/** The New User page's locale fields, which default to the running admin's. */
export const LOCALE_FIELDS = ['TimeZoneSidKey', 'LocaleSidKey', 'LanguageLocaleKey', 'EmailEncodingKey'] as const;
export type LocaleField = (typeof LOCALE_FIELDS)[number];
export type LocaleSettings = Record<LocaleField, string>;

// ---------------------------------------------------------------------------------------------
// Facts (in)
// ---------------------------------------------------------------------------------------------

/** A selected contact, with what Apex read about its account and any existing user. */
export interface ContactFact {
    /** `Contact.Id` (18 characters, as Apex returns it). */
    id: string;
    firstName?: string | null;
    lastName: string;
    email?: string | null;
    accountId?: string | null;
    accountName?: string | null;
    /** Whether the account's owner has a role (`Account.Owner.UserRoleId != null`). */
    accountOwnerHasRole: boolean;
    /** The user already enabled for this contact (`User.ContactId`), if any. */
    existingUserId?: string | null;
    /** That user's license: `UserLicense.Name` or `LicenseDefinitionKey`. */
    existingUserLicenseName?: string | null;
    /**
     * A customer typed inline that matches an existing contact (by email) or account (by name), or
     * another typed row (by email), and whose admin has not yet chosen "use the existing one" or
     * "create new" ({@link customerDuplicate}). The row is blocked until the choice is made.
     */
    duplicateOf?: CustomerDuplicate | null;
}

/**
 * What a typed customer matches, with the values its message shows:
 * - CUSTOMER_MATCHES_CONTACT [email, contact name, account name];
 * - CUSTOMER_DUPLICATE_IN_BATCH [email, row number of the other typed customer];
 * - CUSTOMER_MATCHES_ACCOUNT [account name].
 */
export interface CustomerDuplicate {
    code: 'CUSTOMER_MATCHES_CONTACT' | 'CUSTOMER_DUPLICATE_IN_BATCH' | 'CUSTOMER_MATCHES_ACCOUNT';
    values: readonly string[];
}

/** The profile chosen for the new users. */
export interface ProfileFact {
    id: string;
    name: string;
    /** `UserLicense.Name` or `LicenseDefinitionKey` of the profile's license. */
    licenseName: string;
    /** `Profile.PermissionsApiEnabled`. */
    permissionsApiEnabled: boolean;
}

/** A permission set the assistant offers: the Contracts ones and any others the admin may add. */
export interface PermissionSetFact {
    id: string;
    /** API name (`PermissionSet.Name`). */
    name: string;
    label: string;
    /** The permission set license it needs (`PermissionSetLicenseId` of its license), if any. */
    permissionSetLicenseId?: string | null;
    /** The user license it is tied to (`PermissionSet.License.Name`), if any. */
    userLicenseName?: string | null;
}

/** A permission set license and its seats left (`TotalLicenses - UsedLicenses`). */
export interface PermissionSetLicenseFact {
    id: string;
    label: string;
    seatsLeft: number;
}

/** What the org says, read once for the whole selection. */
export interface OrgFacts {
    /**
     * Usernames already in use in this org among the candidates (case-insensitive). Other orgs'
     * usernames cannot be read: a collision there surfaces as DUPLICATE_USERNAME at insert time.
     */
    takenUsernames: Iterable<string>;
    /** Community nicknames already in use in this org among the candidates (case-insensitive). */
    takenNicknames: Iterable<string>;
    /** The chosen profile, or null before the admin picks one. */
    profile: ProfileFact | null;
    /** Seats left on the profile's license. */
    licenseSeatsLeft: number;
    /** The permission sets found in the org (the Contracts ones by label, plus optional ones). */
    permissionSets: readonly PermissionSetFact[];
    /** The permission set licenses behind them, with their seats. */
    permissionSetLicenses: readonly PermissionSetLicenseFact[];
    /** The running admin's `TimeZoneSidKey`, `LocaleSidKey`, `LanguageLocaleKey`, `EmailEncodingKey`. */
    adminDefaults: LocaleSettings;
}

/**
 * Values the admin typed on a row. `undefined` or `null` means "use the derived value"; any string,
 * blank included, is taken as typed (a blank alias is a problem, not a request for the default):
 * the UI removes the key to return to the derived value.
 */
export interface RowOverrides {
    Username?: string | null;
    Email?: string | null;
    Alias?: string | null;
    CommunityNickname?: string | null;
    FirstName?: string | null;
    LastName?: string | null;
    TimeZoneSidKey?: string | null;
    LocaleSidKey?: string | null;
    LanguageLocaleKey?: string | null;
    EmailEncodingKey?: string | null;
    /** "Salesforce CRM Content User" for this row, over the batch's choice. */
    UserPermissionsSFContentUser?: boolean | null;
    permissionSetIds?: readonly string[] | null;
}

export interface EnablementOptions {
    /** Appended to each email to make the username; {@link DEFAULT_USERNAME_SUFFIX} when omitted, none when ''. */
    usernameSuffix?: string;
    /** Locale settings for the whole batch, over the admin's. */
    defaults?: Partial<LocaleSettings>;
    /** The permission sets for every row; the Contracts ones found in the org when omitted. */
    permissionSetIds?: readonly string[];
    /** Per-row values, by contact Id. */
    overrides?: Readonly<Record<string, RowOverrides | undefined>>;
    /**
     * "Salesforce CRM Content User" for every row; on when omitted (seed 000: "Select Salesforce
     * CRM Content User"). Apex sets it after creating the user, so a missing feature license leaves
     * the user without it rather than blocking the user.
     */
    contentUser?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Plan (out)
// ---------------------------------------------------------------------------------------------

/** The User to insert, in Salesforce field names, plus the assignments that follow it. */
export interface UserRequest extends LocaleSettings {
    ContactId: string;
    ProfileId: string;
    Username: string;
    Email: string;
    Alias: string;
    CommunityNickname: string;
    /** '' when the contact has none (Apex writes null). */
    FirstName: string;
    LastName: string;
    /** Seed 000: "Select Salesforce CRM Content User": on unless the admin turned it off. */
    UserPermissionsSFContentUser: boolean;
    permissionSetIds: string[];
    /** The permission set licenses those permission sets need, assigned before them. */
    permissionSetLicenseIds: string[];
}

/**
 * Problems. Row problems block their row; selection problems block the whole run.
 * See {@link FIX} for the fix each implies.
 */
export type ProblemCode =
    // row
    | 'EMAIL_MISSING'
    | 'EMAIL_INVALID'
    | 'LAST_NAME_MISSING'
    | 'NAME_TOO_LONG'
    | 'CONTACT_WITHOUT_ACCOUNT'
    | 'ACCOUNT_OWNER_WITHOUT_ROLE'
    | 'USER_EXISTS'
    | 'USER_EXISTS_OTHER_LICENSE'
    | 'CONTACT_DUPLICATE_IN_BATCH'
    | 'USERNAME_MISSING'
    | 'USERNAME_INVALID'
    | 'USERNAME_TOO_LONG'
    | 'USERNAME_TAKEN'
    | 'USERNAME_DUPLICATE_IN_BATCH'
    | 'NICKNAME_INVALID'
    | 'NICKNAME_TOO_LONG'
    | 'NICKNAME_TAKEN'
    | 'NICKNAME_DUPLICATE_IN_BATCH'
    | 'ALIAS_MISSING'
    | 'ALIAS_INVALID'
    | 'LOCALE_SETTING_MISSING'
    | 'CUSTOMER_MATCHES_CONTACT'
    | 'CUSTOMER_MATCHES_ACCOUNT'
    | 'CUSTOMER_DUPLICATE_IN_BATCH'
    // row or selection (permission set choices exist at both levels)
    | 'PERMISSION_SET_UNKNOWN'
    | 'PERMISSION_SET_LICENSE_MISMATCH'
    // selection
    | 'NO_CONTACTS_SELECTED'
    | 'SELECTION_TOO_LARGE'
    | 'USERNAME_SUFFIX_INVALID'
    | 'PROFILE_NOT_CHOSEN'
    | 'PROFILE_LICENSE_NOT_CCP'
    | 'PROFILE_API_DISABLED'
    | 'NOT_ENOUGH_LICENSE_SEATS'
    | 'PERMISSION_SET_MISSING'
    | 'NOT_ENOUGH_PSL_SEATS';

/** What the admin does about a problem; the UI turns each into a button, a link or a sentence. */
export type FixCode =
    | 'EDIT_EMAIL'
    | 'EDIT_NAME'
    | 'ASSIGN_ACCOUNT'
    | 'GIVE_ACCOUNT_OWNER_ROLE'
    | 'OPEN_USER_DOCTOR'
    | 'OPEN_LICENSE_UPGRADE'
    | 'REMOVE_DUPLICATE_ROW'
    | 'ENTER_USERNAME'
    | 'EDIT_USERNAME'
    | 'EDIT_NICKNAME'
    | 'EDIT_ALIAS'
    | 'EDIT_LOCALE_SETTING'
    | 'REMOVE_PERMISSION_SET'
    | 'SELECT_CONTACTS'
    | 'REDUCE_SELECTION'
    | 'EDIT_USERNAME_SUFFIX'
    | 'CHOOSE_CCP_PROFILE'
    | 'ENABLE_API_ON_PROFILE'
    | 'ADD_LICENSE_SEATS'
    | 'INSTALL_SALESFORCE_CONTRACTS'
    | 'ADD_PSL_SEATS'
    | 'CHOOSE_EXISTING_OR_NEW';

/**
 * The fix each problem implies:
 * - EMAIL_MISSING / EMAIL_INVALID → EDIT_EMAIL: set a valid email on the contact, or type one on the row.
 * - LAST_NAME_MISSING / NAME_TOO_LONG → EDIT_NAME: correct the name on the row.
 * - CONTACT_WITHOUT_ACCOUNT → ASSIGN_ACCOUNT: a portal user's contact must belong to an account
 *   (seed 000: "Create a customer community plus account and associate it with a contact").
 * - ACCOUNT_OWNER_WITHOUT_ROLE → GIVE_ACCOUNT_OWNER_ROLE: Salesforce refuses the user with "portal
 *   account owner must have a role"; give the owner a role or give the account an owner with one.
 * - USER_EXISTS → OPEN_USER_DOCTOR: the contact already has a Customer Community Plus user; check it.
 * - USER_EXISTS_OTHER_LICENSE → OPEN_LICENSE_UPGRADE: the contact has a user of another license;
 *   upgrade it rather than enable a second one (a contact has at most one user).
 * - CONTACT_DUPLICATE_IN_BATCH → REMOVE_DUPLICATE_ROW.
 * - USERNAME_MISSING → ENTER_USERNAME: a username cell the admin emptied (its own words, not "the
 *   username  is not …" with a blank where the value was).
 * - Other USERNAME_* → EDIT_USERNAME; NICKNAME_* → EDIT_NICKNAME; ALIAS_MISSING (an emptied alias
 *   cell) and ALIAS_INVALID → EDIT_ALIAS.
 * - LOCALE_SETTING_MISSING → EDIT_LOCALE_SETTING.
 * - PERMISSION_SET_UNKNOWN / PERMISSION_SET_LICENSE_MISMATCH → REMOVE_PERMISSION_SET.
 * - NO_CONTACTS_SELECTED → SELECT_CONTACTS; SELECTION_TOO_LARGE → REDUCE_SELECTION.
 * - USERNAME_SUFFIX_INVALID → EDIT_USERNAME_SUFFIX.
 * - PROFILE_NOT_CHOSEN / PROFILE_LICENSE_NOT_CCP → CHOOSE_CCP_PROFILE.
 * - PROFILE_API_DISABLED → ENABLE_API_ON_PROFILE (seed 000: "In the Administrative Permissions
 *   section, select API Enabled").
 * - NOT_ENOUGH_LICENSE_SEATS → ADD_LICENSE_SEATS: buy or free seats, or select fewer contacts.
 * - PERMISSION_SET_MISSING → INSTALL_SALESFORCE_CONTRACTS: the permission sets ship with it.
 * - NOT_ENOUGH_PSL_SEATS → ADD_PSL_SEATS: buy or free permission set license seats, or select fewer.
 * - CUSTOMER_MATCHES_CONTACT / CUSTOMER_MATCHES_ACCOUNT / CUSTOMER_DUPLICATE_IN_BATCH →
 *   CHOOSE_EXISTING_OR_NEW: a typed customer matches a record (or another typed row); matching rules
 *   are active by default and block the save, so the admin uses the existing one or creates a new one.
 */
export const FIX: Readonly<Record<ProblemCode, FixCode>> = {
    EMAIL_MISSING: 'EDIT_EMAIL',
    EMAIL_INVALID: 'EDIT_EMAIL',
    LAST_NAME_MISSING: 'EDIT_NAME',
    NAME_TOO_LONG: 'EDIT_NAME',
    CONTACT_WITHOUT_ACCOUNT: 'ASSIGN_ACCOUNT',
    ACCOUNT_OWNER_WITHOUT_ROLE: 'GIVE_ACCOUNT_OWNER_ROLE',
    USER_EXISTS: 'OPEN_USER_DOCTOR',
    USER_EXISTS_OTHER_LICENSE: 'OPEN_LICENSE_UPGRADE',
    CONTACT_DUPLICATE_IN_BATCH: 'REMOVE_DUPLICATE_ROW',
    USERNAME_MISSING: 'ENTER_USERNAME',
    USERNAME_INVALID: 'EDIT_USERNAME',
    USERNAME_TOO_LONG: 'EDIT_USERNAME',
    USERNAME_TAKEN: 'EDIT_USERNAME',
    USERNAME_DUPLICATE_IN_BATCH: 'EDIT_USERNAME',
    NICKNAME_INVALID: 'EDIT_NICKNAME',
    NICKNAME_TOO_LONG: 'EDIT_NICKNAME',
    NICKNAME_TAKEN: 'EDIT_NICKNAME',
    NICKNAME_DUPLICATE_IN_BATCH: 'EDIT_NICKNAME',
    ALIAS_MISSING: 'EDIT_ALIAS',
    ALIAS_INVALID: 'EDIT_ALIAS',
    LOCALE_SETTING_MISSING: 'EDIT_LOCALE_SETTING',
    PERMISSION_SET_UNKNOWN: 'REMOVE_PERMISSION_SET',
    PERMISSION_SET_LICENSE_MISMATCH: 'REMOVE_PERMISSION_SET',
    NO_CONTACTS_SELECTED: 'SELECT_CONTACTS',
    SELECTION_TOO_LARGE: 'REDUCE_SELECTION',
    USERNAME_SUFFIX_INVALID: 'EDIT_USERNAME_SUFFIX',
    PROFILE_NOT_CHOSEN: 'CHOOSE_CCP_PROFILE',
    PROFILE_LICENSE_NOT_CCP: 'CHOOSE_CCP_PROFILE',
    PROFILE_API_DISABLED: 'ENABLE_API_ON_PROFILE',
    NOT_ENOUGH_LICENSE_SEATS: 'ADD_LICENSE_SEATS',
    PERMISSION_SET_MISSING: 'INSTALL_SALESFORCE_CONTRACTS',
    NOT_ENOUGH_PSL_SEATS: 'ADD_PSL_SEATS',
    CUSTOMER_MATCHES_CONTACT: 'CHOOSE_EXISTING_OR_NEW',
    CUSTOMER_MATCHES_ACCOUNT: 'CHOOSE_EXISTING_OR_NEW',
    CUSTOMER_DUPLICATE_IN_BATCH: 'CHOOSE_EXISTING_OR_NEW',
};

/** A field of the request a problem or warning concerns, so the UI can mark the cell. */
export type RequestField = keyof UserRequest;

/** A blocking problem: a stable code, the values its message shows, and its fix. */
export interface Problem {
    code: ProblemCode;
    values: readonly string[];
    fix: FixCode;
    field?: RequestField;
}

/**
 * Warnings do not block:
 * - USERNAME_ADJUSTED [email + suffix, username]: the plain username was taken, a number was added;
 * - USERNAME_SHORTENED [email + suffix, username, 80]: the plain username is longer than a username
 *   may be, its local part was cut (and a number added when the cut one was taken);
 * - EMAIL_SHARED_IN_BATCH [email, rows]: several rows share the email (password resets go to one inbox);
 * - CONTRACTS_PERMISSION_SET_NOT_SELECTED [label]: the users will not see contract documents without it;
 * - NICKNAME_CHANGED_FOR_TYPED [nickname, name of the other row, nickname typed there]: the derived
 *   nickname is not the one derived without typed nicknames, because another row typed that one
 *   (a typed value is reserved first; the row the admin did not touch says why its value moved);
 * - USERNAME_CHANGED_FOR_TYPED [username, name of the other row, username typed there]: the same for
 *   a derived username (it replaces USERNAME_ADJUSTED on that row: the row names who took its value).
 */
export type WarningCode =
    | 'USERNAME_ADJUSTED'
    | 'USERNAME_SHORTENED'
    | 'EMAIL_SHARED_IN_BATCH'
    | 'CONTRACTS_PERMISSION_SET_NOT_SELECTED'
    | 'NICKNAME_CHANGED_FOR_TYPED'
    | 'USERNAME_CHANGED_FOR_TYPED';

export interface Warning {
    code: WarningCode;
    values: readonly string[];
    field?: RequestField;
}

export interface RowPlan {
    /** Position in the selection. */
    index: number;
    contactId: string;
    /** What would be inserted; fields that could not be derived are ''. */
    request: UserRequest;
    problems: Problem[];
    warnings: Warning[];
    /** No row problem: the row is written when the selection has no problem either. */
    canEnable: boolean;
}

export interface EnablementPlan {
    rows: RowPlan[];
    selectionProblems: Problem[];
    selectionWarnings: Warning[];
    /** Rows without problems: the users the run creates, and the license seats they take. */
    enableCount: number;
    /** Seats each permission set license needs for those rows, by permission set license Id. */
    permissionSetLicenseSeatsNeeded: Record<string, number>;
    /** No selection problem and at least one row to enable. */
    canProceed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Text rules
// ---------------------------------------------------------------------------------------------

const LOCAL_PART = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
/** local@domain.tld: dot-atoms, no spaces, labels without edge hyphens, an alphabetic top-level domain. */
const EMAIL = new RegExp(`^${LOCAL_PART}@(?:${LABEL}\\.)+[A-Za-z]{2,}$`);
/** A username is "in the form of an email address"; the suffix may end it with any label. */
const USERNAME = new RegExp(`^${LOCAL_PART}@(?:${LABEL}\\.)+${LABEL}$`);
/** '' or dot-separated labels, each led by a dot: ".ccsa", ".contracts.acme". */
const SUFFIX = new RegExp(`^(?:\\.${LABEL})*$`);

/**
 * A practical email check: trimmed, local@domain.tld, no spaces, at most 128 characters.
 * @param email the address
 * @returns whether Salesforce would accept it as `User.Email`
 */
export function isValidEmail(email: string | null | undefined): boolean {
    const value = (email ?? '').trim();
    return value.length > 0 && value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/**
 * A username in the form of an email address, at most 80 characters.
 * @param username the username
 * @returns whether it has the shape Salesforce requires
 */
export function isValidUsername(username: string | null | undefined): boolean {
    const value = (username ?? '').trim();
    return value.length > 0 && value.length <= MAX_USERNAME_LENGTH && USERNAME.test(value);
}

/**
 * Whether a username suffix, as the admin typed it, makes valid usernames: '' or dot-separated
 * labels (letters, digits, inner hyphens) once normalized ("ccsa", ".contracts.acme").
 * @param suffix the suffix as typed
 * @returns the problem to show on the field, or null when it is valid
 */
export function usernameSuffixProblem(suffix: string): Problem | null {
    const normalized = normalizeUsernameSuffix(suffix);
    return SUFFIX.test(normalized) ? null : problem('USERNAME_SUFFIX_INVALID', [normalized]);
}

/**
 * The suffix as used: trimmed, lower case, led by a dot ("ccsa" → ".ccsa").
 * @param suffix the configured suffix
 * @returns the normalized suffix ('' for none)
 */
export function normalizeUsernameSuffix(suffix: string): string {
    const value = suffix.trim().toLowerCase();
    return value === '' || value.startsWith('.') ? value : `.${value}`;
}

/** Letters that Unicode decomposition does not reduce to ASCII. */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
    ß: 'ss',
    æ: 'ae',
    ø: 'o',
    œ: 'oe',
    ł: 'l',
    đ: 'd',
    ð: 'd',
    þ: 'th',
    ı: 'i',
};

/**
 * Lower-case ASCII letters and digits only, accents stripped ("Zoë Łukasz-Müller" → "zoelukaszmuller").
 * @param text any text
 * @returns the folded text, possibly ''
 */
export function asciiFold(text: string | null | undefined): string {
    return (text ?? '')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[ßæøœłđðþı]/g, (letter) => UNDECOMPOSED[letter])
        .replace(/[^a-z0-9]/g, '');
}

/**
 * The name keys already folded, by first name, last name and email: the plan is derived again on
 * every keystroke in the username suffix, and the Unicode folding of every row's names (twice a
 * row: alias and nickname) was a fifth of it. Pure, so a remembered key is the same key; bounded
 * (a selection holds at most 10,000 contacts), emptied when full.
 */
const NAME_KEYS = new Map<string, string>();
const MAX_NAME_KEYS = 20000;

/**
 * First letter of the first name and the last name, folded ("Jane Doe" → "jdoe"); from the email's
 * local part when the names have no ASCII letter or digit; never empty ("user" as a last resort).
 */
function nameKey(firstName: string, lastName: string, email: string): string {
    // JSON: no separator a name could contain makes two triples one key.
    const cacheKey = JSON.stringify([firstName, lastName, email]);
    const known = NAME_KEYS.get(cacheKey);
    if (known !== undefined) {
        return known;
    }
    let key = asciiFold(firstName).slice(0, 1) + asciiFold(lastName);
    if (!key) {
        const at = email.lastIndexOf('@');
        key = asciiFold(at >= 0 ? email.slice(0, at) : email) || 'user';
    }
    if (NAME_KEYS.size >= MAX_NAME_KEYS) {
        NAME_KEYS.clear();
    }
    NAME_KEYS.set(cacheKey, key);
    return key;
}

/**
 * The alias Salesforce shows in lists: at most 8 characters, lower-case ASCII, never empty. It need
 * not be unique (Salesforce does not require unique aliases).
 * @param firstName the first name
 * @param lastName the last name
 * @param email used when the names give nothing
 * @returns the alias
 */
export function deriveAlias(firstName: string | null | undefined, lastName: string, email = ''): string {
    return nameKey(firstName ?? '', lastName, email).slice(0, MAX_ALIAS_LENGTH);
}

/**
 * The nickname before de-duplication: the alias rule without the 8-character cut, at most 40. Not
 * the email: the nickname is shown to other site members.
 * @param firstName the first name
 * @param lastName the last name
 * @param email used when the names give nothing
 * @returns the nickname base
 */
export function nicknameBase(firstName: string | null | undefined, lastName: string, email = ''): string {
    return nameKey(firstName ?? '', lastName, email).slice(0, MAX_NICKNAME_LENGTH);
}

/**
 * The nickname with de-duplication suffix `n` (0: none), cut so that the whole stays within 40
 * characters ("jdoe", "jdoe1", …; a 40-character base becomes 39 characters + "1").
 * @param base the nickname base
 * @param n the suffix number
 * @returns the candidate
 */
export function nicknameCandidate(base: string, n: number): string {
    if (n === 0) {
        return base.slice(0, MAX_NICKNAME_LENGTH);
    }
    const tag = String(n);
    return base.slice(0, MAX_NICKNAME_LENGTH - tag.length) + tag;
}

/**
 * The username before de-duplication: the email, lower case (usernames are case-insensitive), plus
 * the suffix ("Ann@Acme.com" + ".ccsa" → "ann@acme.com.ccsa").
 * @param email a valid email
 * @param suffix a normalized suffix
 * @returns the username base
 */
export function usernameBase(email: string, suffix: string): string {
    return email.trim().toLowerCase() + suffix;
}

/**
 * The username with de-duplication suffix `n` (0: none), the number added to the local part
 * ("ann1@acme.com.ccsa"), the local part cut when the whole would pass 80 characters.
 * @param base a username base
 * @param n the suffix number
 * @returns the candidate, or undefined when even a one-character local part does not fit
 */
export function usernameCandidate(base: string, n: number): string | undefined {
    const at = base.lastIndexOf('@');
    const rest = base.slice(at);
    const tag = n === 0 ? '' : String(n);
    const room = MAX_USERNAME_LENGTH - rest.length - tag.length;
    // A cut local part must not end with a dot ("a.b" → "a." is not an email's local part).
    const local = base.slice(0, Math.min(at, Math.max(room, 0))).replace(/\.+$/, '');
    return local ? local + tag + rest : undefined;
}

/** Labels and API names compared alike: "DocGen Run-time Community User" ~ "DocGenRuntimeCommunityUser". */
function permissionSetKey(text: string): string {
    return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Whether a license is one of {@link ENABLEMENT_LICENSES}.
 * @param license `UserLicense.Name` or `LicenseDefinitionKey`
 * @returns whether contacts are enabled with it
 */
export function isEnablementLicense(license: string | null | undefined): boolean {
    return !!license && (ENABLEMENT_LICENSES as readonly string[]).includes(canonicalLicenseName(license));
}

/**
 * The Contracts permission sets found among the facts, by label or API name.
 * @param permissionSets the permission sets found in the org
 * @returns per Contracts label, the permission set, or undefined when Salesforce Contracts is not installed
 */
export function findContractsPermissionSets(
    permissionSets: readonly PermissionSetFact[],
): Record<(typeof CONTRACTS_PERMISSION_SETS)[number], PermissionSetFact | undefined> {
    const byKey = new Map<string, PermissionSetFact>();
    for (const permissionSet of permissionSets) {
        byKey.set(permissionSetKey(permissionSet.label), permissionSet);
        byKey.set(permissionSetKey(permissionSet.name), permissionSet);
    }
    return {
        'DocGen Run-time Community User': byKey.get(permissionSetKey(CONTRACTS_PERMISSION_SETS[0])),
        'Contract Management CC Plus Digital Experience User': byKey.get(
            permissionSetKey(CONTRACTS_PERMISSION_SETS[1]),
        ),
    };
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

function problem(code: ProblemCode, values: readonly string[] = [], field?: RequestField): Problem {
    return field ? { code, values, fix: FIX[code], field } : { code, values, fix: FIX[code] };
}

function lowerSet(values: Iterable<string>): Set<string> {
    const set = new Set<string>();
    for (const value of values) {
        set.add(value.trim().toLowerCase());
    }
    return set;
}

function given<T>(value: T | null | undefined): value is T {
    return value !== undefined && value !== null;
}

/** Counts each key; keys seen more than once are batch duplicates. */
function countInto(counts: Map<string, number>, key: string): void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Hands out unique values from bases: each base keeps the next number to try, so that 10,000 rows
 * of "jdoe" cost 10,000 lookups, not 50 million.
 */
class UniqueNames {
    private readonly next = new Map<string, number>();

    constructor(
        private readonly taken: Set<string>,
        private readonly used: Set<string>,
        private readonly candidate: (base: string, n: number) => string | undefined,
    ) {}

    /** The first free candidate of the base, now reserved; undefined when none fits. */
    claim(base: string): string | undefined {
        let n = this.next.get(base) ?? 0;
        for (;;) {
            const value = this.candidate(base, n);
            n++;
            if (value === undefined) {
                this.next.set(base, n);
                return undefined;
            }
            if (!this.taken.has(value) && !this.used.has(value)) {
                this.next.set(base, n);
                this.used.add(value);
                return value;
            }
        }
    }
}

/** A username or nickname the admin typed on a row: the row's position and name, the value as typed. */
interface TypedValue {
    index: number;
    name: string;
    value: string;
}

/**
 * The note of a derived username or nickname that a value typed on another row moved: "changed to
 * {0} because {1} now uses {2}", or undefined when the row would have had this value anyway.
 * @param code the warning (USERNAME_CHANGED_FOR_TYPED, NICKNAME_CHANGED_FOR_TYPED)
 * @param field the row's field it is about
 * @param base the row's base value
 * @param derived the value the row derived
 * @param untyped the value the row would have derived without the typed values
 * @param typed the base's candidates, who typed each value, and the row's own position
 */
function movedForTyped(
    code: WarningCode,
    field: RequestField,
    base: string,
    derived: string,
    untyped: string | undefined,
    typed: {
        candidate: (base: string, n: number) => string | undefined;
        typedBy: ReadonlyMap<string, TypedValue>;
        index: number;
        walks: Map<string, CandidateWalk>;
    },
): Warning | undefined {
    if (untyped === undefined || untyped === derived) {
        return undefined;
    }
    const by = displacingValue(base, derived, typed.candidate, typed.typedBy, typed.index, typed.walks);
    return by ? { code, values: [derived, by.name, by.value], field } : undefined;
}

/**
 * The candidates of one base walked so far in a plan, and the typed values met on the way: each
 * candidate is walked once per plan, not once per row of the base (rows sharing a base, 250 a base
 * in 10,000 rows, walked its candidates again each: the plan grew as the square of the rows).
 */
interface CandidateWalk {
    /** The position of each candidate walked (its first, should two positions give one value). */
    readonly positions: Map<string, number>;
    /** The typed values among them, in order. */
    readonly hits: Array<{ n: number; owner: TypedValue }>;
    next: number;
    ended: boolean;
}

/**
 * The value typed on another row that a derived username or nickname had to pass on its way to its
 * value: the first of the base's candidates before the value that a row typed.
 * @param base the username or nickname base of the row
 * @param derived the value the row derived
 * @param candidate the candidates of the base (usernameCandidate, nicknameCandidate)
 * @param typedBy who typed each value (lower case)
 * @param index the row's own position (its own typed value is never "another row's")
 * @param walks the walks of this plan, by base (one map per candidate function)
 * @returns the row that typed it, or undefined when no typed value lies on the way
 */
function displacingValue(
    base: string,
    derived: string,
    candidate: (base: string, n: number) => string | undefined,
    typedBy: ReadonlyMap<string, TypedValue>,
    index: number,
    walks: Map<string, CandidateWalk>,
): TypedValue | undefined {
    let walk = walks.get(base);
    if (walk === undefined) {
        walk = { positions: new Map(), hits: [], next: 0, ended: false };
        walks.set(base, walk);
    }
    while (!walk.ended && !walk.positions.has(derived)) {
        const n = walk.next;
        walk.next += 1;
        const value = candidate(base, n);
        if (value === undefined) {
            walk.ended = true;
            break;
        }
        if (!walk.positions.has(value)) {
            walk.positions.set(value, n);
        }
        const owner = typedBy.get(value);
        if (owner) {
            walk.hits.push({ n, owner });
        }
    }
    const end = walk.positions.get(derived) ?? Number.POSITIVE_INFINITY;
    return walk.hits.find((hit) => hit.n < end && hit.owner.index !== index)?.owner;
}

/**
 * The name of a row as the plan derives it (typed names first): what a moved row's note calls the
 * row that took its value.
 */
function rowName(contact: ContactFact, overrides: RowOverrides): string {
    return [
        given(overrides.FirstName) ? overrides.FirstName : contact.firstName,
        given(overrides.LastName) ? overrides.LastName : contact.lastName,
    ]
        .map((part) => (part ?? '').trim())
        .filter(Boolean)
        .join(' ');
}

interface PermissionSetChoice {
    ids: string[];
    licenseIds: string[];
    problems: Problem[];
}

/**
 * Resolves the permission sets chosen for a row or the selection: unknown ones, and ones tied to a
 * user license other than the profile's, are problems ("a permission set that the user's license
 * does not allow" is refused by Salesforce when it is assigned).
 */
function choosePermissionSets(
    ids: readonly string[],
    byId: ReadonlyMap<string, PermissionSetFact>,
    profileLicense: string | undefined,
): PermissionSetChoice {
    const chosen = [...new Set(ids)];
    const licenseIds = new Set<string>();
    const problems: Problem[] = [];
    for (const id of chosen) {
        const permissionSet = byId.get(id);
        if (!permissionSet) {
            problems.push(problem('PERMISSION_SET_UNKNOWN', [id], 'permissionSetIds'));
            continue;
        }
        if (permissionSet.userLicenseName) {
            const license = canonicalLicenseName(permissionSet.userLicenseName);
            const allowed = profileLicense ? license === profileLicense : isEnablementLicense(license);
            if (!allowed) {
                problems.push(
                    problem('PERMISSION_SET_LICENSE_MISMATCH', [permissionSet.label, license], 'permissionSetIds'),
                );
            }
        }
        if (permissionSet.permissionSetLicenseId) {
            licenseIds.add(permissionSet.permissionSetLicenseId);
        }
    }
    return { ids: chosen, licenseIds: [...licenseIds], problems };
}

/**
 * Derives the User of every selected contact and validates the rows and the selection, before
 * anything is written.
 *
 * Usernames and nicknames are made unique against the org and the batch by adding a number
 * ("ann1@acme.com.ccsa", "jdoe1"), so a derived value is never reported as taken; a value the
 * admin typed is never changed: when it collides, the row gets USERNAME_TAKEN / NICKNAME_TAKEN (the
 * org) or *_DUPLICATE_IN_BATCH (every row that typed it). Typed values are reserved first, so a
 * derived value never takes one; a derived username or nickname that a typed one pushed away
 * (another number than it would have without any typed value) carries USERNAME_CHANGED_FOR_TYPED /
 * NICKNAME_CHANGED_FOR_TYPED, naming the row that typed it: a value the admin sees never moves
 * without a word. A contact selected twice keeps its first row; the later rows
 * repeat that row's request and carry CONTACT_DUPLICATE_IN_BATCH.
 *
 * @param contacts the selected contacts, in display order
 * @param org the org's facts
 * @param options the suffix, batch defaults, permission sets and per-row overrides
 * @returns a plan per row, in the order given, and the selection's own problems
 */
export function planEnablement(
    contacts: readonly ContactFact[],
    org: OrgFacts,
    options: EnablementOptions = {},
): EnablementPlan {
    const suffix = normalizeUsernameSuffix(options.usernameSuffix ?? DEFAULT_USERNAME_SUFFIX);
    const suffixValid = SUFFIX.test(suffix);
    const contentUser = options.contentUser ?? true;
    const overridesById = options.overrides ?? {};
    const profile = org.profile;
    const profileLicense = profile ? canonicalLicenseName(profile.licenseName) : undefined;
    const selectionProblems: Problem[] = [];
    const selectionWarnings: Warning[] = [];

    // Permission sets: the Contracts ones, preselected; others only when the admin adds them.
    const permissionSetsById = new Map(org.permissionSets.map((permissionSet) => [permissionSet.id, permissionSet]));
    const contracts = findContractsPermissionSets(org.permissionSets);
    const contractsIds: string[] = [];
    for (const label of CONTRACTS_PERMISSION_SETS) {
        const found = contracts[label];
        if (found) {
            contractsIds.push(found.id);
        } else {
            selectionProblems.push(problem('PERMISSION_SET_MISSING', [label]));
        }
    }
    const selectionChoice = choosePermissionSets(
        options.permissionSetIds ?? contractsIds,
        permissionSetsById,
        profileLicense,
    );
    selectionProblems.push(...selectionChoice.problems);
    for (const label of CONTRACTS_PERMISSION_SETS) {
        const found = contracts[label];
        if (found && !selectionChoice.ids.includes(found.id)) {
            selectionWarnings.push({ code: 'CONTRACTS_PERMISSION_SET_NOT_SELECTED', values: [label] });
        }
    }

    // Pass 1: the emails, and the usernames and nicknames the admin typed, counted over the batch.
    const takenUsernames = lowerSet(org.takenUsernames);
    const takenNicknames = lowerSet(org.takenNicknames);
    const usedUsernames = new Set<string>();
    const usedNicknames = new Set<string>();
    const typedUsernames = new Map<string, number>();
    const typedNicknames = new Map<string, number>();
    /** Who typed each username and nickname first (lower case): the row a displaced derived value names. */
    const usernameTypedBy = new Map<string, TypedValue>();
    const nicknameTypedBy = new Map<string, TypedValue>();
    const emailCounts = new Map<string, number>();
    const firstRowOf = new Map<string, number>();
    contacts.forEach((contact, index) => {
        if (firstRowOf.has(contact.id)) {
            return;
        }
        firstRowOf.set(contact.id, index);
        const overrides = overridesById[contact.id];
        const email = (given(overrides?.Email) ? overrides.Email : (contact.email ?? '')).trim().toLowerCase();
        if (email) {
            countInto(emailCounts, email);
        }
        if (given(overrides?.Username)) {
            const username = overrides.Username.trim().toLowerCase();
            countInto(typedUsernames, username);
            usedUsernames.add(username);
            if (!usernameTypedBy.has(username)) {
                usernameTypedBy.set(username, { index, name: rowName(contact, overrides), value: username });
            }
        }
        if (given(overrides?.CommunityNickname)) {
            const nickname = overrides.CommunityNickname.trim().toLowerCase();
            countInto(typedNicknames, nickname);
            usedNicknames.add(nickname);
            if (!nicknameTypedBy.has(nickname)) {
                nicknameTypedBy.set(nickname, {
                    index,
                    name: rowName(contact, overrides),
                    value: overrides.CommunityNickname.trim(),
                });
            }
        }
    });
    const usernames = new UniqueNames(takenUsernames, usedUsernames, usernameCandidate);
    const nicknames = new UniqueNames(takenNicknames, usedNicknames, nicknameCandidate);
    // The usernames and nicknames as derived with no typed value at all (every row derives its own):
    // a derived value that differs from its twin here was moved by a typed one.
    const untypedUsernames =
        usernameTypedBy.size > 0 ? new UniqueNames(takenUsernames, new Set(), usernameCandidate) : undefined;
    const untypedNicknames =
        nicknameTypedBy.size > 0 ? new UniqueNames(takenNicknames, new Set(), nicknameCandidate) : undefined;
    const usernameWalks = new Map<string, CandidateWalk>();
    const nicknameWalks = new Map<string, CandidateWalk>();

    const locale = {} as LocaleSettings;
    for (const field of LOCALE_FIELDS) {
        locale[field] = options.defaults?.[field] ?? org.adminDefaults[field] ?? '';
    }

    // Pass 2: derive and validate each row.
    const rows: RowPlan[] = [];
    contacts.forEach((contact, index) => {
        const first = firstRowOf.get(contact.id) as number;
        if (first !== index) {
            rows.push({
                index,
                contactId: contact.id,
                request: { ...rows[first].request },
                problems: [problem('CONTACT_DUPLICATE_IN_BATCH', [String(first + 1)])],
                warnings: [],
                canEnable: false,
            });
            return;
        }
        const overrides = overridesById[contact.id] ?? {};
        const problems: Problem[] = [];
        const warnings: Warning[] = [];

        // Names, from the contact (seed 000: "Add the required details in the Name field").
        const firstName = (given(overrides.FirstName) ? overrides.FirstName : (contact.firstName ?? '')).trim();
        const lastName = (given(overrides.LastName) ? overrides.LastName : contact.lastName).trim();
        if (!lastName) {
            problems.push(problem('LAST_NAME_MISSING', [], 'LastName'));
        } else if (lastName.length > MAX_LAST_NAME_LENGTH) {
            problems.push(problem('NAME_TOO_LONG', [lastName, String(MAX_LAST_NAME_LENGTH)], 'LastName'));
        }
        if (firstName.length > MAX_FIRST_NAME_LENGTH) {
            problems.push(problem('NAME_TOO_LONG', [firstName, String(MAX_FIRST_NAME_LENGTH)], 'FirstName'));
        }

        // Email (required on User; the username is built from it).
        const email = (given(overrides.Email) ? overrides.Email : (contact.email ?? '')).trim();
        const emailValid = isValidEmail(email);
        if (!email) {
            problems.push(problem('EMAIL_MISSING', [], 'Email'));
        } else if (!emailValid) {
            problems.push(problem('EMAIL_INVALID', [email], 'Email'));
        } else {
            const shared = emailCounts.get(email.toLowerCase()) as number;
            if (shared > 1) {
                warnings.push({ code: 'EMAIL_SHARED_IN_BATCH', values: [email, String(shared)], field: 'Email' });
            }
        }

        // Account: a portal user's contact needs an account whose owner has a role.
        if (!contact.accountId) {
            problems.push(problem('CONTACT_WITHOUT_ACCOUNT'));
        } else if (!contact.accountOwnerHasRole) {
            problems.push(problem('ACCOUNT_OWNER_WITHOUT_ROLE', [contact.accountName ?? '']));
        }

        // A typed customer that matches a record waits for the admin's choice: existing or new.
        if (contact.duplicateOf) {
            problems.push(problem(contact.duplicateOf.code, contact.duplicateOf.values));
        }

        // A contact has at most one user: check it (doctor) or upgrade it (license upgrade).
        if (contact.existingUserId) {
            const license = contact.existingUserLicenseName
                ? canonicalLicenseName(contact.existingUserLicenseName)
                : '';
            const onTarget = !license || isEnablementLicense(license);
            problems.push(
                problem(onTarget ? 'USER_EXISTS' : 'USER_EXISTS_OTHER_LICENSE', [contact.existingUserId, license]),
            );
        }

        // Username: typed values are checked as typed; derived ones are made unique.
        let username = '';
        const untypedUsername =
            emailValid && suffixValid ? untypedUsernames?.claim(usernameBase(email, suffix)) : undefined;
        if (given(overrides.Username)) {
            username = overrides.Username.trim().toLowerCase();
            if (!username) {
                // An emptied cell: nothing to quote in "The username {0} is not …".
                problems.push(problem('USERNAME_MISSING', [], 'Username'));
            } else if (username.length > MAX_USERNAME_LENGTH) {
                problems.push(problem('USERNAME_TOO_LONG', [username, String(MAX_USERNAME_LENGTH)], 'Username'));
            } else if (!isValidUsername(username)) {
                problems.push(problem('USERNAME_INVALID', [username], 'Username'));
            } else if (takenUsernames.has(username)) {
                problems.push(problem('USERNAME_TAKEN', [username], 'Username'));
            } else if ((typedUsernames.get(username) as number) > 1) {
                problems.push(problem('USERNAME_DUPLICATE_IN_BATCH', [username], 'Username'));
            }
        } else if (emailValid && !suffixValid) {
            // An invalid suffix makes no valid username: the row waits for the suffix to be fixed
            // (shown as it would be; nothing claimed, nothing said "taken").
            username = usernameBase(email, suffix);
            problems.push(problem('USERNAME_SUFFIX_INVALID', [suffix], 'Username'));
        } else if (emailValid) {
            const base = usernameBase(email, suffix);
            const claimed = usernames.claim(base);
            if (claimed === undefined) {
                problems.push(problem('USERNAME_TOO_LONG', [base, String(MAX_USERNAME_LENGTH)], 'Username'));
            } else {
                username = claimed;
                // The generic "was taken" would hide that another row took it: name that row.
                const moved = movedForTyped('USERNAME_CHANGED_FOR_TYPED', 'Username', base, claimed, untypedUsername, {
                    candidate: usernameCandidate,
                    typedBy: usernameTypedBy,
                    index,
                    walks: usernameWalks,
                });
                if (moved) {
                    warnings.push(moved);
                }
                if (claimed !== base && base.length > MAX_USERNAME_LENGTH) {
                    // Cut to fit, not taken: "was taken" would send the admin looking for a user.
                    // Beside the typed row's note when both apply: that note alone would not say why
                    // the username lost most of its email.
                    warnings.push({
                        code: 'USERNAME_SHORTENED',
                        values: [base, claimed, String(MAX_USERNAME_LENGTH)],
                        field: 'Username',
                    });
                } else if (claimed !== base && !moved) {
                    warnings.push({ code: 'USERNAME_ADJUSTED', values: [base, claimed], field: 'Username' });
                }
            }
        }

        // Nickname: unique in the org ("Define other required fields, such as email and nickname").
        let nickname: string;
        const baseNickname = nicknameBase(firstName, lastName, email);
        const untyped = untypedNicknames?.claim(baseNickname);
        if (given(overrides.CommunityNickname)) {
            nickname = overrides.CommunityNickname.trim();
            const key = nickname.toLowerCase();
            if (!nickname) {
                problems.push(problem('NICKNAME_INVALID', [], 'CommunityNickname'));
            } else if (nickname.length > MAX_NICKNAME_LENGTH) {
                problems.push(
                    problem('NICKNAME_TOO_LONG', [nickname, String(MAX_NICKNAME_LENGTH)], 'CommunityNickname'),
                );
            } else if (takenNicknames.has(key)) {
                problems.push(problem('NICKNAME_TAKEN', [nickname], 'CommunityNickname'));
            } else if ((typedNicknames.get(key) as number) > 1) {
                problems.push(problem('NICKNAME_DUPLICATE_IN_BATCH', [nickname], 'CommunityNickname'));
            }
        } else {
            // Counters always find a free candidate: a number only grows, and the set is finite.
            nickname = nicknames.claim(baseNickname) as string;
            const moved = movedForTyped(
                'NICKNAME_CHANGED_FOR_TYPED',
                'CommunityNickname',
                baseNickname,
                nickname,
                untyped,
                {
                    candidate: nicknameCandidate,
                    typedBy: nicknameTypedBy,
                    index,
                    walks: nicknameWalks,
                },
            );
            if (moved) {
                warnings.push(moved);
            }
        }

        let alias: string;
        if (given(overrides.Alias)) {
            alias = overrides.Alias.trim();
            if (!alias) {
                problems.push(problem('ALIAS_MISSING', [], 'Alias'));
            } else if (alias.length > MAX_ALIAS_LENGTH) {
                problems.push(problem('ALIAS_INVALID', [alias, String(MAX_ALIAS_LENGTH)], 'Alias'));
            }
        } else {
            alias = deriveAlias(firstName, lastName, email);
        }

        const settings = {} as LocaleSettings;
        for (const field of LOCALE_FIELDS) {
            const value = (given(overrides[field]) ? overrides[field] : locale[field]).trim();
            settings[field] = value;
            if (!value) {
                problems.push(problem('LOCALE_SETTING_MISSING', [field], field));
            }
        }

        let choice = selectionChoice;
        if (given(overrides.permissionSetIds)) {
            choice = choosePermissionSets(overrides.permissionSetIds, permissionSetsById, profileLicense);
            problems.push(...choice.problems);
        }

        rows.push({
            index,
            contactId: contact.id,
            request: {
                ContactId: contact.id,
                ProfileId: profile?.id ?? '',
                Username: username,
                Email: email,
                Alias: alias,
                CommunityNickname: nickname,
                FirstName: firstName,
                LastName: lastName,
                ...settings,
                UserPermissionsSFContentUser: given(overrides.UserPermissionsSFContentUser)
                    ? overrides.UserPermissionsSFContentUser
                    : contentUser,
                permissionSetIds: [...choice.ids],
                permissionSetLicenseIds: [...choice.licenseIds],
            },
            problems,
            warnings,
            canEnable: problems.length === 0,
        });
    });

    // The selection: size, suffix, profile, seats.
    if (contacts.length === 0) {
        selectionProblems.push(problem('NO_CONTACTS_SELECTED'));
    } else if (contacts.length > MAX_SELECTION) {
        selectionProblems.push(problem('SELECTION_TOO_LARGE', [String(contacts.length), String(MAX_SELECTION)]));
    }
    if (!suffixValid) {
        selectionProblems.push(problem('USERNAME_SUFFIX_INVALID', [suffix]));
    }
    const enabled = rows.filter((row) => row.canEnable);
    if (!profile) {
        selectionProblems.push(problem('PROFILE_NOT_CHOSEN', [], 'ProfileId'));
    } else {
        // Seed 000: "User License: Customer Community Plus"; the Login license works the same way.
        if (!isEnablementLicense(profileLicense)) {
            selectionProblems.push(
                problem('PROFILE_LICENSE_NOT_CCP', [profile.name, profileLicense as string], 'ProfileId'),
            );
        }
        // Seed 000: "In the Administrative Permissions section, select API Enabled".
        if (!profile.permissionsApiEnabled) {
            selectionProblems.push(problem('PROFILE_API_DISABLED', [profile.name], 'ProfileId'));
        }
        // Each new user takes a seat of the profile's license: counted for the whole selection.
        const seatsLeft = Math.max(0, org.licenseSeatsLeft);
        if (enabled.length > seatsLeft) {
            selectionProblems.push(
                problem('NOT_ENOUGH_LICENSE_SEATS', [
                    profileLicense as string,
                    String(enabled.length),
                    String(seatsLeft),
                ]),
            );
        }
    }

    // Each new user takes one seat of each permission set license its permission sets need.
    // A license the facts do not describe cannot be counted: Salesforce refuses the assignment then.
    const permissionSetLicenseSeatsNeeded: Record<string, number> = {};
    for (const row of enabled) {
        for (const id of row.request.permissionSetLicenseIds) {
            permissionSetLicenseSeatsNeeded[id] = (permissionSetLicenseSeatsNeeded[id] ?? 0) + 1;
        }
    }
    for (const license of org.permissionSetLicenses) {
        const needed = permissionSetLicenseSeatsNeeded[license.id] ?? 0;
        const seatsLeft = Math.max(0, license.seatsLeft);
        if (needed > seatsLeft) {
            selectionProblems.push(problem('NOT_ENOUGH_PSL_SEATS', [license.label, String(needed), String(seatsLeft)]));
        }
    }

    return {
        rows,
        selectionProblems,
        selectionWarnings,
        enableCount: enabled.length,
        permissionSetLicenseSeatsNeeded,
        canProceed: selectionProblems.length === 0 && enabled.length > 0,
    };
}
