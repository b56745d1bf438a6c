/**
 * Sample org implementation of `UserSetupController` (force-app/main/user-setup/classes), over
 * the sample org's records: the reads of `UserSetupService` (through the queries of
 * `UserSetupSelector`), its inline accounts and contacts, and `UserEnablementService.enable`
 * with its `Setup_Assistant_Log__c` records. Where Apex relies on the platform (DML on Account,
 * Contact, User and the assignments), the platform's behaviour is emulated: required fields,
 * field lengths, email format, unique usernames and nicknames, license seats, the account owner's
 * role, the portal role a new Customer Community Plus user gets, permission set licenses before
 * the permission sets that need them.
 *
 * As in the sample org generally, an empty string stands for a null text field whose type here
 * is a plain string (Salesforce stores an empty text as null): a contact typed without a first
 * name has `FirstName: ''`, and the facts leave it out as Apex leaves a null out.
 */
import BATCH_SIZE from '@salesforce/label/c.CCSA_Upgrade_Batch_Size';
import CONTACT_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Contact_Not_Found';
import LICENSE_NOT_ALLOWED from '@salesforce/label/c.CCSA_Policy_License_Not_Allowed';
import PERMISSION_SET_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Permission_Set_Not_Found';
import PROFILE_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Profile_Not_Found';
import DUPLICATE_FOUND from '@salesforce/label/c.CCSA_Enable_Duplicate_Found';
import NAME_PATTERN_INVALID from '@salesforce/label/c.CCSA_Enable_Name_Pattern_Invalid';
import { formatLabel } from 'c/labelFormat';
import { escapeLike } from 'c/enablementRun';
import { toId18 } from '../data/random';
import { apexMethod, ApexException } from '../apexMethod';
import { withoutEmails } from '../emails';
import { assertAdmin, requireCapability } from '../guard';
import { licenseById, newRecordId, platformNow, profileById, userById } from '../org';
import {
    allowList,
    checkAssignableLicenses,
    checkAssignablePermissionSets,
    checkContacts,
    checkEnableProfiles,
    checkExternalUsers,
    checkRoleBasedBatch,
    throwIfRefused,
} from '../policy';
import type { Refusal } from '../policy';
import { keysetPage } from '../keyset';
import { currentSession } from '../session';
import type { Session } from '../session';
import { insertLogRecord, type UnwrittenLog } from '../logWriter';
import type { Account, Contact, Id, PermissionSet, Profile, SampleOrg, SetupAssistantLog, User } from '../types';
import {
    LICENSE_LIMIT_EXCEEDED,
    error,
    insertLicenseAssignment,
    insertPermissionSetAssignment,
    isBlank,
    isRoleBased,
    licenseNameOfProfile,
    likeMatcher,
    portalRoleFor,
} from '../platform';
import type { DatabaseError } from '../platform';

type ContactFact = Apex.UserSetupService.ContactFact;
type EnablementFacts = Apex.UserSetupService.EnablementFacts;
type PermissionSetFact = Apex.UserSetupService.PermissionSetFact;
type PermissionSetLicenseFact = Apex.UserSetupService.PermissionSetLicenseFact;
type ProfileFact = Apex.UserSetupService.ProfileFact;
type NewCustomer = Apex.UserSetupService.NewCustomer;
type NewCustomerResult = Apex.UserSetupService.NewCustomerResult;
type CustomerMatches = Apex.UserSetupService.CustomerMatches;
type EnableRequest = Apex.UserEnablementService.EnableRequest;
type EnableResult = Apex.UserEnablementService.EnableResult;
type Problem = Apex.UserEnablementService.Problem;

/** As `UserSetupService.MAX_ROWS`. */
const MAX_ROWS = 200;
/** As `UserSetupService.MAX_NAME_ROWS` and `MAX_PERMISSION_SETS`. */
const MAX_NAME_ROWS = 10000;
const MAX_PERMISSION_SETS = 500;
/** As `UserSetupService.MAX_NAME_PATTERNS` and `MAX_MATCHES`. */
const MAX_NAME_PATTERNS = 2 * MAX_ROWS;
const MAX_MATCHES = 1000;

/**
 * The sample org's `Setup_Assistant_Setting__mdt` record Default and its feature licenses, which
 * the sample data does not model: `roleBasedInsertChunkSize` as the shipped record (50), and the
 * "Salesforce CRM Content User" feature licenses left (null: never short). Tests change them
 * through {@link setSampleSettings} as Apex tests set `SetupAssistantSettings`' override.
 */
const settings: { roleBasedInsertChunkSize: number; contentLicensesLeft: number | null } = {
    roleBasedInsertChunkSize: 50,
    contentLicensesLeft: null,
};

/**
 * Changes the sample settings (tests and the preview's scenarios); omitted keys keep their value.
 * @param changes the new values
 */
export function setSampleSettings(changes: Partial<typeof settings>): void {
    Object.assign(settings, changes);
}

/** The sample settings as they are now (the simulated job engine's chunk size). */
export function sampleSettings(): Readonly<typeof settings> {
    return settings;
}

/** Restores the shipped settings. */
export function resetSampleSettings(): void {
    settings.roleBasedInsertChunkSize = 50;
    settings.contentLicensesLeft = null;
}

/** As `UserSetupService.ENABLEMENT_LICENSES` (SOQL IN ignores case). */
const ENABLEMENT_LICENSES = new Set(['customer community plus', 'customer community plus login']);

/** As `UserEnablementService.ACTION` and `STATUS_REFUSED`. */
const ACTION = 'ENABLE_USER';
const STATUS_REFUSED = 'Refused';

/** As `UserSetupService.CREATE_ACCOUNT_ACTION` and `CREATE_CONTACT_ACTION`. */
const CREATE_ACCOUNT_ACTION = 'CREATE_ACCOUNT';
const CREATE_CONTACT_ACTION = 'CREATE_CONTACT';

/**
 * A `UserSetupService.UserSetupException`, as the controller hands it on: an AuraHandledException
 * with its message (`SetupAssistantAccess.toAuraException`).
 */
