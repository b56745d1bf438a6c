/**
 * Where the Setup Assistant opens and what it receives: the tab and the records handed over in
 * the app tab's page state (`c__tab`, `c__contactIds`, `c__userIds`), as the list view button,
 * the quick action and links from other pages put them there. Pure: no DOM, no LWC imports.
 */

/** The tabs of the assistant, in their order on screen. */
export const TABS = ['readiness', 'enableUsers', 'licenseUpgrades', 'userDoctor', 'history'] as const;
export type WorkspaceTab = (typeof TABS)[number];

/** The capability (SetupAssistantCapabilities) behind each tab. */
export const TAB_CAPABILITIES: Readonly<Record<WorkspaceTab, string>> = {
    readiness: 'READINESS',
    enableUsers: 'ENABLE_USERS',
    licenseUpgrades: 'LICENSE_UPGRADES',
    userDoctor: 'USER_DOCTOR',
    history: 'HISTORY',
};

/** What the page state asks for. */
export interface WorkspaceState {
    /** The tab named in `c__tab`, or implied by the records handed over; null: the default tab. */
    tab: WorkspaceTab | null;
    /** Contacts to enable (`c__contactIds`). */
    contactIds: string[];
    /** Users for the license upgrade or the doctor (`c__userIds`). */
    userIds: string[];
    /** What `c__contactIds` held that is no contact id (at most 20, as given): Enable users names them. */
    ignoredContactIds: string[];
}

type PageState = Readonly<Record<string, string | undefined>> | undefined | null;

/** 15- or 18-character ids with the given key prefix (Contact 003, User 005). */
const idPattern = (prefix: string): RegExp => new RegExp(`^${prefix}[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$`);
const CONTACT_ID = idPattern('003');
const USER_ID = idPattern('005');

/** The most records one link hands over (a URL carries about 2,000 characters in some browsers). */
export const MAX_HANDED_OVER = 10000;

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 3 characters that make a 15-character id case-insensitive (its 18-character form): one per
 * 5-character chunk, whose bits flag the chunk's upper-case letters.
 * @param id15 the 15-character id
 * @returns the suffix
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
 * An id in its 18-character form, as Salesforce writes it. A 15-character id gets its case-safe
 * suffix. An 18-character id is rebuilt from its suffix, which says which letters of the first 15
 * are upper case: an id whose case was changed (a link typed by hand, a spreadsheet) is the record
 * it names, and its two forms are one record; an id whose suffix cannot be read so is no id (it is
 * named, not sent: whether Apex refuses it is not documented, and one refusal would fail the call).
 * @param id a 15- or 18-character id
 * @returns the 18-character id, or null
 */
export function id18(id: string): string | null {
    if (id.length === 15) {
        return id + caseSafeSuffix(id);
    }
    if (id.length !== 18) {
        return null;
    }
    let rebuilt = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        const bits = SUFFIX_ALPHABET.indexOf(id.charAt(15 + chunk).toUpperCase());
        if (bits < 0) {
            return null;
        }
        for (let i = 0; i < 5; i++) {
            const char = id.charAt(chunk * 5 + i);
            const upper = (bits & (1 << i)) !== 0;
            if (/[a-zA-Z]/.test(char)) {
                rebuilt += upper ? char.toUpperCase() : char.toLowerCase();
            } else if (upper) {
                return null;
            } else {
                rebuilt += char;
            }
        }
    }
    return rebuilt + caseSafeSuffix(rebuilt);
}

function idsOf(raw: string | undefined, pattern: RegExp): string[] {
    const ids = (raw ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => pattern.test(id))
        .flatMap((id) => {
            const full = id18(id);
            return full ? [full] : [];
        });
    // The 15- and 18-character forms of one record are one record (admin walk: a link with both).
    return [...new Set(ids)].slice(0, MAX_HANDED_OVER);
}

/**
 * A tab name from page state: the tab's value (`licenseUpgrades`), case and separators ignored
 * (`license-upgrades`, `LICENSE_UPGRADES`); anything else is no tab.
 * @param raw the `c__tab` value
 * @returns the tab, or null
 */
export function tabFromName(raw: string | null | undefined): WorkspaceTab | null {
    const wanted = (raw ?? '').replace(/[-_\s]/g, '').toLowerCase();
    return TABS.find((tab) => tab.toLowerCase() === wanted) ?? null;
}

