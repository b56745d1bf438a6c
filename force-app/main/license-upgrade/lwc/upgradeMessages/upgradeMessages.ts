/**
 * Turns the validator's items (a code and its values) into the sentences an admin reads, from
 * Custom Labels, so that every message can be translated and the codes stay stable.
 */
import { countedLabel, countText, formatLabel, pluralLabel } from 'c/labelFormat';
import PLAN_PAGE from '@salesforce/label/c.CCSA_Plan_Page';
import PLAN_PAGE_ONE from '@salesforce/label/c.CCSA_Plan_Page_One';
import UPGRADE_FIT from '@salesforce/label/c.CCSA_Upgrade_Fit';
import UPGRADE_FIT_ONE from '@salesforce/label/c.CCSA_Upgrade_Fit_One';
import UPGRADE_FIT_NAMED from '@salesforce/label/c.CCSA_Upgrade_Fit_Named';
import UPGRADE_FIT_MORE from '@salesforce/label/c.CCSA_Upgrade_Fit_More';
import UPGRADE_SEATS from '@salesforce/label/c.CCSA_Upgrade_Seats';
import UPGRADE_SEATS_ONE from '@salesforce/label/c.CCSA_Upgrade_Seats_One';
import READY_COUNT from '@salesforce/label/c.CCSA_Upgrade_Ready_Count';
import READY_COUNT_ONE from '@salesforce/label/c.CCSA_Upgrade_Ready_Count_One';
import READY_COUNT_FIT from '@salesforce/label/c.CCSA_Upgrade_Ready_Count_Fit';
import READY_COUNT_FIT_ONE from '@salesforce/label/c.CCSA_Upgrade_Ready_Count_Fit_One';
import CANCELLED from '@salesforce/label/c.CCSA_Upgrade_Cancelled';
import CANCELLED_ONE from '@salesforce/label/c.CCSA_Upgrade_Cancelled_One';
import SUMMARY_COMPLETED from '@salesforce/label/c.CCSA_Upgrade_Summary_Completed';
import SUMMARY_FAILED from '@salesforce/label/c.CCSA_Upgrade_Summary_Failed';
import SUMMARY_REFUSED from '@salesforce/label/c.CCSA_Upgrade_Summary_Refused';
import SUMMARY_PENDING from '@salesforce/label/c.CCSA_Upgrade_Summary_Pending';
import SUMMARY_CANCELLED from '@salesforce/label/c.CCSA_Upgrade_Summary_Cancelled';
import SUMMARY_NOT_RUN from '@salesforce/label/c.CCSA_Upgrade_Summary_NotRun';
import SUMMARY_UNFINISHED from '@salesforce/label/c.CCSA_Upgrade_Summary_Unfinished';
import SUMMARY_NOT_ENOUGH_SEATS from '@salesforce/label/c.CCSA_Upgrade_Summary_NotEnoughSeats';
import SUMMARY_BLOCKED from '@salesforce/label/c.CCSA_Upgrade_Summary_Blocked';
import type { Item, ItemCode } from 'c/upgradeValidator';
import type { ConversionPath } from 'c/licenseConversion';
import type { ManualStep, RunOutcome } from 'c/upgradePlan';
import STEP_OPEN_CONTACT from '@salesforce/label/c.CCSA_Step_OPEN_CONTACT';
import STEP_DISABLE_CUSTOMER_USER from '@salesforce/label/c.CCSA_Step_DISABLE_CUSTOMER_USER';
import STEP_DISABLE_PARTNER_USER from '@salesforce/label/c.CCSA_Step_DISABLE_PARTNER_USER';
import STEP_ENABLE_CUSTOMER_USER from '@salesforce/label/c.CCSA_Step_ENABLE_CUSTOMER_USER';
import STEP_ENABLE_PARTNER_ACCOUNT from '@salesforce/label/c.CCSA_Step_ENABLE_PARTNER_ACCOUNT';
import STEP_ENABLE_PARTNER_USER from '@salesforce/label/c.CCSA_Step_ENABLE_PARTNER_USER';
import STEP_REASSIGN_PERMISSION_SETS from '@salesforce/label/c.CCSA_Step_REASSIGN_PERMISSION_SETS';
import STEP_DEACTIVATE_USER from '@salesforce/label/c.CCSA_Step_DEACTIVATE_USER';
import STEP_CREATE_USER_IDENTITY from '@salesforce/label/c.CCSA_Step_CREATE_USER_IDENTITY';
import STEP_MIGRATE_DATA from '@salesforce/label/c.CCSA_Step_MIGRATE_DATA';
import PATHNAME_CHANGE_PROFILE from '@salesforce/label/c.CCSA_Path_change_profile';
import PATHNAME_NONE from '@salesforce/label/c.CCSA_Path_none';
import PATHNAME_REENABLE_AS_CUSTOMER from '@salesforce/label/c.CCSA_Path_reenable_as_customer';
import PATHNAME_REENABLE_AS_PARTNER from '@salesforce/label/c.CCSA_Path_reenable_as_partner';
import PATHNAME_MIGRATE from '@salesforce/label/c.CCSA_Path_migrate';
import STATUS_SNAPSHOT from '@salesforce/label/c.CCSA_Upgrade_Status_Snapshot';
import STATUS_APPLIED from '@salesforce/label/c.CCSA_Upgrade_Status_Applied';
import STATUS_COMPLETED from '@salesforce/label/c.CCSA_Upgrade_Status_Completed';
import STATUS_REFUSED from '@salesforce/label/c.CCSA_Upgrade_Status_Refused';
import STATUS_FAILED from '@salesforce/label/c.CCSA_Upgrade_Status_Failed';
import STATUS_CANCELLED from '@salesforce/label/c.CCSA_Upgrade_Status_Cancelled';
import INACTIVE_USER from '@salesforce/label/c.CCSA_Upgrade_INACTIVE_USER';
import INTERNAL_USER from '@salesforce/label/c.CCSA_Upgrade_INTERNAL_USER';
import ALREADY_ON_TARGET from '@salesforce/label/c.CCSA_Upgrade_ALREADY_ON_TARGET';
import PATH_REENABLE_AS_CUSTOMER from '@salesforce/label/c.CCSA_Upgrade_PATH_REENABLE_AS_CUSTOMER';
import PATH_REENABLE_AS_PARTNER from '@salesforce/label/c.CCSA_Upgrade_PATH_REENABLE_AS_PARTNER';
import PATH_MIGRATE from '@salesforce/label/c.CCSA_Upgrade_PATH_MIGRATE';
import PARTNER_ACCOUNT_NOT_ENABLED from '@salesforce/label/c.CCSA_Upgrade_PARTNER_ACCOUNT_NOT_ENABLED';
import PERSON_ACCOUNTS_OVER_LIMIT from '@salesforce/label/c.CCSA_Upgrade_PERSON_ACCOUNTS_OVER_LIMIT';
import ACCOUNT_OWNER_WITHOUT_ROLE from '@salesforce/label/c.CCSA_Upgrade_ACCOUNT_OWNER_WITHOUT_ROLE';
import NOT_ENOUGH_SEATS from '@salesforce/label/c.CCSA_Upgrade_NOT_ENOUGH_SEATS';
import NOT_ENOUGH_SEATS_ONE from '@salesforce/label/c.CCSA_Upgrade_NOT_ENOUGH_SEATS_One';
import NOT_ENOUGH_SEATS_NONE from '@salesforce/label/c.CCSA_Upgrade_NOT_ENOUGH_SEATS_None';
import ROLE_IRREVERSIBLE from '@salesforce/label/c.CCSA_Upgrade_ROLE_IRREVERSIBLE';
import ROLE_ASSIGN_LOWEST from '@salesforce/label/c.CCSA_Upgrade_ROLE_ASSIGN_LOWEST';
import ROLE_CREATE from '@salesforce/label/c.CCSA_Upgrade_ROLE_CREATE';
import ROLE_KEPT from '@salesforce/label/c.CCSA_Upgrade_ROLE_KEPT';
import ACCOUNT_ROLE_OPTIMIZATION from '@salesforce/label/c.CCSA_Upgrade_ACCOUNT_ROLE_OPTIMIZATION';
import PERMISSION_SET_RESTORED from '@salesforce/label/c.CCSA_Upgrade_PERMISSION_SET_RESTORED';
import PERMISSION_SET_LOST from '@salesforce/label/c.CCSA_Upgrade_PERMISSION_SET_LOST';
import PERMISSION_SET_LICENSE_RESTORE from '@salesforce/label/c.CCSA_Upgrade_PERMISSION_SET_LICENSE_RESTORE';
import SHARING_SETS_REMOVED from '@salesforce/label/c.CCSA_Upgrade_SHARING_SETS_REMOVED';
import MODIFY_ALL_LOST from '@salesforce/label/c.CCSA_Upgrade_MODIFY_ALL_LOST';
import VIEW_ALL_LOST from '@salesforce/label/c.CCSA_Upgrade_VIEW_ALL_LOST';
import SITE_ACCESS_LOST from '@salesforce/label/c.CCSA_Upgrade_SITE_ACCESS_LOST';
import SCALE_TARGET from '@salesforce/label/c.CCSA_Upgrade_SCALE_TARGET';
import SCALE_TARGET_UNSTATED from '@salesforce/label/c.CCSA_Upgrade_SCALE_TARGET_UNSTATED';
import LOSS_OF_FUNCTIONALITY from '@salesforce/label/c.CCSA_Upgrade_LOSS_OF_FUNCTIONALITY';
import DATA_ACCESS_LOSS from '@salesforce/label/c.CCSA_Upgrade_DATA_ACCESS_LOSS';
import ROLE_CHOSEN from '@salesforce/label/c.CCSA_Upgrade_ROLE_CHOSEN';
import NO_SITE_ACCESS from '@salesforce/label/c.CCSA_Upgrade_NO_SITE_ACCESS';
import CONTRACTS_PERMISSION_SETS from '@salesforce/label/c.CCSA_Upgrade_CONTRACTS_PERMISSION_SETS';
import CONTRACTS_PERMISSION_SETS_MISSING from '@salesforce/label/c.CCSA_Upgrade_CONTRACTS_PERMISSION_SETS_MISSING';
import CONTRACTS_CONTENT_USER from '@salesforce/label/c.CCSA_Upgrade_CONTRACTS_CONTENT_USER';
import CONTRACTS_API_DISABLED from '@salesforce/label/c.CCSA_Upgrade_CONTRACTS_API_DISABLED';
import SELF_REGISTRATION_SLOWER from '@salesforce/label/c.CCSA_Upgrade_SELF_REGISTRATION_SLOWER';
import PUBLIC_GROUP_ADDED from '@salesforce/label/c.CCSA_Upgrade_PUBLIC_GROUP_ADDED';
import CHANGE_PROFILE from '@salesforce/label/c.CCSA_Upgrade_CHANGE_PROFILE';