/** As `UserSetupService.MAX_NAME_PATTERN_LENGTH`. */
const MAX_NAME_PATTERN_LENGTH = 255;

/**
 * As `UserSetupService.requireAnchoredPatterns`: a taken-name pattern must start with the name it
 * looks for (no leading "%" or "_", at most 255 characters); blank ones are ignored.
 * @param patterns the patterns sent
 */
function requireAnchoredPatterns(patterns: readonly string[] | null | undefined): void {
    for (const pattern of patterns ?? []) {
        if (!pattern || !pattern.trim()) {
            continue;
        }
        if (pattern.length > MAX_NAME_PATTERN_LENGTH || pattern.startsWith('%') || pattern.startsWith('_')) {
            const shown = pattern.length > 60 ? `${pattern.slice(0, 57)}...` : pattern;
            throw new ApexException(formatLabel(NAME_PATTERN_INVALID, shown), 'System.AuraHandledException');
        }
    }
}

function batchSizeError(): ApexException {
    return new ApexException(formatLabel(BATCH_SIZE, MAX_ROWS), 'System.AuraHandledException');
}

/* ---------------------------------------------------------------------------------------------
 * Helpers: SOQL semantics and Apex's JSON.
 * ------------------------------------------------------------------------------------------- */

/** An empty text field is null in Salesforce. */
function orNull(value: string | null | undefined): string | null {
    return value === undefined || value === null || value === '' ? null : value;
}

/** Apex leaves a null field out of an @AuraEnabled response. */
function withoutNulls<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** `WHERE field LIKE :p0 OR field LIKE :p1 ...` (`UserSetupSelector.selectUsersMatching`): any of the patterns. */
function likeAny(patterns: ReadonlyArray<string | null>): (value: string | null | undefined) => boolean {
    const matchers = patterns.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map(likeMatcher);
    return (value) => matchers.some((matches) => matches(value));
}

/** SOQL ORDER BY on text, ascending: case-insensitive, nulls first. */
function compareText(a: string | null | undefined, b: string | null | undefined): number {
    const left = orNull(a);
    const right = orNull(b);
    if (left === null || right === null) {
        return left === right ? 0 : left === null ? -1 : 1;
    }
    return left.localeCompare(right, 'en', { sensitivity: 'base' });
}

/** `Contact.Name`: first and last name (en_US order). */
function contactName(contact: Contact): string {
    return [orNull(contact.FirstName), orNull(contact.LastName)].filter((part) => part !== null).join(' ');
}

function isPermissionSetLicense(org: SampleOrg, id: Id | null | undefined): boolean {
    return !!id && org.PermissionSetLicense.some((license) => license.Id === id);
}

/* ---------------------------------------------------------------------------------------------
 * Reads: `UserSetupService.searchContacts` and `getFacts`.
 * ------------------------------------------------------------------------------------------- */

/** `selectUsersOfContacts`, keyed by contact as `usersByContact` (the last one read wins). */
function usersByContact(org: SampleOrg, contacts: ReadonlyArray<Contact>): Map<Id, User> {
    const contactIds = new Set(contacts.map((c) => c.Id));
    const users = new Map<Id, User>();
    for (const user of org.User) {
        if (user.ContactId && contactIds.has(user.ContactId)) {
            users.set(user.ContactId, user);
        }
    }
    return users;
}

/** As `UserSetupService.toFacts`. */
function toFacts(org: SampleOrg, contacts: ReadonlyArray<Contact>): ContactFact[] {
    const users = usersByContact(org, contacts);
    return contacts.map((contact) => {
        const account = org.Account.find((a) => a.Id === contact.AccountId);
        const existing = users.get(contact.Id);
        return withoutNulls<ContactFact>({
            id: contact.Id,
            name: contactName(contact),
            firstName: orNull(contact.FirstName),
            lastName: contact.LastName,
            email: orNull(contact.Email),
            accountId: contact.AccountId,
            accountName: account?.Name ?? null,
            // "portal account owner must have a role": checked for every contact's account.
            accountOwnerHasRole: !!userById(org, account?.OwnerId)?.UserRoleId,
            existingUserId: existing?.Id ?? null,
            existingUserLicenseName: existing ? (licenseNameOfProfile(org, existing.ProfileId) ?? null) : null,
        });
    });
}

export const searchContacts: typeof import('@salesforce/apex/UserSetupController.searchContacts').default = apexMethod<
    { searchTerm?: string | null; afterName?: string | null; afterId?: Id | null },
    ContactFact[]
>(({ searchTerm, afterName, afterId }) => {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, 'ENABLE_USERS');
    const { org } = session;
    let contacts = [...org.Contact];
    if (!isBlank(searchTerm)) {
        // `Name LIKE :pattern OR Email LIKE :pattern OR Account.Name LIKE :pattern`, the term's
        // `%`, `_` and `\` escaped (`SoqlLike.contains`).
        const matches = likeMatcher(`%${escapeLike((searchTerm as string).trim())}%`);
        contacts = contacts.filter(
            (c) =>
                matches(contactName(c)) ||
                matches(c.Email) ||
                matches(org.Account.find((a) => a.Id === c.AccountId)?.Name),
        );
    }
    // As the Apex: ORDER BY Name, Id LIMIT 200 after the cursor (keyset paging, no OFFSET ceiling).
    return toFacts(
        org,
        keysetPage(contacts, contactName, (c) => c.Id, { afterName, afterId }, MAX_ROWS),
    );
});

/** `selectAssignablePermissionSets` with the policy's allow-list (labels or API names), ordered by label. */
function assignablePermissionSets(org: SampleOrg): PermissionSet[] {
    const allowed = allowList(org);
    return org.PermissionSet.filter(
        (ps) =>
            !ps.IsOwnedByProfile &&
            !ps.PermissionSetGroupId &&
            (allowed.has(ps.Label.toLowerCase()) || allowed.has(ps.Name.toLowerCase())),
    )
        .sort((a, b) => compareText(a.Label, b.Label))
        .slice(0, MAX_PERMISSION_SETS);
}