/** Entries of a hand-over that are no id of the kind asked for, as given (at most 20, 40 characters each). */
function ignoredOf(raw: string | undefined, pattern: RegExp): string[] {
    const ignored = (raw ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry && (!pattern.test(entry) || !id18(entry)))
        .map((entry) => (entry.length > 40 ? `${entry.slice(0, 39)}…` : entry));
    return [...new Set(ignored)].slice(0, 20);
}

/**
 * Reads the page state. Without `c__tab`, contacts open Enable users and users open the User
 * doctor (one user) or License upgrades (several); an explicit `c__tab` wins.
 * @param state the page reference's state
 * @returns the tab and the records handed over, as 18-character ids, invalid ids dropped
 */
export function readWorkspaceState(state: PageState): WorkspaceState {
    const contactIds = idsOf(state?.c__contactIds, CONTACT_ID);
    const ignoredContactIds = ignoredOf(state?.c__contactIds, CONTACT_ID);
    const userIds = idsOf(state?.c__userIds, USER_ID);
    let tab = tabFromName(state?.c__tab);
    if (!tab && contactIds.length > 0) {
        tab = 'enableUsers';
    } else if (!tab && userIds.length > 0) {
        tab = userIds.length === 1 ? 'userDoctor' : 'licenseUpgrades';
    }
    return { tab, contactIds, userIds, ignoredContactIds };
}

/**
 * The tab the assistant opens on: the one asked for when the admin may use it, otherwise the
 * readiness checklist (collapsed to its summary once every step is done), otherwise the first
 * tab the admin may use.
 * @param asked the tab from the page state
 * @param available whether the admin may use a tab
 * @returns the tab to open
 */
export function openingTab(
    asked: WorkspaceTab | null,
    available: (tab: WorkspaceTab) => boolean = () => true,
): WorkspaceTab {
    if (asked && available(asked)) {
        return asked;
    }
    return TABS.find(available) ?? 'readiness';
}

/**
 * The tab a key moves to in the tab list (the WAI-ARIA tabs pattern, automatic activation): the
 * arrow keys go to the next or previous tab, round the ends, Home and End to the first and last.
 * @param current the tab that has focus
 * @param key `KeyboardEvent.key`
 * @param rtl whether the page reads right to left (the arrows swap)
 * @returns the tab to open and focus, or null when the key does not move
 */
export function tabAfterKey(current: WorkspaceTab, key: string, rtl = false): WorkspaceTab | null {
    const index = TABS.indexOf(current);
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    switch (key) {
        case forward:
            return TABS[(index + 1) % TABS.length];
        case backward:
            return TABS[(index - 1 + TABS.length) % TABS.length];
        case 'Home':
            return TABS[0];
        case 'End':
            return TABS[TABS.length - 1];
        default:
            return null;
    }
}

/**
 * The page state of a link to a tab with records handed over, as `readWorkspaceState` reads it.
 * @param tab the tab
 * @param records contact or user ids to hand over
 * @returns the state for a `standard__navItemPage` page reference
 */
export function workspaceLinkState(
    tab: WorkspaceTab,
    records: { contactIds?: readonly string[]; userIds?: readonly string[] } = {},
): Record<string, string> {
    const state: Record<string, string> = { c__tab: tab };
    if (records.contactIds && records.contactIds.length > 0) {
        state.c__contactIds = records.contactIds.join(',');
    }
    if (records.userIds && records.userIds.length > 0) {
        state.c__userIds = records.userIds.join(',');
    }
    return state;
}

/**
 * The Setup Assistant tab's API name with the package namespace, read from the log object's
 * API name (`ccsa__Setup_Assistant_Log__c` in a subscriber org, no prefix in a scratch org), as
 * `EnablePortalUsersRedirect.tabName` does in Apex.
 * @param logObjectApiName the API name of the log object
 * @returns e.g. `ccsa__Setup_Assistant`
 */
export function assistantTabName(logObjectApiName: string): string {
    const index = logObjectApiName.indexOf('Setup_Assistant_Log__c');
    return `${index > 0 ? logObjectApiName.slice(0, index) : ''}Setup_Assistant`;
}