/** One Custom Label per item code: adding a code without its label fails the type-check. */
const TEMPLATES: Readonly<Record<ItemCode, string>> = {
    INACTIVE_USER,
    INTERNAL_USER,
    ALREADY_ON_TARGET,
    PATH_REENABLE_AS_CUSTOMER,
    PATH_REENABLE_AS_PARTNER,
    PATH_MIGRATE,
    LOSS_OF_FUNCTIONALITY,
    DATA_ACCESS_LOSS,
    PARTNER_ACCOUNT_NOT_ENABLED,
    PERSON_ACCOUNTS_OVER_LIMIT,
    ACCOUNT_OWNER_WITHOUT_ROLE,
    NOT_ENOUGH_SEATS,
    ROLE_IRREVERSIBLE,
    ROLE_ASSIGN_LOWEST,
    ROLE_CREATE,
    ROLE_KEPT,
    ROLE_CHOSEN,
    ACCOUNT_ROLE_OPTIMIZATION,
    PERMISSION_SET_RESTORED,
    PERMISSION_SET_LOST,
    PERMISSION_SET_LICENSE_RESTORE,
    SHARING_SETS_REMOVED,
    MODIFY_ALL_LOST,
    VIEW_ALL_LOST,
    SITE_ACCESS_LOST,
    NO_SITE_ACCESS,
    SCALE_TARGET,
    SCALE_TARGET_UNSTATED,
    SELF_REGISTRATION_SLOWER,
    PUBLIC_GROUP_ADDED,
    CHANGE_PROFILE,
    CONTRACTS_PERMISSION_SETS,
    CONTRACTS_PERMISSION_SETS_MISSING,
    CONTRACTS_CONTENT_USER,
    CONTRACTS_API_DISABLED,
};

