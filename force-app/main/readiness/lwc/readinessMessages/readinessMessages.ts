/**
 * Turns the readiness checklist's reason codes, row ids, statuses and fixes (`c/readinessRules`)
 * into the sentences an admin reads, from Custom Labels, so that every message can be translated
 * and the codes stay stable.
 */
import { countedLabel, formatLabel } from 'c/labelFormat';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import LOCALE from '@salesforce/i18n/locale';
import { siteStatusKind } from 'c/readinessRules';
import type {
    Finding,
    Reason,
    ReasonCode,
    ReadinessFix,
    RowId,
    RowStatus,
    SeatVerdict,
    SiteStatusKind,
} from 'c/readinessRules';
import DIGITAL_EXPERIENCES_ENABLED from '@salesforce/label/c.CCSA_Readiness_DIGITAL_EXPERIENCES_ENABLED';
import DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN from '@salesforce/label/c.CCSA_Readiness_DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN';
import DIGITAL_EXPERIENCES_DISABLED from '@salesforce/label/c.CCSA_Readiness_DIGITAL_EXPERIENCES_DISABLED';
import STANDARD_EXTERNAL_PROFILES_CONFIRMED from '@salesforce/label/c.CCSA_Readiness_STANDARD_EXTERNAL_PROFILES_CONFIRMED';
import STANDARD_EXTERNAL_PROFILES_UNCONFIRMED from '@salesforce/label/c.CCSA_Readiness_STANDARD_EXTERNAL_PROFILES_UNCONFIRMED';
import ADMIN_HAS_ROLE from '@salesforce/label/c.CCSA_Readiness_ADMIN_HAS_ROLE';
import ADMIN_NO_ROLE from '@salesforce/label/c.CCSA_Readiness_ADMIN_NO_ROLE';
import CCP_PROFILE_READY from '@salesforce/label/c.CCSA_Readiness_CCP_PROFILE_READY';
import CCP_PROFILE_API_DISABLED from '@salesforce/label/c.CCSA_Readiness_CCP_PROFILE_API_DISABLED';
import CCP_PROFILE_CLONE_NEEDED from '@salesforce/label/c.CCSA_Readiness_CCP_PROFILE_CLONE_NEEDED';
import CCP_PROFILE_MISSING from '@salesforce/label/c.CCSA_Readiness_CCP_PROFILE_MISSING';
import CCP_SEATS_LICENSE_LEFT from '@salesforce/label/c.CCSA_Readiness_CCP_SEATS_LICENSE_LEFT';
import CCP_SEATS_LICENSE_FULL from '@salesforce/label/c.CCSA_Readiness_CCP_SEATS_LICENSE_FULL';
import CCP_SEATS_LICENSE_EMPTY from '@salesforce/label/c.CCSA_Readiness_CCP_SEATS_LICENSE_EMPTY';
import CCP_SEATS_LICENSE_MISSING from '@salesforce/label/c.CCSA_Readiness_CCP_SEATS_LICENSE_MISSING';
import SEAT_VERDICT_PASS from '@salesforce/label/c.CCSA_Readiness_Seat_Verdict_Pass';
import SEAT_VERDICT_WARN from '@salesforce/label/c.CCSA_Readiness_Seat_Verdict_Warn';
import SEAT_VERDICT_FAIL from '@salesforce/label/c.CCSA_Readiness_Seat_Verdict_Fail';
import SEAT_VERDICT_NOT_COUNTED from '@salesforce/label/c.CCSA_Readiness_Seat_Verdict_Not_Counted';
import CCP_SEATS_EXHAUSTED from '@salesforce/label/c.CCSA_Readiness_CCP_SEATS_EXHAUSTED';
import CCP_LICENSE_MISSING from '@salesforce/label/c.CCSA_Readiness_CCP_LICENSE_MISSING';
import PERMISSION_SETS_READY from '@salesforce/label/c.CCSA_Readiness_PERMISSION_SETS_READY';
import PERMISSION_SET_SEATS_LEFT from '@salesforce/label/c.CCSA_Readiness_Permission_Set_Seats_Left';
import PERMISSION_SET_SEATS_LEFT_ONE from '@salesforce/label/c.CCSA_Readiness_Permission_Set_Seats_Left_One';
import PERMISSION_SET_MISSING from '@salesforce/label/c.CCSA_Readiness_PERMISSION_SET_MISSING';
import PERMISSION_SET_LICENSE_NO_SEATS from '@salesforce/label/c.CCSA_Readiness_PERMISSION_SET_LICENSE_NO_SEATS';
import SITE_READY from '@salesforce/label/c.CCSA_Readiness_SITE_READY';
import SITE_NEEDS_DIGITAL_EXPERIENCES from '@salesforce/label/c.CCSA_Readiness_SITE_NEEDS_DIGITAL_EXPERIENCES';
import SITE_MISSING from '@salesforce/label/c.CCSA_Readiness_SITE_MISSING';
import SITE_NOT_LIVE from '@salesforce/label/c.CCSA_Readiness_SITE_NOT_LIVE';
import SITE_OFFLINE from '@salesforce/label/c.CCSA_Readiness_SITE_OFFLINE';
import SITE_SHOW_ALL_SETTINGS_OFF from '@salesforce/label/c.CCSA_Readiness_SITE_SHOW_ALL_SETTINGS_OFF';
import SITE_PROFILE_NOT_MEMBER from '@salesforce/label/c.CCSA_Readiness_SITE_PROFILE_NOT_MEMBER';
import SITE_NO_PROFILE_TO_ADD from '@salesforce/label/c.CCSA_Readiness_SITE_NO_PROFILE_TO_ADD';
import SITE_MEMBER_PENDING from '@salesforce/label/c.CCSA_Readiness_SITE_MEMBER_PENDING';
import SITE_MEMBER_FAILED from '@salesforce/label/c.CCSA_Readiness_SITE_MEMBER_FAILED';
import SITE_WELCOME_EMAIL_ON from '@salesforce/label/c.CCSA_Readiness_SITE_WELCOME_EMAIL_ON';
import SITE_WELCOME_EMAIL_OFF from '@salesforce/label/c.CCSA_Readiness_SITE_WELCOME_EMAIL_OFF';
import CCP_PROFILE_OBJECT_ACCESS_MISSING from '@salesforce/label/c.CCSA_Readiness_CCP_PROFILE_OBJECT_ACCESS_MISSING';
import SITE_STATUS_LIVE from '@salesforce/label/c.CCSA_Readiness_Site_Status_Live';
import SITE_STATUS_PREVIEW from '@salesforce/label/c.CCSA_Readiness_Site_Status_Preview';
import SITE_STATUS_INACTIVE from '@salesforce/label/c.CCSA_Readiness_Site_Status_Inactive';
import CONTRACT_SHARERS_PRESENT from '@salesforce/label/c.CCSA_Readiness_CONTRACT_SHARERS_PRESENT';
import CONTRACT_SHARERS_PRESENT_ONE from '@salesforce/label/c.CCSA_Readiness_CONTRACT_SHARERS_PRESENT_One';
import CONTRACT_SHARERS_NONE from '@salesforce/label/c.CCSA_Readiness_CONTRACT_SHARERS_NONE';
import CONTRACT_SHARER_PERMISSION_SETS_MISSING from '@salesforce/label/c.CCSA_Readiness_CONTRACT_SHARER_PERMISSION_SETS_MISSING';
import ROW_DIGITAL_EXPERIENCES from '@salesforce/label/c.CCSA_Readiness_Row_DIGITAL_EXPERIENCES';
import ROW_STANDARD_EXTERNAL_PROFILES from '@salesforce/label/c.CCSA_Readiness_Row_STANDARD_EXTERNAL_PROFILES';
import ROW_ADMIN_ROLE from '@salesforce/label/c.CCSA_Readiness_Row_ADMIN_ROLE';
import ROW_CCP_PROFILE from '@salesforce/label/c.CCSA_Readiness_Row_CCP_PROFILE';
import ROW_CCP_SEATS from '@salesforce/label/c.CCSA_Readiness_Row_CCP_SEATS';
import ROW_CONTRACTS_PERMISSION_SETS from '@salesforce/label/c.CCSA_Readiness_Row_CONTRACTS_PERMISSION_SETS';
import ROW_SITE from '@salesforce/label/c.CCSA_Readiness_Row_SITE';
import ROW_CONTRACT_SHARERS from '@salesforce/label/c.CCSA_Readiness_Row_CONTRACT_SHARERS';
import FIX_ACTIVATE_SITE from '@salesforce/label/c.CCSA_Readiness_Fix_ACTIVATE_SITE';
import FIX_SHOW_ALL_SETTINGS from '@salesforce/label/c.CCSA_Readiness_Fix_SHOW_ALL_SETTINGS';
import FIX_ADD_PROFILE_MEMBER from '@salesforce/label/c.CCSA_Readiness_Fix_ADD_PROFILE_MEMBER';
import STATUS_DONE from '@salesforce/label/c.CCSA_Readiness_Status_Done';
import STATUS_NEEDS_ACTION from '@salesforce/label/c.CCSA_Readiness_Status_Needs_Action';
import STATUS_CONFIRM from '@salesforce/label/c.CCSA_Readiness_Status_Confirm';
import SETUP_OPEN_PAGE from '@salesforce/label/c.CCSA_Setup_Open_Page';
import OPEN_SETUP from '@salesforce/label/c.CCSA_Readiness_Open_Setup';
import SETUP_PAGE_USERS from '@salesforce/label/c.CCSA_Setup_Page_Users';
import SETUP_PAGE_PROFILES from '@salesforce/label/c.CCSA_Setup_Page_Profiles';
import SETUP_PAGE_PERMISSION_SETS from '@salesforce/label/c.CCSA_Setup_Page_Permission_Sets';
import SETUP_PAGE_DIGITAL_EXPERIENCES_SETTINGS from '@salesforce/label/c.CCSA_Setup_Page_Digital_Experiences_Settings';
import SETUP_PAGE_ALL_SITES from '@salesforce/label/c.CCSA_Setup_Page_All_Sites';
import SETUP_PAGE_COMPANY_INFORMATION from '@salesforce/label/c.CCSA_Setup_Page_Company_Information';
import SETUP_PAGE_USER from '@salesforce/label/c.CCSA_Setup_Page_User';
import SETUP_PAGE_PROFILE from '@salesforce/label/c.CCSA_Setup_Page_Profile';
import SETUP_PAGE_PERMISSION_SET from '@salesforce/label/c.CCSA_Setup_Page_Permission_Set';