export const getEnablementFacts: typeof import('@salesforce/apex/UserSetupController.getEnablementFacts').default =
    apexMethod<{ contactIds: string[]; usernamePatterns: string[]; nicknamePatterns: string[] }, EnablementFacts>(
        ({ contactIds, usernamePatterns, nicknamePatterns }) => {
            const session = currentSession();
            assertAdmin(session);
            requireCapability(session, 'ENABLE_USERS');
            const { org, user: admin } = session;
            if (
                !contactIds ||
                contactIds.length > MAX_ROWS ||
                (usernamePatterns?.length ?? 0) > MAX_NAME_PATTERNS ||
                (nicknamePatterns?.length ?? 0) > MAX_NAME_PATTERNS
            ) {
                throw batchSizeError();
            }
            requireAnchoredPatterns(usernamePatterns);
            requireAnchoredPatterns(nicknamePatterns);
            // A List<Id> parameter: a 15-character id arrives as its 18-character form.
            const wanted = new Set(contactIds.map((id) => toId18(id) ?? id));
            const contacts = toFacts(
                org,
                org.Contact.filter((c) => wanted.has(c.Id)),
            );
            // One matcher per call (not per user): 200 patterns against the org's users.
            const usernameMatches = likeAny(usernamePatterns ?? []);
            const nicknameMatches = likeAny(nicknamePatterns ?? []);
            const takenUsernames =
                usernamePatterns && usernamePatterns.length > 0
                    ? org.User.filter((u) => usernameMatches(u.Username))
                          .slice(0, MAX_NAME_ROWS)
                          .map((u) => u.Username)
                    : [];
            const takenNicknames =
                nicknamePatterns && nicknamePatterns.length > 0
                    ? org.User.filter((u) => nicknameMatches(u.CommunityNickname))
                          .slice(0, MAX_NAME_ROWS)
                          .map((u) => u.CommunityNickname)
                    : [];
            const profiles: ProfileFact[] = org.Profile.filter((p) =>
                ENABLEMENT_LICENSES.has(String(licenseNameOfProfile(org, p.Id)).toLowerCase()),
            )
                .sort((a, b) => compareText(a.Name, b.Name))
                .map((profile) => {
                    const license = licenseById(org, profile.UserLicenseId);
                    return {
                        id: profile.Id,
                        name: profile.Name,
                        licenseName: license?.Name ?? '',
                        permissionsApiEnabled: profile.PermissionsApiEnabled,
                        licenseSeatsLeft: license ? license.TotalLicenses - license.UsedLicenses : 0,
                    };
                });
            const licenseIds = new Set<Id>();
            const permissionSets: PermissionSetFact[] = assignablePermissionSets(org).map((permissionSet) => {
                // LicenseId is either a permission set license (assigned first) or a user license.
                const fact: PermissionSetFact = {
                    id: permissionSet.Id,
                    name: permissionSet.Name,
                    label: permissionSet.Label,
                };
                if (isPermissionSetLicense(org, permissionSet.LicenseId)) {
                    fact.permissionSetLicenseId = permissionSet.LicenseId;
                    licenseIds.add(permissionSet.LicenseId as Id);
                } else if (permissionSet.LicenseId !== null) {
                    const name = licenseById(org, permissionSet.LicenseId)?.Name;
                    if (name) {
                        fact.userLicenseName = name;
                    }
                }
                return fact;
            });
            const permissionSetLicenses: PermissionSetLicenseFact[] = org.PermissionSetLicense.filter((l) =>
                licenseIds.has(l.Id),
            ).map((license) => ({
                id: license.Id,
                label: license.MasterLabel,
                seatsLeft: license.TotalLicenses - license.UsedLicenses,
            }));
            return {
                contacts,
                takenUsernames,
                takenNicknames,
                profiles,
                permissionSets,
                permissionSetLicenses,
                adminDefaults: {
                    TimeZoneSidKey: admin.TimeZoneSidKey,
                    LocaleSidKey: admin.LocaleSidKey,
                    LanguageLocaleKey: admin.LanguageLocaleKey,
                    EmailEncodingKey: admin.EmailEncodingKey,
                },
                adminHasRole: admin.UserRoleId !== null,
                roleBasedInsertChunkSize: settings.roleBasedInsertChunkSize,
            };
        },
    );

/* ---------------------------------------------------------------------------------------------
 * The platform's side of DML: `Database.insert(records, false)` refuses a row with a
 * `Database.Error` (status code, message, fields).
 * ------------------------------------------------------------------------------------------- */

/** A field that must not be blank (the platform checks them all at once). */
interface RequiredField {
    name: string;
    value: string | null | undefined;
}

function requiredFieldsMissing(fields: ReadonlyArray<RequiredField>): DatabaseError | null {
    const missing = fields.filter((f) => isBlank(f.value)).map((f) => f.name);
    return missing.length === 0
        ? null
        : error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
}

/** A text field longer than its length. UNCONFIRMED: the exact wording of the platform's message. */
function tooLong(name: string, label: string, value: string | null | undefined, max: number): DatabaseError | null {
    return value && value.length > max
        ? error('STRING_TOO_LONG', `${label}: data value too large: ${value} (max length=${max})`, [name])
        : null;
}

/** The platform's email check, close enough: one @, a dot in the domain, no space, comma or "..". */
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,.]+$/;

function invalidEmail(value: string | null | undefined): DatabaseError | null {
    return value && (!EMAIL.test(value) || value.includes('..'))
        ? error('INVALID_EMAIL_ADDRESS', `Email: invalid email address: ${value}`, ['Email'])
        : null;
}

function firstError(...checks: Array<DatabaseError | null>): DatabaseError | null {
    return checks.find((check) => check !== null) ?? null;
}

/* ---------------------------------------------------------------------------------------------
 * createAccountsAndContacts: `UserSetupService.createAccountsAndContacts`.
 * ------------------------------------------------------------------------------------------- */