/**
 * The admin-readable sentence of a validator item.
 * @param item the item
 * @returns the sentence in the running user's language
 */
export function itemMessage(item: Item): string {
    const values = item.values ?? [];
    if (item.code === 'PERSON_ACCOUNTS_OVER_LIMIT') {
        // "{0} ... owns {1} person accounts; the limit is {2}": counts grouped as the admin reads them
        // ("50,001"), as the policy's refusal gives them (Apex `Integer.format()`).
        const [owner, owned, limit] = values;
        return formatLabel(TEMPLATES[item.code], owner, groupedCount(owned), groupedCount(limit));
    }
    // "needs {1} {0} licenses and {2} are left": the seats left ({2}) decide the wording.
    const template =
        item.code === 'NOT_ENOUGH_SEATS'
            ? countedLabel(values[2], NOT_ENOUGH_SEATS_ONE, NOT_ENOUGH_SEATS, NOT_ENOUGH_SEATS_NONE)
            : TEMPLATES[item.code];
    return formatLabel(template, ...values);
}

/** A count given as digits, grouped by the user's locale; any other text as it is. */
function groupedCount(value: string | undefined): string | undefined {
    return value !== undefined && /^\d+$/.test(value) ? countText(Number(value)) : value;
}

const STEPS: Readonly<Record<ManualStep['code'], string>> = {
    OPEN_CONTACT: STEP_OPEN_CONTACT,
    DISABLE_CUSTOMER_USER: STEP_DISABLE_CUSTOMER_USER,
    DISABLE_PARTNER_USER: STEP_DISABLE_PARTNER_USER,
    ENABLE_CUSTOMER_USER: STEP_ENABLE_CUSTOMER_USER,
    ENABLE_PARTNER_ACCOUNT: STEP_ENABLE_PARTNER_ACCOUNT,
    ENABLE_PARTNER_USER: STEP_ENABLE_PARTNER_USER,
    REASSIGN_PERMISSION_SETS: STEP_REASSIGN_PERMISSION_SETS,
    DEACTIVATE_USER: STEP_DEACTIVATE_USER,
    CREATE_USER_IDENTITY: STEP_CREATE_USER_IDENTITY,
    MIGRATE_DATA: STEP_MIGRATE_DATA,
};