/** One Custom Label per reason code: adding a code without its label fails the type-check. */
const REASONS: Readonly<Record<ReasonCode, string>> = {
    DIGITAL_EXPERIENCES_ENABLED,
    DIGITAL_EXPERIENCES_ENABLED_DOMAIN_UNKNOWN,
    DIGITAL_EXPERIENCES_DISABLED,
    STANDARD_EXTERNAL_PROFILES_CONFIRMED,
    STANDARD_EXTERNAL_PROFILES_UNCONFIRMED,
    ADMIN_HAS_ROLE,
    ADMIN_NO_ROLE,
    CCP_PROFILE_READY,
    CCP_PROFILE_API_DISABLED,
    CCP_PROFILE_CLONE_NEEDED,
    CCP_PROFILE_MISSING,
    CCP_SEATS_LICENSE_LEFT,
    CCP_SEATS_LICENSE_FULL,
    CCP_SEATS_LICENSE_EMPTY,
    CCP_SEATS_LICENSE_MISSING,
    CCP_SEATS_EXHAUSTED,
    CCP_LICENSE_MISSING,
    PERMISSION_SETS_READY,
    PERMISSION_SET_MISSING,
    PERMISSION_SET_LICENSE_NO_SEATS,
    SITE_READY,
    SITE_NEEDS_DIGITAL_EXPERIENCES,
    SITE_MISSING,
    SITE_NOT_LIVE,
    SITE_OFFLINE,
    SITE_SHOW_ALL_SETTINGS_OFF,
    SITE_PROFILE_NOT_MEMBER,
    SITE_NO_PROFILE_TO_ADD,
    SITE_MEMBER_PENDING,
    SITE_MEMBER_FAILED,
    SITE_WELCOME_EMAIL_ON,
    SITE_WELCOME_EMAIL_OFF,
    CCP_PROFILE_OBJECT_ACCESS_MISSING,
    CONTRACT_SHARERS_PRESENT,
    CONTRACT_SHARERS_NONE,
    CONTRACT_SHARER_PERMISSION_SETS_MISSING,
};

