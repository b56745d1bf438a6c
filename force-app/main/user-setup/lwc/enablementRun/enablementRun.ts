/**
 * The glue between the Apex facts and results and the enable-users rules: the name patterns
 * Apex checks, the facts the rules read, the requests Apex writes, the merge of retries, and
 * the CSV export. Pure: no DOM, no Apex imports.
 */
import { nicknameBase } from 'c/userEnablement';
import type { ContactFact, EnablementPlan, OrgFacts, RowPlan, UserRequest } from 'c/userEnablement';
import { toCsv } from 'c/csvExport';

type EnablementFacts = Apex.UserSetupService.EnablementFacts;
type NewCustomer = Apex.UserSetupService.NewCustomer;
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
 * LIKE patterns for the usernames and nicknames the rules may derive, so that Apex returns the
 * taken ones in one query each: "ann%@acme.com%" covers "ann@acme.com.ccsa", "ann1@acme.com.ccsa"
 * and any suffix; "adoe%" covers "adoe", "adoe1"...
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
            usernames.add(`${email.slice(0, at)}%${email.slice(at)}%`);
        }
        const base = nicknameBase(contact.firstName, contact.lastName ?? '', email);
        if (base) {
            nicknames.add(`${base}%`);
        }
    }
    return { usernames: [...usernames], nicknames: [...nicknames] };
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

/**
 * A customer typed inline, as a contact fact: its account is new and owned by the admin, so the
 * owner has a role exactly when the admin has one.
 * @param customer the typed row
 * @param index its position among the typed rows
 * @param adminHasRole whether the running admin has a role
 * @returns the fact, with a temporary id
 */
export function newCustomerFact(customer: NewCustomer, index: number, adminHasRole: boolean): ContactFact {
    return {
        id: `${NEW_CONTACT_PREFIX}${index}`,
        firstName: customer.firstName ?? null,
        lastName: customer.lastName,
        email: customer.email ?? null,
        accountId: `${NEW_CONTACT_PREFIX}account-${customer.accountName.trim().toLowerCase()}`,
        accountName: customer.accountName,
        accountOwnerHasRole: adminHasRole,
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