/** `Database.insert(new Account(...), false)`. */
function insertAccount(org: SampleOrg, account: Account): DatabaseError | null {
    const refusal = firstError(
        requiredFieldsMissing([{ name: 'Name', value: account.Name }]),
        tooLong('Name', 'Account Name', account.Name, 255),
    );
    if (refusal === null) {
        account.Id = newRecordId(org, 'Account');
        org.Account.push(account);
    }
    return refusal;
}

/** `Database.insert(new Contact(...), false)`. */
function insertContact(org: SampleOrg, contact: Contact): DatabaseError | null {
    const refusal = firstError(
        requiredFieldsMissing([{ name: 'LastName', value: contact.LastName }]),
        tooLong('FirstName', 'First Name', contact.FirstName, 40),
        tooLong('LastName', 'Last Name', contact.LastName, 80),
        tooLong('Email', 'Email', contact.Email, 80),
        invalidEmail(contact.Email),
    );
    if (refusal === null) {
        contact.Id = newRecordId(org, 'Contact');
        org.Contact.push(contact);
    }
    return refusal;
}

/** SOQL `IN` on text: trimmed by the caller, compared without case. */
const textKey = (text: string | null | undefined): string => (text ?? '').trim().toLowerCase();
/** An account name as the duplicate emulation matches it: `textKey` without one trailing period. */
const accountNameKey = (text: string | null | undefined): string => textKey(text).replace(/\.$/, '').trim();

export const findExistingCustomers: typeof import('@salesforce/apex/UserSetupController.findExistingCustomers').default =
    apexMethod<{ customers: NewCustomer[] }, CustomerMatches>(({ customers }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'ENABLE_USERS');
        const { org } = session;
        if (customers && customers.length > MAX_ROWS) {
            throw batchSizeError();
        }
        const emails = new Set<string>();
        const names = new Set<string>();
        for (const customer of customers ?? []) {
            if (!customer) {
                continue;
            }
            if (!isBlank(customer.email)) {
                emails.add(textKey(customer.email));
            }
            if (!isBlank(customer.accountName)) {
                names.add(textKey(customer.accountName));
            }
        }
        // `selectContactsByEmail` and `selectAccountsByName`, ordered by email / name.
        const contacts = org.Contact.filter((c) => emails.has(textKey(c.Email)))
            .sort((a, b) => compareText(a.Email, b.Email))
            .slice(0, MAX_MATCHES)
            .map((contact) => {
                const account = org.Account.find((a) => a.Id === contact.AccountId);
                return withoutNulls({
                    id: contact.Id,
                    name: contactName(contact),
                    email: orNull(contact.Email),
                    accountId: contact.AccountId,
                    accountName: account?.Name ?? null,
                });
            });
        const accounts = org.Account.filter((a) => names.has(textKey(a.Name)))
            .sort((a, b) => compareText(a.Name, b.Name))
            .slice(0, MAX_MATCHES)
            .map((account) => ({
                id: account.Id,
                name: account.Name,
                ownerHasRole: !!userById(org, account.OwnerId)?.UserRoleId,
            }));
        return { contacts, accounts };
    });

/**
 * The duplicate rules the sample org emulates: the standard matching rules are active by default
 * and block an API save that matches (DMLOptions.DuplicateRuleHeader: "bypass alerts and save
 * duplicate records" only with allowSave). UNCONFIRMED: the standard rules match fuzzily on more
 * fields (name, email, phone, address); here a contact matches by email and an account by name
 * without case, surrounding spaces or one trailing period (`accountNameKey`), as the Enable users
 * panel matches them (`c/enableUsers` accountKey): what the panel finds, this blocks.
 */
function duplicateOf(
    org: SampleOrg,
    record: { kind: 'Account'; name: string } | { kind: 'Contact'; email: string | null },
): Account | Contact | undefined {
    if (record.kind === 'Account') {
        return org.Account.find((a) => a.Id && accountNameKey(a.Name) === accountNameKey(record.name));
    }
    return record.email ? org.Contact.find((c) => c.Id && textKey(c.Email) === textKey(record.email)) : undefined;
}

/** `DUPLICATES_DETECTED` with the message `UserSetupService.messageOf` builds from the match. */
function duplicateError(
    existing: Account | Contact,
    kind: 'Account' | 'Contact',
): DatabaseError & { duplicateRecordId: Id } {
    const name = kind === 'Account' ? (existing as Account).Name : contactName(existing as Contact);
    return {
        ...error('DUPLICATES_DETECTED', formatLabel(DUPLICATE_FOUND, kind, name, existing.Id)),
        duplicateRecordId: existing.Id,
    };
}

/** As `NewCustomerResult.fail`. */
function fail(result: NewCustomerResult, refusal: DatabaseError & { duplicateRecordId?: Id }): void {
    result.error = refusal.message;
    result.errorCode = refusal.statusCode;
    if (refusal.duplicateRecordId) {
        result.duplicateRecordId = refusal.duplicateRecordId;
    }
}