const ROWS: Readonly<Record<RowId, string>> = {
    DIGITAL_EXPERIENCES: ROW_DIGITAL_EXPERIENCES,
    STANDARD_EXTERNAL_PROFILES: ROW_STANDARD_EXTERNAL_PROFILES,
    ADMIN_ROLE: ROW_ADMIN_ROLE,
    CCP_PROFILE: ROW_CCP_PROFILE,
    CCP_SEATS: ROW_CCP_SEATS,
    CONTRACTS_PERMISSION_SETS: ROW_CONTRACTS_PERMISSION_SETS,
    SITE: ROW_SITE,
    CONTRACT_SHARERS: ROW_CONTRACT_SHARERS,
};

const FIXES: Readonly<Record<ReadinessFix, string>> = {
    ACTIVATE_SITE: FIX_ACTIVATE_SITE,
    SHOW_ALL_SETTINGS: FIX_SHOW_ALL_SETTINGS,
    ADD_PROFILE_MEMBER: FIX_ADD_PROFILE_MEMBER,
};

/** Reasons that count something in `{0}`: their label for exactly one (Custom Labels have no plural). */
const SINGULAR: Partial<Record<ReasonCode, string>> = {
    CONTRACT_SHARERS_PRESENT: CONTRACT_SHARERS_PRESENT_ONE,
};