const PATHS: Readonly<Record<ConversionPath, string>> = {
    'change-profile': PATHNAME_CHANGE_PROFILE,
    none: PATHNAME_NONE,
    'reenable-as-customer': PATHNAME_REENABLE_AS_CUSTOMER,
    'reenable-as-partner': PATHNAME_REENABLE_AS_PARTNER,
    migrate: PATHNAME_MIGRATE,
};

const STATUSES: Readonly<Record<string, string>> = {
    Snapshot: STATUS_SNAPSHOT,
    Applied: STATUS_APPLIED,
    Completed: STATUS_COMPLETED,
    Refused: STATUS_REFUSED,
    Failed: STATUS_FAILED,
    Cancelled: STATUS_CANCELLED,
};

/**
 * The sentence of a manual step of the seed 003 procedure.
 * @param step the step
 * @returns the sentence
 */
export function stepMessage(step: ManualStep): string {
    return formatLabel(STEPS[step.code], ...step.values);
}

/**
 * A short name for a conversion path, for badges.
 * @param path the path
 * @returns the name
 */
export function pathLabel(path: ConversionPath): string {
    return PATHS[path];
}

/**
 * What a license change status means to the admin; an unknown status is shown as it is.
 * @param status the status of a change result
 * @returns the text
 */
export function statusLabel(status: string | null | undefined): string {
    return (status && STATUSES[status]) || status || '';
}