export const createAccountsAndContacts: typeof import('@salesforce/apex/UserSetupController.createAccountsAndContacts').default =
    apexMethod<{ customers: NewCustomer[] }, NewCustomerResult[]>(({ customers }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'ENABLE_USERS');
        const { org, user: admin } = session;
        const results: NewCustomerResult[] = [];
        if (!customers || customers.length === 0) {
            return results;
        }
        if (customers.length > MAX_ROWS) {
            throw batchSizeError();
        }
        // New accounts by name (trimmed, any case) and by the row's allowDuplicates, as
        // `UserSetupService.accountKey`. As in Apex, a null name fails on trim().
        const keyOf = (customer: NewCustomer): string =>
            `${customer.allowDuplicates === true ? '1' : '0'}:${String(customer.accountName).trim().toLowerCase()}`;
        const accountsByKey = new Map<string, Account>();
        for (const customer of customers) {
            const key = keyOf(customer);
            if (!customer.accountId && !accountsByKey.has(key)) {
                if (customer.accountName === null || customer.accountName === undefined) {
                    throw new ApexException('Attempt to de-reference a null object', 'System.AuraHandledException');
                }
                accountsByKey.set(key, {
                    Id: '',
                    Name: customer.accountName.trim(),
                    OwnerId: admin.Id,
                    Type: '',
                    Industry: '',
                    BillingCity: '',
                    BillingCountry: '',
                    IsPartner: false,
                    IsCustomerPortal: false,
                });
            }
        }
        const accountErrors = new Map<string, DatabaseError & { duplicateRecordId?: Id }>();
        for (const [key, account] of accountsByKey) {
            const allowSave = key.startsWith('1:');
            const existing = allowSave ? undefined : duplicateOf(org, { kind: 'Account', name: account.Name });
            const refusal = existing ? duplicateError(existing, 'Account') : insertAccount(org, account);
            if (refusal !== null) {
                accountErrors.set(key, refusal);
            }
        }
        const awaiting: Array<{ result: NewCustomerResult; contact: Contact; allowSave: boolean }> = [];
        for (const customer of customers) {
            const result: NewCustomerResult = {};
            results.push(result);
            let accountId = customer.accountId ?? null;
            if (!accountId) {
                const key = keyOf(customer);
                const refusal = accountErrors.get(key);
                if (refusal) {
                    fail(result, refusal);
                    continue;
                }
                accountId = (accountsByKey.get(key) as Account).Id;
            }
            result.accountId = accountId;
            awaiting.push({
                result,
                allowSave: customer.allowDuplicates === true,
                contact: {
                    Id: '',
                    FirstName: customer.firstName ?? '',
                    LastName: customer.lastName ?? '',
                    Email: orNull(customer.email),
                    AccountId: accountId,
                    OwnerId: admin.Id,
                    Title: null,
                    Phone: null,
                    MailingCountry: null,
                },
            });
        }
        for (const { result, contact, allowSave } of awaiting) {
            if (!org.Account.some((a) => a.Id === contact.AccountId)) {
                // UNCONFIRMED: the platform's wording for an account id that is not an account.
                fail(result, error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['AccountId']));
                delete result.accountId;
                continue;
            }
            const existing = allowSave
                ? undefined
                : duplicateOf(org, { kind: 'Contact', email: orNull(contact.Email) });
            const refusal = existing ? duplicateError(existing, 'Contact') : insertContact(org, contact);
            if (refusal === null) {
                result.contactId = contact.Id;
            } else {
                fail(result, refusal);
            }
        }
        // As `UserSetupService.creationLogs`, written at once by `SetupAssistantLogWriter.write`.
        for (const account of accountsByKey.values()) {
            if (account.Id) {
                writeLog(org, admin.Id, {
                    Action__c: CREATE_ACCOUNT_ACTION,
                    Status__c: 'Created',
                    After__c: JSON.stringify({ accountId: account.Id, name: account.Name }),
                });
            }
        }
        for (const { contact } of awaiting) {
            if (contact.Id) {
                writeLog(org, admin.Id, {
                    Action__c: CREATE_CONTACT_ACTION,
                    Status__c: 'Created',
                    After__c: JSON.stringify({
                        contactId: contact.Id,
                        accountId: contact.AccountId,
                        name: contactName(contact),
                    }),
                });
            }
        }
        return results;
    });

/* ---------------------------------------------------------------------------------------------
 * enableUsers: `UserEnablementService.enable`.
 * ------------------------------------------------------------------------------------------- */

/** As `UserEnablementService.CODE_BY_STATUS`. */
const CODE_BY_STATUS: Readonly<Record<string, string>> = {
    DUPLICATE_USERNAME: 'USERNAME_TAKEN',
    DUPLICATE_COMM_NICKNAME: 'NICKNAME_TAKEN',
    LICENSE_LIMIT_EXCEEDED: 'NOT_ENOUGH_LICENSE_SEATS',
    PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT: 'USER_EXISTS',
    INVALID_EMAIL_ADDRESS: 'EMAIL_INVALID',
    FIELD_INTEGRITY_EXCEPTION: 'FIELD_INTEGRITY',
};

/** As `UserEnablementService.codeFor`: by the words of the message first, then by status code. */
export function codeFor(statusCode: string | null | undefined, message: string | null | undefined): string {
    const text = String(message).toLowerCase();
    if (text.includes('portal account owner must have a role')) {
        return 'ACCOUNT_OWNER_WITHOUT_ROLE';
    }
    if (text.includes('permission set') && text.includes('license')) {
        return 'PERMISSION_SET_LICENSE_MISMATCH';
    }
    return CODE_BY_STATUS[String(statusCode)] ?? 'PLATFORM_ERROR';
}

/** `EnableResult.addErrors`. */
function addError(result: EnableResult, refusal: DatabaseError): void {
    result.problems.push(
        withoutNulls<Problem>({
            code: codeFor(refusal.statusCode, refusal.message),
            message: refusal.message,
            field: refusal.fields.length === 0 ? null : refusal.fields[0],
        }),
    );
}

/** `EnableResult.markIncomplete`. */
function markIncomplete(result: EnableResult, refusal: DatabaseError): void {
    result.status = 'Incomplete';
    addError(result, refusal);
}

/** The platform's messages. UNCONFIRMED: the exact wording of all but the first three. */
const OWNER_WITHOUT_ROLE = error('UNKNOWN_EXCEPTION', 'portal account owner must have a role');
const DUPLICATE_USERNAME = error(
    'DUPLICATE_USERNAME',
    'Duplicate Username.<br>The username already exists in this or another Salesforce organization. ' +
        'Usernames must be unique across all Salesforce organizations. To resolve, use a different username ' +
        "(it doesn't need to match the user's email address). ",
    ['Username'],
);
const DUPLICATE_NICKNAME = error(
    'DUPLICATE_COMM_NICKNAME',
    'The nickname you entered is already in use. Enter a unique nickname.',
    ['CommunityNickname'],
);
const USER_EXISTS_FOR_CONTACT = error(
    'PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT',
    'portal user already exists for contact',
    ['ContactId'],
);