const STATUSES: Readonly<Record<RowStatus, string>> = {
    done: STATUS_DONE,
    'needs-action': STATUS_NEEDS_ACTION,
    confirm: STATUS_CONFIRM,
};

/**
 * An Apex Datetime (ISO 8601, UTC) in the admin's time zone and locale, with the zone named
 * ("Jan 01, 2025, 07:04 PM PST"), as History shows its times: the admin's Salesforce settings
 * (`@salesforce/i18n/timeZone`, `@salesforce/i18n/locale`), not the browser's. Anything else is
 * shown as it is.
 * @param value the Datetime
 * @param timeZone the time zone (IANA id) to show it in; the running user's by default
 * @param locale the locale to format it for; the running user's by default
 */
export function formatDateTime(
    value: string | null | undefined,
    timeZone: string = TIME_ZONE,
    locale: string = LOCALE,
): string {
    const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value ?? '') ? new Date(value as string) : undefined;
    if (!date || Number.isNaN(date.getTime())) return value ?? '';
    const options: Intl.DateTimeFormatOptions = {
        year: 'numeric',
        month: 'short',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
    };
    try {
        return new Intl.DateTimeFormat(locale || undefined, { ...options, timeZone: timeZone || undefined }).format(
            date,
        );
    } catch {
        // A zone or locale this browser does not know: UTC, named, rather than nothing.
        return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(date);
    }
}

/** The values of each reason that are counts: shown with the locale's separators ("12,000"). */
const COUNT_VALUES: Partial<Record<ReasonCode, readonly number[]>> = {
    CCP_SEATS_LICENSE_LEFT: [1, 2, 3],
    CCP_SEATS_LICENSE_FULL: [1, 2],
    CCP_SEATS_LICENSE_EMPTY: [1, 2],
    PERMISSION_SET_LICENSE_NO_SEATS: [2, 3],
    CONTRACT_SHARERS_PRESENT: [0],
};

/**
 * A count as the admin reads it, with the thousands separators of the locale (as the other
 * panels show counts, `toLocaleString`); anything that is not a whole number is shown as it is.
 * @param value the count the rules give, as text
 * @returns "12,000" for "12000"
 */
export function formatCount(value: string | number | null | undefined): string {
    const text = String(value ?? '');
    return /^\d+$/.test(text) ? Number(text).toLocaleString() : text;
}

/**
 * "DocGen Run-time Community User: 12,000 seats left" for each Contracts permission set: the rules
 * give each set's label followed by the seats left on its license ('' when it needs none).
 */
function permissionSetSeats(values: readonly string[]): string[] {
    const items: string[] = [];
    for (let index = 0; index < values.length; index += 2) {
        const [label, left] = [values[index], values[index + 1]];
        items.push(
            left
                ? formatLabel(
                      countedLabel(left, PERMISSION_SET_SEATS_LEFT_ONE, PERMISSION_SET_SEATS_LEFT),
                      label,
                      formatCount(left),
                  )
                : label,
        );
    }
    return items;
}

/**
 * The admin-readable sentence of a reason (or finding).
 * @param reason the code and its values
 * @returns the sentence in the running user's language
 */