// The panel's counts: Custom Labels have no plural forms, so each has a label for one and one for
// zero or many, and "1 seats left" or "0 of 1 users can be changed" never shows.

/**
 * The seats left of the target license ("Customer Community Plus: 3 seats left").
 * @param license the license name
 * @param left the seats left
 * @returns the line
 */
export function seatsLeftText(license: string, left: number): string {
    return formatLabel(countedLabel(left, UPGRADE_SEATS_ONE, UPGRADE_SEATS), license, countText(left));
}

/**
 * The "Change the N that fit" button; one user is named ("Change Isla Andersson, who fits"), so
 * that the button says whom it changes before it is pressed.
 * @param count the verdicts that fit the seats
 * @param name the name of the one user that fits, when there is one
 * @returns the label
 */
export function fitLabel(count: number, name?: string): string {
    if (count === 1 && name) {
        return formatLabel(UPGRADE_FIT_NAMED, name);
    }
    return pluralLabel(count, UPGRADE_FIT_ONE, UPGRADE_FIT);
}

/**
 * "and 3 more", after the first names of the users that fit; empty for none.
 * @param more the users that fit and are not named
 * @returns the text
 */
export function fitMoreText(more: number): string {
    return more > 0 ? formatLabel(UPGRADE_FIT_MORE, countText(more)) : '';
}

/**
 * "2 of 5 users can be changed now.", or, when the seats left fit only some of the users whose
 * verdict allows the change, what each button would run: "0 of 56 users can be changed together
 * with the seats left; 1 fits." (Change licenses runs the ready users, "Change … that fit" the
 * ones that fit).
 * @param ready the users that can be changed
 * @param total the users validated
 * @param fit the users "Change … that fit" would change (0 when it is not offered)
 * @returns the line
 */
export function readyCountText(ready: number, total: number, fit = 0): string {
    if (fit > 0) {
        return formatLabel(
            countedLabel(fit, READY_COUNT_FIT_ONE, READY_COUNT_FIT),
            countText(ready),
            countText(total),
            countText(fit),
        );
    }
    return formatLabel(countedLabel(total, READY_COUNT_ONE, READY_COUNT), countText(ready), countText(total));
}

/**
 * The notice after unfinished changes were cancelled.
 * @param count the changes cancelled
 * @returns the notice
 */
export function cancelledText(count: number): string {
    return pluralLabel(count, CANCELLED_ONE, CANCELLED);
}

/**
 * The plan's pager ("Page 1 of 3 (120 rows)"), worded as in Enable users.
 * @param page the page shown, from 1
 * @param pageCount the pages
 * @param rows the rows that match the filter
 * @returns the line
 */
export function planPageText(page: number, pageCount: number, rows: number): string {
    return formatLabel(
        countedLabel(rows, PLAN_PAGE_ONE, PLAN_PAGE),
        countText(page),
        countText(pageCount),
        countText(rows),
    );
}

/** The summary's words per outcome ("{0} changed"), as Enable users words its own. */
const SUMMARY_LABELS: Readonly<Record<RunOutcome, string>> = {
    Completed: SUMMARY_COMPLETED,
    Pending: SUMMARY_PENDING,
    Unfinished: SUMMARY_UNFINISHED,
    Failed: SUMMARY_FAILED,
    Refused: SUMMARY_REFUSED,
    Cancelled: SUMMARY_CANCELLED,
    NotRun: SUMMARY_NOT_RUN,
    NotEnoughSeats: SUMMARY_NOT_ENOUGH_SEATS,
    Blocked: SUMMARY_BLOCKED,
};

/**
 * "1 changed · 5 not changed: not enough seats": each outcome of the validated selection and how
 * many users it has; an outcome without a label of its own (a status Apex adds) is named as it is.
 * @param counts the outcomes and their counts, in the order to name them
 * @returns the line
 */
export function summaryText(counts: ReadonlyArray<readonly [string, number]>): string {
    return counts
        .map(([outcome, count]) =>
            formatLabel((SUMMARY_LABELS as Record<string, string>)[outcome] ?? `{0} ${outcome}`, countText(count)),
        )
        .join(' · ');
}