/**
 * Usernames that other Salesforce orgs hold: usernames are unique across all orgs, and this org
 * cannot read them, so the rules cannot see the collision before the insert (DUPLICATE_USERNAME).
 */
export const USERNAMES_IN_OTHER_ORGS: ReadonlySet<string> = new Set(['taken@elsewhere.example.com']);

/** Why the platform refuses `insert newUser(request)`, or null. */
function userInsertRefusal(org: SampleOrg, request: EnableRequest): DatabaseError | null {
    const contact = org.Contact.find((c) => c.Id === request.ContactId);
    const profile = profileById(org, request.ProfileId);
    const refusal = firstError(
        requiredFieldsMissing([
            { name: 'LastName', value: request.LastName },
            { name: 'Alias', value: request.Alias },
            { name: 'Email', value: request.Email },
            { name: 'Username', value: request.Username },
            { name: 'ProfileId', value: request.ProfileId },
            { name: 'TimeZoneSidKey', value: request.TimeZoneSidKey },
            { name: 'LocaleSidKey', value: request.LocaleSidKey },
            { name: 'EmailEncodingKey', value: request.EmailEncodingKey },
            { name: 'LanguageLocaleKey', value: request.LanguageLocaleKey },
        ]),
        contact ? null : error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['ContactId']),
        profile ? null : error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['ProfileId']),
        tooLong('Username', 'Username', request.Username, 80),
        tooLong('Alias', 'Alias', request.Alias, 8),
        tooLong('CommunityNickname', 'Nickname', request.CommunityNickname, 40),
        tooLong('FirstName', 'First Name', request.FirstName, 40),
        tooLong('LastName', 'Last Name', request.LastName, 80),
        tooLong('Email', 'Email', request.Email, 128),
        invalidEmail(request.Email),
    );
    if (refusal !== null) {
        return refusal;
    }
    const username = request.Username.toLowerCase();
    if (USERNAMES_IN_OTHER_ORGS.has(username) || org.User.some((u) => u.Username.toLowerCase() === username)) {
        return DUPLICATE_USERNAME;
    }
    const nickname = orNull(request.CommunityNickname)?.toLowerCase();
    if (nickname && org.User.some((u) => u.CommunityNickname.toLowerCase() === nickname)) {
        return DUPLICATE_NICKNAME;
    }
    if (org.User.some((u) => u.ContactId === request.ContactId)) {
        // Only a second row of the same contact in one call: Apex skips contacts with a user.
        return USER_EXISTS_FOR_CONTACT;
    }
    const account = org.Account.find((a) => a.Id === contact?.AccountId);
    if (!account) {
        // UNCONFIRMED: the platform's wording; the rules block a contact without account first.
        return error('FIELD_INTEGRITY_EXCEPTION', 'Cannot create a portal user for a contact without an account', [
            'ContactId',
        ]);
    }
    const license = licenseById(org, (profile as Profile).UserLicenseId);
    if (license && license.UsedLicenses >= license.TotalLicenses) {
        return LICENSE_LIMIT_EXCEEDED;
    }
    if ((profile as Profile).UserType === 'PowerPartner' && !account.IsPartner) {
        // UNCONFIRMED: the platform's exact message; the rules offer Customer Community Plus only.
        return error('FIELD_INTEGRITY_EXCEPTION', 'The account of a partner user must be a partner account.');
    }
    if (isRoleBased(license?.Name) && !userById(org, account.OwnerId)?.UserRoleId) {
        return OWNER_WITHOUT_ROLE;
    }
    return null;
}

/** `Database.insert(newUser(request), false)`: the new user, or the platform's refusal. */
function insertUser(org: SampleOrg, request: EnableRequest): { user?: User; refusal?: DatabaseError } {
    const refusal = userInsertRefusal(org, request);
    if (refusal !== null) {
        return { refusal };
    }
    const contact = org.Contact.find((c) => c.Id === request.ContactId) as Contact;
    const account = org.Account.find((a) => a.Id === contact.AccountId) as Account;
    const profile = profileById(org, request.ProfileId) as Profile;
    const license = licenseById(org, profile.UserLicenseId);
    let roleId: Id | null = null;
    if (isRoleBased(license?.Name)) {
        const partner = profile.UserType === 'PowerPartner';
        roleId = portalRoleFor(org, account, userById(org, account.OwnerId) as User, partner).Id;
        if (!partner) {
            account.IsCustomerPortal = true;
        }
    }
    const now = platformNow();
    const firstName = request.FirstName ?? '';
    const user: User = {
        Id: newRecordId(org, 'User'),
        Username: request.Username,
        FirstName: firstName,
        LastName: request.LastName,
        Name: [orNull(firstName), request.LastName].filter((part) => part !== null).join(' '),
        Alias: request.Alias,
        CommunityNickname: request.CommunityNickname,
        Email: request.Email,
        IsActive: true,
        ProfileId: profile.Id,
        UserRoleId: roleId,
        ContactId: contact.Id,
        AccountId: account.Id,
        UserType: profile.UserType,
        // Set after the insert (`turnOnContent`): its feature license may be exhausted.
        UserPermissionsSFContentUser: false,
        LocaleSidKey: request.LocaleSidKey,
        TimeZoneSidKey: request.TimeZoneSidKey,
        LanguageLocaleKey: request.LanguageLocaleKey,
        EmailEncodingKey: request.EmailEncodingKey,
        CreatedDate: now,
        SystemModstamp: now,
        LastLoginDate: null,
    };
    org.User.push(user);
    if (license) {
        license.UsedLicenses++;
    }
    return { user };
}

/**
 * As `UserEnablementService.turnOnContent`: "Salesforce CRM Content User" in a follow-up update of
 * the users whose request asks for it; without a feature license left the platform refuses it with
 * LICENSE_LIMIT_EXCEEDED, and the row is Incomplete with CONTENT_LICENSE_UNAVAILABLE.
 */
