/**
 * The glue between the Apex facts and results and the enable-users rules: the name patterns
 * Apex checks, the facts the rules read, the requests Apex writes, the merge of retries, and
 * the CSV export. Pure: no DOM, no Apex imports.
 */
import { MAX_USERNAME_LENGTH, isValidEmail, nicknameBase } from 'c/userEnablement';
import type { ContactFact, CustomerDuplicate, EnablementPlan, OrgFacts, RowPlan, UserRequest } from 'c/userEnablement';
import { CHUNK_SIZE } from 'c/bulkRunner';
import { toCsv } from 'c/csvExport';

type EnablementFacts = Apex.UserSetupService.EnablementFacts;
type NewCustomer = Apex.UserSetupService.NewCustomer;
type CustomerMatches = Apex.UserSetupService.CustomerMatches;
type ContactMatch = Apex.UserSetupService.ContactMatch;
type AccountMatch = Apex.UserSetupService.AccountMatch;
type EnableRequest = Apex.UserEnablementService.EnableRequest;
type EnableResult = Apex.UserEnablementService.EnableResult;

/** A Contact record id: key prefix 003, 15 or 18 characters. */
const CONTACT_ID = /^003[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/**
 * The contacts a list view button or a link hands over in the page state (`c__contactIds`,
 * comma-separated): only well-formed Contact ids, each once, at most `max`.
 * @param state the page state
 * @param max the most ids kept
 * @returns the ids, in the order given
 */
export function contactIdsFromState(state: Record<string, string | undefined> | undefined, max = 10000): string[] {
    const raw = state?.c__contactIds ?? '';
    const ids = raw
        .split(',')
        .map((id) => id.trim())
        .filter((id) => CONTACT_ID.test(id));
    return [...new Set(ids)].slice(0, max);
}

/** Prefix of the ids given to customers typed inline until Apex creates their contacts. */
export const NEW_CONTACT_PREFIX = 'new-';

/** Statuses a retry runs again: the row failed, or its user lacks assignments. */
export const RETRY_STATUSES: ReadonlySet<string> = new Set(['Failed', 'Incomplete']);

/**
 * Text for a SOQL LIKE pattern, matched literally: `\`, `%` and `_` escaped with a backslash
 * ("SOQL and SOSL Reference", Quoted String Escape Sequences: `\_` and `\%` in LIKE only, `\\`),
 * as `SoqlLike.escape` does in Apex. "ann_lee@acme.com" must not also match "annXlee@acme.com".
 * @param text the literal text
 * @returns the escaped text
 */
export function escapeLike(text: string): string {
    return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Room a username's suffix and de-duplication number may take when its local part is cut to fit 80
 * characters (`usernameCandidate`): the pattern of a long email starts with the local part cut to
 * what is left, so that it covers the cut candidates too, for a suffix of up to 40 characters (the
 * suffix may change after the Check, which does not read the org again). A cut username taken
 * beyond that fails its insert as USERNAME_TAKEN, with its fix.
 */
const CUT_ROOM = 47;

/**
 * LIKE patterns for the usernames and nicknames the rules may derive, so that Apex returns the
 * taken ones in one query each: "ann%@acme.com%" covers "ann@acme.com.ccsa", "ann1@acme.com.ccsa"
 * and any suffix; "adoe%" covers "adoe", "adoe1"... A local part long enough to be cut (the
 * username over 80 characters) is cut in the pattern too ({@link CUT_ROOM}). The email and
 * nickname parts are escaped ({@link escapeLike}); only the added `%` are wildcards.
 * @param contacts the selected contacts
 * @returns distinct patterns, lower case
 */
export function namePatterns(contacts: readonly ContactFact[]): { usernames: string[]; nicknames: string[] } {
    const usernames = new Set<string>();
    const nicknames = new Set<string>();
    for (const contact of contacts) {
        const email = (contact.email ?? '').trim().toLowerCase();
        const at = email.lastIndexOf('@');
        if (at > 0) {
            const domain = email.slice(at);
            const room = Math.max(1, MAX_USERNAME_LENGTH - domain.length - CUT_ROOM);
            // A cut local part loses its trailing dots (`usernameCandidate`): so does the pattern's.
            const local = at <= room ? email.slice(0, at) : email.slice(0, room).replace(/\.+$/, '');
            // A pattern starts with the name it looks for (the server refuses one that starts with a
            // wildcard): a local part cut down to nothing has none to look for.
            if (local) {
                usernames.add(`${escapeLike(local)}%${escapeLike(domain)}%`);
            }
        }
        const base = nicknameBase(contact.firstName, contact.lastName ?? '', email);
        if (base) {
            nicknames.add(`${escapeLike(base)}%`);
        }
    }
    return { usernames: [...usernames], nicknames: [...nicknames] };
}

/** Role-based users per call when the facts carry no setting (`SetupAssistantSettings`). */
export const DEFAULT_ROLE_BASED_CHUNK_SIZE = 50;

/**
 * Rows per `enableUsers` call. Customer Community Plus (and Plus Login) is role-based: the first
 * portal user of each account creates its portal roles, so Apex refuses a call larger than the
 * setting `Role_Based_Insert_Chunk_Size__c` (CPU time and UNABLE_TO_LOCK_ROW), and the browser
 * sends chunks of that size: the setting, within 1..200, or 50 without one.
 * @param facts the facts, with the setting
 * @returns the chunk size
 */
export function enableChunkSize(facts: Pick<EnablementFacts, 'roleBasedInsertChunkSize'> | undefined): number {
    const setting = Math.floor(Number(facts?.roleBasedInsertChunkSize));
    if (!Number.isFinite(setting) || setting < 1) {
        return DEFAULT_ROLE_BASED_CHUNK_SIZE;
    }
    return Math.min(setting, CHUNK_SIZE);
}

/**
 * The profile a Check proposes when the admin has chosen none: one with API Enabled (seed 001:
 * "Enable API Enabled" on the Customer Community Plus profile) whose license still has seats,
 * else one with API Enabled, else the first. A profile on a license with no seat left would make
 * every row "No seats left" while another license (Customer Community Plus and its Login
 * license are counted apart) has seats.
 * @param profiles the profiles Apex offered, in its order
 * @returns the profile's id, or '' when there is none
 */
export function preferredProfileId(profiles: EnablementFacts['profiles']): string {
    const apiEnabled = profiles.filter((profile) => profile.permissionsApiEnabled);
    const preferred =
        apiEnabled.find((profile) => profile.licenseSeatsLeft > 0) ?? apiEnabled[0] ?? profiles[0] ?? undefined;
    return preferred?.id ?? '';
}

/**
 * The rules' org facts for the chosen profile.
 * @param facts what Apex read
 * @param profileId the chosen profile, if any
 * @returns the facts the rules read
 */
export function toOrgFacts(facts: EnablementFacts, profileId: string | undefined): OrgFacts {
    const profile = facts.profiles.find((candidate) => candidate.id === profileId) ?? null;
    return {
        takenUsernames: facts.takenUsernames,
        takenNicknames: facts.takenNicknames,
        profile,
        licenseSeatsLeft: profile?.licenseSeatsLeft ?? 0,
        permissionSets: facts.permissionSets,
        permissionSetLicenses: facts.permissionSetLicenses,
        adminDefaults: facts.adminDefaults,
    };
}

/** The admin's answer to a typed customer that matches a record or another typed row. */
export type CustomerChoice = 'existing' | 'new';

/** A customer typed inline, with a key that survives edits and removals, and the admin's choice. */
export interface TypedCustomer {
    key: string;
    customer: NewCustomer;
    choice?: CustomerChoice;
}

/** What a typed customer matches: an existing contact (email), account (name), or an earlier typed row (email). */
export interface CustomerMatch {
    contact?: ContactMatch;
    account?: AccountMatch;
    /** 1-based position of the earlier typed row with the same email. */
    typedRow?: number;
}

/** A field of the "New customer" form that "Add customer" needs filled. */
export type RequiredCustomerField = 'accountName' | 'lastName' | 'email';

/** A field of the "New customer" form. */
export type CustomerField = RequiredCustomerField | 'firstName';

/**
 * The most characters each field of the form takes: the records Apex creates from it, `Account.Name`
 * (255), `Contact.FirstName` (40), `Contact.LastName` (80) and `Contact.Email` (80) (Salesforce
 * Object Reference, Account and Contact). A longer value passed the Check and failed the run
 * ("data value too large"); the form's inputs take no more (`max-length`), and "Add customer"
 * refuses a longer value set another way.
 */
export const CUSTOMER_FIELD_MAX_LENGTH: Readonly<Record<CustomerField, number>> = {
    accountName: 255,
    firstName: 40,
    lastName: 80,
    email: 80,
};

/**
 * The fields of the form longer than their record field takes, in the form's order.
 * @param customer the form
 * @returns the fields too long; [] when each fits
 */
export function customerFieldsTooLong(customer: NewCustomer): CustomerField[] {
    return (['accountName', 'firstName', 'lastName', 'email'] as const).filter(
        (field) => (customer[field] ?? '').trim().length > CUSTOMER_FIELD_MAX_LENGTH[field],
    );
}

/**
 * The required fields of the form still blank, in the form's order: what "Add customer" waits for
 * (`newCustomerProblem`), so the form can say it before the admin wonders why the button waits.
 * @param customer the form
 * @returns the blank fields; [] when each has a value (the email may still be invalid)
 */
export function missingCustomerFields(customer: NewCustomer): RequiredCustomerField[] {
    return (['accountName', 'lastName', 'email'] as const).filter((field) => !customer[field]?.trim());
}

/**
 * Whether the form's customer may be added: an account name, a last name and a valid email (the
 * username is derived from it; `c/userEnablement` isValidEmail), each no longer than its record
 * field takes ({@link CUSTOMER_FIELD_MAX_LENGTH}).
 * @param customer the form
 * @returns the problem, or null when it may be added
 */
export function newCustomerProblem(customer: NewCustomer): 'NAME_MISSING' | 'TOO_LONG' | 'EMAIL_INVALID' | null {
    if (!customer.accountName?.trim() || !customer.lastName?.trim()) {
        return 'NAME_MISSING';
    }
    if (customerFieldsTooLong(customer).length > 0) {
        return 'TOO_LONG';
    }
    return isValidEmail(customer.email) ? null : 'EMAIL_INVALID';
}

/**
 * The matches of each typed customer (SOQL compares text without case, and so does this).
 * @param typed the typed customers, in order
 * @param matches what `findExistingCustomers` returned, if it ran
 * @returns the matches by key; a row without any is absent
 */
export function customerMatches(
    typed: readonly TypedCustomer[],
    matches: CustomerMatches | undefined,
): Map<string, CustomerMatch> {
    const key = (text: string | null | undefined): string => (text ?? '').trim().toLowerCase();
    const contacts = new Map<string, ContactMatch>();
    for (const contact of matches?.contacts ?? []) {
        if (!contacts.has(key(contact.email))) {
            contacts.set(key(contact.email), contact);
        }
    }
    const accounts = new Map<string, AccountMatch>();
    for (const account of matches?.accounts ?? []) {
        if (!accounts.has(key(account.name))) {
            accounts.set(key(account.name), account);
        }
    }
    const firstRowOfEmail = new Map<string, number>();
    const result = new Map<string, CustomerMatch>();
    typed.forEach(({ key: rowKey, customer }, index) => {
        const email = key(customer.email);
        const match: CustomerMatch = {};
        const contact = email ? contacts.get(email) : undefined;
        if (contact) {
            match.contact = contact;
        }
        const account = accounts.get(key(customer.accountName));
        if (account) {
            match.account = account;
        }
        if (email && firstRowOfEmail.has(email)) {
            match.typedRow = (firstRowOfEmail.get(email) as number) + 1;
        } else if (email) {
            firstRowOfEmail.set(email, index);
        }
        if (match.contact || match.account || match.typedRow) {
            result.set(rowKey, match);
        }
    });
    return result;
}

/**
 * The duplicate a typed customer still waits on, or null once the admin chose (or when there is
 * none). An existing contact comes first, then another typed row, then an account: a contact is
 * the record a second user would collide with.
 * @param typed the typed customer
 * @param match its matches
 * @returns the duplicate the plan shows
 */
export function customerDuplicate(typed: TypedCustomer, match: CustomerMatch | undefined): CustomerDuplicate | null {
    if (!match || typed.choice) {
        return null;
    }
    const email = (typed.customer.email ?? '').trim();
    if (match.contact) {
        return {
            code: 'CUSTOMER_MATCHES_CONTACT',
            values: [email, match.contact.name, match.contact.accountName ?? ''],
        };
    }
    if (match.typedRow) {
        return { code: 'CUSTOMER_DUPLICATE_IN_BATCH', values: [email, String(match.typedRow)] };
    }
    if (match.account) {
        return { code: 'CUSTOMER_MATCHES_ACCOUNT', values: [match.account.name] };
    }
    return null;
}

/**
 * A customer typed inline, as a contact fact: its account is new and owned by the admin, so the
 * owner has a role exactly when the admin has one; or, when the admin chose "use the existing one"
 * for a matching account, that account and its owner's role.
 * @param typed the typed row
 * @param adminHasRole whether the running admin has a role
 * @param match its matches, if any
 * @returns the fact, with a temporary id
 */
export function newCustomerFact(typed: TypedCustomer, adminHasRole: boolean, match?: CustomerMatch): ContactFact {
    const { customer } = typed;
    const existingAccount = typed.choice === 'existing' && !match?.contact ? match?.account : undefined;
    return {
        id: `${NEW_CONTACT_PREFIX}${typed.key}`,
        firstName: customer.firstName ?? null,
        lastName: customer.lastName,
        email: customer.email ?? null,
        accountId: existingAccount?.id ?? `${NEW_CONTACT_PREFIX}account-${customer.accountName.trim().toLowerCase()}`,
        accountName: existingAccount?.name ?? customer.accountName,
        accountOwnerHasRole: existingAccount ? existingAccount.ownerHasRole : adminHasRole,
        duplicateOf: customerDuplicate(typed, match),
    };
}

/**
 * The customer Apex creates: under the existing account when the admin chose it, and saved past
 * the duplicate rules (allowSave) only when the admin chose "create new".
 * @param typed the typed row
 * @param match its matches, if any
 * @returns the request row
 */
export function toNewCustomer(typed: TypedCustomer, match?: CustomerMatch): NewCustomer {
    const useAccount = typed.choice === 'existing' && !match?.contact && match?.account;
    return {
        accountName: typed.customer.accountName.trim(),
        firstName: typed.customer.firstName ?? null,
        lastName: typed.customer.lastName.trim(),
        email: (typed.customer.email ?? '').trim() || null,
        accountId: useAccount ? (match?.account?.id ?? null) : null,
        allowDuplicates: typed.choice === 'new',
    };
}

/**
 * The Apex request for a planned row, with the real contact id of a customer created inline.
 * @param request the rules' request
 * @param contactIds real ids of the contacts created for temporary ids
 * @returns the request Apex writes
 */
export function toEnableRequest(request: UserRequest, contactIds: ReadonlyMap<string, string>): EnableRequest {
    return {
        ...request,
        ContactId: contactIds.get(request.ContactId) ?? request.ContactId,
        FirstName: request.FirstName || null,
        permissionSetIds: [...request.permissionSetIds],
        permissionSetLicenseIds: [...request.permissionSetLicenseIds],
    };
}

/**
 * Results after a retry: each contact's latest result, in the first run's order.
 * @param previous the results so far
 * @param latest the retry's results
 * @returns the merged results
 */
export function mergeEnableResults(previous: readonly EnableResult[], latest: readonly EnableResult[]): EnableResult[] {
    const byContact = new Map(latest.map((result) => [result.contactId, result]));
    return previous.map((result) => byContact.get(result.contactId) ?? result);
}

/**
 * The requests a retry sends: only rows that failed or lack assignments. A row whose user was
 * created is never written twice: Apex finds the user and assigns only what is missing.
 * @param results the results so far
 * @param requests the requests sent, by contact id
 * @returns the requests to send again
 */
export function retryRequests(
    results: readonly EnableResult[],
    requests: ReadonlyMap<string, EnableRequest>,
): EnableRequest[] {
    return results
        .filter((result) => RETRY_STATUSES.has(result.status) && requests.has(result.contactId))
        .map((result) => requests.get(result.contactId) as EnableRequest);
}

/** One exported row. */
export interface CsvRow {
    contact: string;
    account: string;
    username: string;
    userId: string;
    status: string;
    problems: string;
}

const CSV_COLUMNS: Array<keyof CsvRow> = ['contact', 'account', 'username', 'userId', 'status', 'problems'];

/**
 * The rows the validation blocked before the run (a row problem), which the run never sent: the
 * export lists them after the results, with their problems, so that it accounts for every row
 * the admin selected. A row with a result belongs to the run, whatever the plan says now.
 * @param plan the plan the run was made from
 * @param results the results so far
 * @returns the blocked rows, in the plan's order
 */
export function blockedRows(
    plan: Pick<EnablementPlan, 'rows'> | undefined,
    results: readonly EnableResult[],
): RowPlan[] {
    const ran = new Set(results.map((result) => result.contactId));
    return (plan?.rows ?? []).filter((row) => !row.canEnable && !ran.has(row.contactId));
}

/**
 * The export as CSV (`c/csvExport`: byte-order mark, formulas neutralized, RFC 4180 quoting).
 * @param header column titles, in the order of {@link CSV_COLUMNS}
 * @param rows the rows: the results, then the blocked rows
 * @returns the CSV text (CRLF line ends)
 */
export function enablementCsv(header: readonly string[], rows: readonly CsvRow[]): string {
    return toCsv(
        header,
        rows.map((row) => CSV_COLUMNS.map((column) => row[column])),
    );
}

// ---------------------------------------------------------------------------------------------
// The plan after a run: locked rows, retries with the current values, the summary, the seats.
// ---------------------------------------------------------------------------------------------

/**
 * Result statuses that lock a row: its user exists (Created, Existing, and Incomplete, whose
 * retry only assigns what is missing), or the server's policy refused it (a retry is refused
 * again). A locked row is out of the plan: it cannot be edited or run again until the next Check.
 */
export const LOCKED_STATUSES: ReadonlySet<string> = new Set(['Created', 'Existing', 'Incomplete', 'Refused']);

/** Statuses whose user exists after the run: the row is Done. */
export const DONE_STATUSES: ReadonlySet<string> = new Set(['Created', 'Existing']);

/** The order in which the summary names the outcomes. */
export const OUTCOME_ORDER = ['Created', 'Existing', 'Incomplete', 'Failed', 'Refused'] as const;

/** What a run did to a row: the request sent (with the values of that run) and its result. */
export interface RunRecord {
    request: EnableRequest;
    result: EnableResult;
}

/**
 * The run records after a run or a retry: the new ones replace the row's older record.
 * @param previous the records so far, by plan key (contact id)
 * @param requests the requests just sent
 * @param results their results (and results of rows that failed before a request, e.g. a typed customer)
 * @returns the new records, by contact id
 */
export function recordRun(
    previous: ReadonlyMap<string, RunRecord>,
    requests: readonly EnableRequest[],
    results: readonly EnableResult[],
): Map<string, RunRecord> {
    const sent = new Map(requests.map((request) => [request.ContactId, request]));
    const records = new Map(previous);
    for (const result of results) {
        const request = sent.get(result.contactId) ?? records.get(result.contactId)?.request;
        if (request) {
            records.set(result.contactId, { request, result });
        } else {
            records.set(result.contactId, { request: { ContactId: result.contactId } as EnableRequest, result });
        }
    }
    return records;
}

/** The fields an admin edits on a row: a failed row edited since the run shows its new check. */
const EDITED_FIELDS = [
    'Username',
    'CommunityNickname',
    'Alias',
    'Email',
    'FirstName',
    'LastName',
    'TimeZoneSidKey',
    'LocaleSidKey',
    'LanguageLocaleKey',
    'EmailEncodingKey',
] as const;

/**
 * Whether the row's current request differs from the one the run sent.
 * @param sent the request the run sent
 * @param current the plan's request now
 * @returns true when any edited field differs (usernames and emails compared without case)
 */
export function editedSince(sent: EnableRequest, current: UserRequest): boolean {
    return EDITED_FIELDS.some(
        (field) => String(sent[field] ?? '').toLowerCase() !== String(current[field] ?? '').toLowerCase(),
    );
}

/**
 * What a retry sends: a Failed row with its current values, once the plan says it is ready
 * again (an edit after a DUPLICATE_USERNAME is sent, never the old value); an Incomplete row
 * with the request of its run (its user exists: Apex assigns only what is missing).
 * @param records the run records
 * @param plan the plan now (locked rows are not in it)
 * @returns the requests to send
 */
export function retryFromPlan(
    records: ReadonlyMap<string, RunRecord>,
    plan: Pick<EnablementPlan, 'rows'> | undefined,
): EnableRequest[] {
    const rows = new Map((plan?.rows ?? []).map((row) => [row.contactId, row]));
    const requests: EnableRequest[] = [];
    for (const [contactId, record] of records) {
        if (record.result.status === 'Incomplete' && record.request.Username) {
            requests.push(record.request);
        } else if (record.result.status === 'Failed') {
            const row = rows.get(contactId);
            if (row?.canEnable) {
                requests.push(toEnableRequest(row.request, new Map()));
            }
        }
    }
    return requests;
}

/**
 * The ids of the locked rows, and the usernames and nicknames their users now hold (taken for
 * every other row, as the org's facts would say after a new Check).
 * @param records the run records
 * @returns the locked ids and the names taken by the run
 */
export function lockedByRun(records: ReadonlyMap<string, RunRecord>): {
    ids: Set<string>;
    usernames: string[];
    nicknames: string[];
} {
    const ids = new Set<string>();
    const usernames: string[] = [];
    const nicknames: string[] = [];
    for (const [contactId, { request, result }] of records) {
        if (LOCKED_STATUSES.has(result.status)) {
            ids.add(contactId);
            if (result.status !== 'Refused' && request.Username) {
                usernames.push(request.Username);
                nicknames.push(request.CommunityNickname);
            }
        }
    }
    return { ids, usernames, nicknames };
}

/**
 * Seats of the profile's license the runs took since the facts were read (one per user created).
 * @param records the run records
 * @param licenseOfProfile the license name of each profile id
 * @returns seats taken, by license name
 */
export function seatsTakenByRun(
    records: ReadonlyMap<string, RunRecord>,
    licenseOfProfile: ReadonlyMap<string, string>,
): Map<string, number> {
    const taken = new Map<string, number>();
    for (const { request, result } of records.values()) {
        if (result.status === 'Created' || result.status === 'Incomplete') {
            const license = licenseOfProfile.get(request.ProfileId);
            if (license) {
                taken.set(license, (taken.get(license) ?? 0) + 1);
            }
        }
    }
    return taken;
}

/**
 * Permission set license seats the runs took since the facts were read: one of each license a
 * created user was given (`permissionSetLicenseIds` of its request).
 * @param records the run records
 * @returns seats taken, by permission set license id
 */
export function licenseSeatsTakenByRun(records: ReadonlyMap<string, RunRecord>): Map<string, number> {
    const taken = new Map<string, number>();
    for (const { request, result } of records.values()) {
        if (result.status === 'Created' || result.status === 'Incomplete') {
            for (const id of new Set(request.permissionSetLicenseIds ?? [])) {
                taken.set(id, (taken.get(id) ?? 0) + 1);
            }
        }
    }
    return taken;
}

/**
 * LIKE patterns that match exactly the values typed on rows (escaped, no wildcard): the org's
 * facts for an edited username or nickname, which the Check's patterns may not have covered.
 * @param values the typed values
 * @returns distinct patterns, lower case
 */
export function exactPatterns(values: Iterable<string>): string[] {
    const patterns = new Set<string>();
    for (const value of values) {
        const text = value.trim().toLowerCase();
        if (text) {
            patterns.add(escapeLike(text));
        }
    }
    return [...patterns];
}