export function reasonMessage(reason: Reason): string {
    const raw = reason.values ?? [];
    const counts = COUNT_VALUES[reason.code] ?? [];
    const values = raw.map((value, index) => (counts.includes(index) ? formatCount(value) : value));
    if (reason.code === 'STANDARD_EXTERNAL_PROFILES_CONFIRMED') {
        values[1] = formatDateTime(values[1]);
    }
    if (reason.code === 'PERMISSION_SETS_READY') {
        return formatLabel(REASONS[reason.code], ...permissionSetSeats(raw));
    }
    const one = SINGULAR[reason.code];
    return formatLabel(one ? countedLabel(values[0], one, REASONS[reason.code]) : REASONS[reason.code], ...values);
}

/** The title of a checklist row. */
export function rowTitle(id: RowId): string {
    return ROWS[id];
}

/** The label of a row status. */
export function statusLabel(status: RowStatus): string {
    return STATUSES[status];
}

const SEAT_VERDICTS: Readonly<Record<SeatVerdict, string>> = {
    pass: SEAT_VERDICT_PASS,
    warn: SEAT_VERDICT_WARN,
    fail: SEAT_VERDICT_FAIL,
    'not-counted': SEAT_VERDICT_NOT_COUNTED,
};

/**
 * The verdict on one license's seats, as the seat row's icon names it to a screen reader.
 * @param verdict the license's verdict (`c/readinessRules`)
 * @returns the label
 */
export function seatVerdictLabel(verdict: SeatVerdict): string {
    return SEAT_VERDICTS[verdict];
}

/**
 * The label of a finding's Fix button, naming what it changes. The finding's values are the
 * site name and, for a membership, the profile name (see `c/readinessRules`).
 * @param fix the fix
 * @param finding the finding the fix answers
 * @returns the button label
 */
export function fixLabel(fix: ReadinessFix, finding: Pick<Finding, 'values'>): string {
    return formatLabel(FIXES[fix], ...(finding.values ?? []));
}

const SITE_STATUSES: Readonly<Record<SiteStatusKind, string>> = {
    live: SITE_STATUS_LIVE,
    preview: SITE_STATUS_PREVIEW,
    inactive: SITE_STATUS_INACTIVE,
};

/**
 * A site's status as Setup names it: Live, Preview or Inactive.
 * @param status `Network.Status`
 * @returns the label
 */
export function siteStatusLabel(status: string | null | undefined): string {
    return SITE_STATUSES[siteStatusKind(status)];
}

/**
 * The Setup pages the assistant links to, by the node in `/lightning/setup/<node>/...`: `home` is
 * the page's list, `page?address=/<id>` one record on it.
 */
const SETUP_PAGES: Readonly<Record<string, { home: string; record: string }>> = {
    ManageUsers: { home: SETUP_PAGE_USERS, record: SETUP_PAGE_USER },
    EnhancedProfiles: { home: SETUP_PAGE_PROFILES, record: SETUP_PAGE_PROFILE },
    PermSets: { home: SETUP_PAGE_PERMISSION_SETS, record: SETUP_PAGE_PERMISSION_SET },
    NetworkSettings: { home: SETUP_PAGE_DIGITAL_EXPERIENCES_SETTINGS, record: SETUP_PAGE_DIGITAL_EXPERIENCES_SETTINGS },
    SetupNetworks: { home: SETUP_PAGE_ALL_SITES, record: SETUP_PAGE_ALL_SITES },
    CompanyProfileInfo: { home: SETUP_PAGE_COMPANY_INFORMATION, record: SETUP_PAGE_COMPANY_INFORMATION },
};

/**
 * The accessible name of an "Open in Setup" link: which page it opens ("Open in Setup: Users"; the
 * visible text comes first, as WCAG 2.5.3 "Label in Name" and axe's label-content-name-mismatch ask),
 * so that a screen reader's list of links does not read "Open in Setup" five times.
 * @param url the link's Setup URL
 * @returns "Open in Setup: <page>", or "Open in Setup" for a page the assistant does not know
 */
export function setupLinkLabel(url: string | null | undefined): string {
    const match = /\/lightning\/setup\/([^/?#]+)\/(home|page)?/.exec(url ?? '');
    const page = match ? SETUP_PAGES[match[1]] : undefined;
    if (!page) return OPEN_SETUP;
    return formatLabel(SETUP_OPEN_PAGE, match?.[2] === 'page' ? page.record : page.home);
}