function turnOnContent(
    org: SampleOrg,
    requests: ReadonlyArray<EnableRequest>,
    results: EnableResult[],
    existingUsers: ReadonlyMap<Id, User>,
): void {
    requests.forEach((request, i) => {
        const result = results[i];
        if (!result.userId || request.UserPermissionsSFContentUser !== true) {
            return;
        }
        const user = userById(org, result.userId) as User;
        if (result.status === 'Existing' && existingUsers.get(request.ContactId)?.UserPermissionsSFContentUser) {
            return;
        }
        if (user.UserPermissionsSFContentUser) {
            return;
        }
        if (settings.contentLicensesLeft !== null && settings.contentLicensesLeft <= 0) {
            result.status = 'Incomplete';
            result.problems.push({
                code: 'CONTENT_LICENSE_UNAVAILABLE',
                message: LICENSE_LIMIT_EXCEEDED.message,
                field: 'UserPermissionsSFContentUser',
            });
            return;
        }
        user.UserPermissionsSFContentUser = true;
        if (settings.contentLicensesLeft !== null) {
            settings.contentLicensesLeft--;
        }
    });
}

/** As `UserEnablementService.assignMissing`: licenses first, then permission sets, each in one DML. */
function assignMissing(org: SampleOrg, requests: ReadonlyArray<EnableRequest>, results: EnableResult[]): void {
    const userIds = new Set(results.map((r) => r.userId).filter((id): id is Id => !!id));
    const held = new Set<string>();
    for (const a of org.PermissionSetAssignment) {
        if (userIds.has(a.AssigneeId)) {
            held.add(`${a.AssigneeId}:${a.PermissionSetId}`);
        }
    }
    for (const a of org.PermissionSetLicenseAssign) {
        if (userIds.has(a.AssigneeId)) {
            held.add(`${a.AssigneeId}:${a.PermissionSetLicenseId}`);
        }
    }
    const licenses: Array<{ result: EnableResult; licenseId: Id }> = [];
    const permissionSets: Array<{ result: EnableResult; permissionSetId: Id }> = [];
    // As `assignMissing`: an id a request repeats is assigned (and reported) once.
    const queued = new Set<string>();
    const once = (key: string): boolean => !queued.has(key) && queued.add(key) !== undefined;
    requests.forEach((request, i) => {
        const result = results[i];
        if (!result.userId) {
            return;
        }
        for (const licenseId of request.permissionSetLicenseIds ?? []) {
            if (!held.has(`${result.userId}:${licenseId}`) && once(`${result.userId}:${licenseId}`)) {
                licenses.push({ result, licenseId });
            }
        }
        for (const permissionSetId of request.permissionSetIds ?? []) {
            if (held.has(`${result.userId}:${permissionSetId}`)) {
                if (!result.assignedPermissionSetIds.includes(permissionSetId)) {
                    result.assignedPermissionSetIds.push(permissionSetId);
                }
            } else if (once(`${result.userId}:${permissionSetId}`)) {
                permissionSets.push({ result, permissionSetId });
            }
        }
    });
    // Permission set licenses first: a permission set that needs one cannot be assigned before it.
    for (const { result, licenseId } of licenses) {
        const refusal = insertLicenseAssignment(org, result.userId as Id, licenseId);
        if (refusal !== null) {
            markIncomplete(result, refusal);
        }
    }
    for (const { result, permissionSetId } of permissionSets) {
        const refusal = insertPermissionSetAssignment(org, userById(org, result.userId) as User, permissionSetId);
        if (refusal === null) {
            result.assignedPermissionSetIds.push(permissionSetId);
        } else {
            markIncomplete(result, refusal);
        }
    }
}

export { withoutEmails };

/** As `fullName`: first and last name of the request, blanks left out. */
function fullName(request: EnableRequest): string {
    return [request.FirstName, request.LastName]
        .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
        .map((part) => part.trim())
        .join(' ');
}

/**
 * One record inserted by `SetupAssistantLogWriter` (at once here; after the transaction in Apex for
 * the enable path), with the Id, auto number and audit fields `Database.insert` gives.
 */
function writeLog(
    org: SampleOrg,
    createdById: Id,
    fields: Partial<UnwrittenLog> & Pick<SetupAssistantLog, 'Action__c' | 'Status__c'>,
): void {
    insertLogRecord(org, {
        Id: newRecordId(org, 'Setup_Assistant_Log__c'),
        Name: `LOG-${String(org.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
        Target_User__c: null,
        Snapshot__c: null,
        Before__c: null,
        After__c: null,
        Restored__c: null,
        Removed__c: null,
        Error__c: null,
        CreatedDate: platformNow(),
        CreatedById: createdById,
        ...fields,
    });
}

/** As `UserEnablementService.logsFor`: one log per row, refusals included; ids and names, no email. */
function writeLogs(
    org: SampleOrg,
    createdById: Id,
    requests: ReadonlyArray<EnableRequest>,
    results: EnableResult[],
): void {
    results.forEach((result, i) => {
        const request = requests[i];
        const errors = result.problems.map((problem) => `${problem.code}: ${withoutEmails(problem.message)}`);
        writeLog(org, createdById, {
            Action__c: ACTION,
            Status__c: result.status,
            Target_User__c: result.userId ?? null,
            Before__c: JSON.stringify({ contactId: result.contactId ?? null }),
            After__c: JSON.stringify({
                contactId: result.contactId ?? null,
                userId: result.userId ?? null,
                name: fullName(request),
                profileId: request.ProfileId ?? null,
                permissionSetIds: request.permissionSetIds ?? [],
                permissionSetLicenseIds: request.permissionSetLicenseIds ?? [],
            }),
            Restored__c: JSON.stringify(result.assignedPermissionSetIds),
            Error__c: errors.length === 0 ? null : errors.join('\n'),
        });
    });
}

/** What the policy refused in one call, per kind of subject (as `UserEnablementService.PolicyChecks`). */
interface PolicyChecks {
    profiles: Map<Id, Refusal>;
    contacts: Map<Id, Refusal>;
    permissionSets: Map<Id, Refusal>;
    licenses: Map<Id, Refusal>;
    users: Map<Id, Refusal>;
    existingUsers: Map<Id, User>;
}

/** As `UserEnablementService.check`: the policy's answers for every row, before any write. */
function check(session: Session, requests: ReadonlyArray<EnableRequest>): PolicyChecks {
    const { org } = session;
    const ids = (pick: (request: EnableRequest) => ReadonlyArray<Id | null | undefined>) =>
        requests.flatMap(pick).filter((id): id is Id => !!id);
    const contactIds = ids((r) => [r.ContactId]);
    const contacts = checkContacts(session, contactIds);
    const readable = new Set(contactIds.filter((id) => !contacts.has(id)));
    const existingUsers = new Map<Id, User>();
    for (const user of org.User) {
        if (user.ContactId && readable.has(user.ContactId)) {
            existingUsers.set(user.ContactId, user);
        }
    }
    const userIds = [...existingUsers.values()].map((user) => user.Id);
    return {
        profiles: checkEnableProfiles(
            session,
            ids((r) => [r.ProfileId]),
        ),
        contacts,
        permissionSets: checkAssignablePermissionSets(
            session,
            ids((r) => r.permissionSetIds ?? []),
        ),
        licenses: checkAssignableLicenses(
            session,
            ids((r) => r.permissionSetLicenseIds ?? []),
        ),
        // Only external users get assignments: never a user of the contact that is internal.
        users: userIds.length > 0 ? checkExternalUsers(session, userIds) : new Map<Id, Refusal>(),
        existingUsers,
    };
}

/** A missing (null) subject, refused with the code of its kind (as `PolicyChecks.addRefusal`). */
function missing(code: Refusal['code'], label: string): Refusal {
    return { subjectId: '', code, message: formatLabel(label, 'null') };
}

/** As `PolicyChecks.refusalsOf`: every refusal of one row. */
function refusalsOf(checks: PolicyChecks, request: EnableRequest): Refusal[] {
    const refusals: Refusal[] = [];
    const add = (id: Id | null | undefined, refused: Map<Id, Refusal>, code: Refusal['code'], label: string) => {
        if (!id) {
            refusals.push(missing(code, label));
        } else if (refused.has(id)) {
            refusals.push(refused.get(id) as Refusal);
        }
    };
    add(request.ContactId, checks.contacts, 'CONTACT_NOT_FOUND', CONTACT_NOT_FOUND);
    add(request.ProfileId, checks.profiles, 'PROFILE_NOT_FOUND', PROFILE_NOT_FOUND);
    const existing = request.ContactId ? checks.existingUsers.get(request.ContactId) : undefined;
    if (existing && checks.users.has(existing.Id)) {
        refusals.push(checks.users.get(existing.Id) as Refusal);
    }
    for (const permissionSetId of request.permissionSetIds ?? []) {
        add(permissionSetId, checks.permissionSets, 'PERMISSION_SET_NOT_FOUND', PERMISSION_SET_NOT_FOUND);
    }
    for (const licenseId of request.permissionSetLicenseIds ?? []) {
        add(licenseId, checks.licenses, 'PERMISSION_SET_LICENSE_NOT_ALLOWED', LICENSE_NOT_ALLOWED);
    }
    return refusals;
}

/** As `EnableResult.refuse`. */
function refuse(result: EnableResult, refusals: ReadonlyArray<Refusal>): void {
    result.status = STATUS_REFUSED;
    const codes = result.refusalCodes ?? [];
    for (const refusal of refusals) {
        result.problems.push({ code: refusal.code, message: refusal.message });
        if (!codes.includes(refusal.code)) {
            codes.push(refusal.code);
        }
    }
    result.refusalCodes = codes;
}

export const enableUsers: typeof import('@salesforce/apex/UserSetupController.enableUsers').default = apexMethod<
    { requests: EnableRequest[] },
    EnableResult[]
>(({ requests }) => {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, 'ENABLE_USERS');
    const { org } = session;
    const results: EnableResult[] = [];
    if (!requests || requests.length === 0) {
        return results;
    }
    if (requests.length > MAX_ROWS) {
        throw batchSizeError();
    }
    // Role-based users in one transaction: refused as a whole above the setting, before any write.
    throwIfRefused(checkRoleBasedBatch(requests.length, settings.roleBasedInsertChunkSize));
    // A null row is judged as an empty one, as the Apex does.
    const rows = requests.map((request) => request ?? ({} as EnableRequest));
    // Before any write, the policy re-checks every row, whatever the browser planned.
    const checks = check(session, rows);
    const toInsert: Array<{ request: EnableRequest; result: EnableResult }> = [];
    for (const request of rows) {
        // `new EnableResult(contactId)`: userId and status stay absent until set (Apex omits nulls).
        const result = {
            contactId: request.ContactId,
            assignedPermissionSetIds: [],
            problems: [],
            refusalCodes: [],
        } as unknown as EnableResult;
        results.push(result);
        const refusals = refusalsOf(checks, request);
        if (refusals.length > 0) {
            refuse(result, refusals);
            continue;
        }
        const user = checks.existingUsers.get(request.ContactId);
        if (user) {
            // Idempotent: the user exists (an earlier run, or by hand); only assignments follow.
            result.userId = user.Id;
            result.status = 'Existing';
        } else {
            toInsert.push({ request, result });
        }
    }
    // Database.insert(users, false): partial success, in order (seats and names run out on the way).
    for (const { request, result } of toInsert) {
        const { user, refusal } = insertUser(org, request);
        if (user) {
            result.userId = user.Id;
            result.status = 'Created';
        } else {
            result.status = 'Failed';
            addError(result, refusal as DatabaseError);
        }
    }
    turnOnContent(org, rows, results, checks.existingUsers);
    assignMissing(org, rows, results);
    writeLogs(org, session.user.Id, rows, results);
    // In the order Apex declares the fields.
    return results.map(({ contactId, userId, status, assignedPermissionSetIds, problems, refusalCodes }) =>
        withoutNulls<EnableResult>({ contactId, userId, status, assignedPermissionSetIds, problems, refusalCodes }),
    );
});
