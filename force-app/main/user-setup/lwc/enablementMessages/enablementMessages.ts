/**
 * Words for the enable-users rules (`c/userEnablement`) and for the platform's refusals that
 * Apex maps to the same codes (`UserEnablementService.codeFor`): each problem with its fix, from
 * Custom Labels.
 */
import { countedLabel, countText, formatLabel, joinSentences, pluralLabel } from 'c/labelFormat';
import { plainText } from 'c/planRows';
import type { FixCode, Problem, ProblemCode, Warning, WarningCode } from 'c/userEnablement';
import PROBLEM_EMAIL_MISSING from '@salesforce/label/c.CCSA_Enable_Problem_EMAIL_MISSING';
import PROBLEM_EMAIL_INVALID from '@salesforce/label/c.CCSA_Enable_Problem_EMAIL_INVALID';
import PROBLEM_LAST_NAME_MISSING from '@salesforce/label/c.CCSA_Enable_Problem_LAST_NAME_MISSING';
import PROBLEM_NAME_TOO_LONG from '@salesforce/label/c.CCSA_Enable_Problem_NAME_TOO_LONG';
import PROBLEM_CONTACT_WITHOUT_ACCOUNT from '@salesforce/label/c.CCSA_Enable_Problem_CONTACT_WITHOUT_ACCOUNT';
import PROBLEM_ACCOUNT_OWNER_WITHOUT_ROLE from '@salesforce/label/c.CCSA_Enable_Problem_ACCOUNT_OWNER_WITHOUT_ROLE';
import PROBLEM_ACCOUNT_OWNER_WITHOUT_ROLE_UNNAMED from '@salesforce/label/c.CCSA_Enable_Problem_ACCOUNT_OWNER_WITHOUT_ROLE_Unnamed';
import PROBLEM_USER_EXISTS from '@salesforce/label/c.CCSA_Enable_Problem_USER_EXISTS';
import PROBLEM_USER_EXISTS_OTHER_LICENSE from '@salesforce/label/c.CCSA_Enable_Problem_USER_EXISTS_OTHER_LICENSE';
import PROBLEM_CONTACT_DUPLICATE_IN_BATCH from '@salesforce/label/c.CCSA_Enable_Problem_CONTACT_DUPLICATE_IN_BATCH';
import PROBLEM_USERNAME_MISSING from '@salesforce/label/c.CCSA_Enable_Problem_USERNAME_MISSING';
import PROBLEM_USERNAME_INVALID from '@salesforce/label/c.CCSA_Enable_Problem_USERNAME_INVALID';
import PROBLEM_USERNAME_TOO_LONG from '@salesforce/label/c.CCSA_Enable_Problem_USERNAME_TOO_LONG';
import PROBLEM_USERNAME_TAKEN from '@salesforce/label/c.CCSA_Enable_Problem_USERNAME_TAKEN';
import PROBLEM_USERNAME_DUPLICATE_IN_BATCH from '@salesforce/label/c.CCSA_Enable_Problem_USERNAME_DUPLICATE_IN_BATCH';
import PROBLEM_NICKNAME_INVALID from '@salesforce/label/c.CCSA_Enable_Problem_NICKNAME_INVALID';
import PROBLEM_NICKNAME_TOO_LONG from '@salesforce/label/c.CCSA_Enable_Problem_NICKNAME_TOO_LONG';
import PROBLEM_NICKNAME_TAKEN from '@salesforce/label/c.CCSA_Enable_Problem_NICKNAME_TAKEN';
import PROBLEM_NICKNAME_DUPLICATE_IN_BATCH from '@salesforce/label/c.CCSA_Enable_Problem_NICKNAME_DUPLICATE_IN_BATCH';
import PROBLEM_ALIAS_MISSING from '@salesforce/label/c.CCSA_Enable_Problem_ALIAS_MISSING';
import PROBLEM_ALIAS_INVALID from '@salesforce/label/c.CCSA_Enable_Problem_ALIAS_INVALID';
import PROBLEM_LOCALE_SETTING_MISSING from '@salesforce/label/c.CCSA_Enable_Problem_LOCALE_SETTING_MISSING';
import PROBLEM_PERMISSION_SET_UNKNOWN from '@salesforce/label/c.CCSA_Enable_Problem_PERMISSION_SET_UNKNOWN';
import PROBLEM_PERMISSION_SET_LICENSE_MISMATCH from '@salesforce/label/c.CCSA_Enable_Problem_PERMISSION_SET_LICENSE_MISMATCH';
import PROBLEM_NO_CONTACTS_SELECTED from '@salesforce/label/c.CCSA_Enable_Problem_NO_CONTACTS_SELECTED';
import PROBLEM_SELECTION_TOO_LARGE from '@salesforce/label/c.CCSA_Enable_Problem_SELECTION_TOO_LARGE';
import PROBLEM_USERNAME_SUFFIX_INVALID from '@salesforce/label/c.CCSA_Enable_Problem_USERNAME_SUFFIX_INVALID';
import PROBLEM_PROFILE_NOT_CHOSEN from '@salesforce/label/c.CCSA_Enable_Problem_PROFILE_NOT_CHOSEN';
import PROBLEM_PROFILE_LICENSE_NOT_CCP from '@salesforce/label/c.CCSA_Enable_Problem_PROFILE_LICENSE_NOT_CCP';
import PROBLEM_PROFILE_API_DISABLED from '@salesforce/label/c.CCSA_Enable_Problem_PROFILE_API_DISABLED';
import PROBLEM_NOT_ENOUGH_LICENSE_SEATS from '@salesforce/label/c.CCSA_Enable_Problem_NOT_ENOUGH_LICENSE_SEATS';
import PROBLEM_NOT_ENOUGH_LICENSE_SEATS_ONE from '@salesforce/label/c.CCSA_Enable_Problem_NOT_ENOUGH_LICENSE_SEATS_One';
import PROBLEM_NOT_ENOUGH_LICENSE_SEATS_NONE from '@salesforce/label/c.CCSA_Enable_Problem_NOT_ENOUGH_LICENSE_SEATS_None';
import PROBLEM_PERMISSION_SET_MISSING from '@salesforce/label/c.CCSA_Enable_Problem_PERMISSION_SET_MISSING';
import PROBLEM_NOT_ENOUGH_PSL_SEATS from '@salesforce/label/c.CCSA_Enable_Problem_NOT_ENOUGH_PSL_SEATS';
import PROBLEM_NOT_ENOUGH_PSL_SEATS_ONE from '@salesforce/label/c.CCSA_Enable_Problem_NOT_ENOUGH_PSL_SEATS_One';
import PROBLEM_NOT_ENOUGH_PSL_SEATS_NONE from '@salesforce/label/c.CCSA_Enable_Problem_NOT_ENOUGH_PSL_SEATS_None';
import READY_COUNT from '@salesforce/label/c.CCSA_Enable_Ready_Count';
import READY_COUNT_ONE from '@salesforce/label/c.CCSA_Enable_Ready_Count_One';
import RETRY_COUNT from '@salesforce/label/c.CCSA_Enable_Retry_Count';
import RETRY_COUNT_ONE from '@salesforce/label/c.CCSA_Enable_Retry_Count_One';
import PLAN_PAGE from '@salesforce/label/c.CCSA_Plan_Page';
import PLAN_PAGE_ONE from '@salesforce/label/c.CCSA_Plan_Page_One';
import FIT from '@salesforce/label/c.CCSA_Enable_Fit';
import FIT_ONE from '@salesforce/label/c.CCSA_Enable_Fit_One';
import SEATS from '@salesforce/label/c.CCSA_Enable_Seats';
import SEATS_ONE from '@salesforce/label/c.CCSA_Enable_Seats_One';
import SEATS_NEEDED from '@salesforce/label/c.CCSA_Enable_Seats_Needed';
import SEATS_NEEDED_ONE from '@salesforce/label/c.CCSA_Enable_Seats_Needed_One';
import PROFILE_OPTION from '@salesforce/label/c.CCSA_Enable_Profile_Option';
import PROFILE_OPTION_ONE from '@salesforce/label/c.CCSA_Enable_Profile_Option_One';
import PROBLEM_FIELD_INTEGRITY from '@salesforce/label/c.CCSA_Enable_Problem_FIELD_INTEGRITY';
import PROBLEM_PLATFORM_ERROR from '@salesforce/label/c.CCSA_Enable_Problem_PLATFORM_ERROR';
import FIX_EDIT_EMAIL from '@salesforce/label/c.CCSA_Enable_Fix_EDIT_EMAIL';
import FIX_EDIT_NAME from '@salesforce/label/c.CCSA_Enable_Fix_EDIT_NAME';
import FIX_ASSIGN_ACCOUNT from '@salesforce/label/c.CCSA_Enable_Fix_ASSIGN_ACCOUNT';
import FIX_GIVE_ACCOUNT_OWNER_ROLE from '@salesforce/label/c.CCSA_Enable_Fix_GIVE_ACCOUNT_OWNER_ROLE';
import FIX_OPEN_USER_DOCTOR from '@salesforce/label/c.CCSA_Enable_Fix_OPEN_USER_DOCTOR';
import FIX_OPEN_LICENSE_UPGRADE from '@salesforce/label/c.CCSA_Enable_Fix_OPEN_LICENSE_UPGRADE';
import FIX_REMOVE_DUPLICATE_ROW from '@salesforce/label/c.CCSA_Enable_Fix_REMOVE_DUPLICATE_ROW';
import FIX_ENTER_USERNAME from '@salesforce/label/c.CCSA_Enable_Fix_ENTER_USERNAME';
import FIX_EDIT_USERNAME from '@salesforce/label/c.CCSA_Enable_Fix_EDIT_USERNAME';
import FIX_EDIT_NICKNAME from '@salesforce/label/c.CCSA_Enable_Fix_EDIT_NICKNAME';
import FIX_EDIT_ALIAS from '@salesforce/label/c.CCSA_Enable_Fix_EDIT_ALIAS';
import FIX_EDIT_LOCALE_SETTING from '@salesforce/label/c.CCSA_Enable_Fix_EDIT_LOCALE_SETTING';
import FIX_REMOVE_PERMISSION_SET from '@salesforce/label/c.CCSA_Enable_Fix_REMOVE_PERMISSION_SET';
import FIX_SELECT_CONTACTS from '@salesforce/label/c.CCSA_Enable_Fix_SELECT_CONTACTS';
import FIX_REDUCE_SELECTION from '@salesforce/label/c.CCSA_Enable_Fix_REDUCE_SELECTION';
import FIX_EDIT_USERNAME_SUFFIX from '@salesforce/label/c.CCSA_Enable_Fix_EDIT_USERNAME_SUFFIX';
import FIX_CHOOSE_CCP_PROFILE from '@salesforce/label/c.CCSA_Enable_Fix_CHOOSE_CCP_PROFILE';
import FIX_ENABLE_API_ON_PROFILE from '@salesforce/label/c.CCSA_Enable_Fix_ENABLE_API_ON_PROFILE';
import FIX_ADD_LICENSE_SEATS from '@salesforce/label/c.CCSA_Enable_Fix_ADD_LICENSE_SEATS';
import FIX_INSTALL_SALESFORCE_CONTRACTS from '@salesforce/label/c.CCSA_Enable_Fix_INSTALL_SALESFORCE_CONTRACTS';
import FIX_ADD_PSL_SEATS from '@salesforce/label/c.CCSA_Enable_Fix_ADD_PSL_SEATS';
import FIX_RETRY from '@salesforce/label/c.CCSA_Enable_Fix_RETRY';
import WARNING_USERNAME_ADJUSTED from '@salesforce/label/c.CCSA_Enable_Warning_USERNAME_ADJUSTED';
import WARNING_USERNAME_SHORTENED from '@salesforce/label/c.CCSA_Enable_Warning_USERNAME_SHORTENED';
import WARNING_EMAIL_SHARED_IN_BATCH from '@salesforce/label/c.CCSA_Enable_Warning_EMAIL_SHARED_IN_BATCH';
import WARNING_CONTRACTS_PERMISSION_SET_NOT_SELECTED from '@salesforce/label/c.CCSA_Enable_Warning_CONTRACTS_PERMISSION_SET_NOT_SELECTED';
import WARNING_NICKNAME_CHANGED_FOR_TYPED from '@salesforce/label/c.CCSA_Enable_Warning_NICKNAME_CHANGED_FOR_TYPED';
import WARNING_USERNAME_CHANGED_FOR_TYPED from '@salesforce/label/c.CCSA_Enable_Warning_USERNAME_CHANGED_FOR_TYPED';
import FIX_PREFIX from '@salesforce/label/c.CCSA_Enable_Fix_Prefix';
import PROBLEM_REFUSED from '@salesforce/label/c.CCSA_Enable_Problem_REFUSED';
import PROBLEM_CONTENT_LICENSE_UNAVAILABLE from '@salesforce/label/c.CCSA_Enable_Problem_CONTENT_LICENSE_UNAVAILABLE';
import PROBLEM_DUPLICATES_DETECTED from '@salesforce/label/c.CCSA_Enable_Problem_DUPLICATES_DETECTED';
import PROBLEM_CUSTOMER_MATCHES_CONTACT from '@salesforce/label/c.CCSA_Enable_Problem_CUSTOMER_MATCHES_CONTACT';
import PROBLEM_CUSTOMER_MATCHES_ACCOUNT from '@salesforce/label/c.CCSA_Enable_Problem_CUSTOMER_MATCHES_ACCOUNT';
import PROBLEM_CUSTOMER_DUPLICATE_IN_BATCH from '@salesforce/label/c.CCSA_Enable_Problem_CUSTOMER_DUPLICATE_IN_BATCH';
import FIX_FREE_CONTENT_LICENSE from '@salesforce/label/c.CCSA_Enable_Fix_FREE_CONTENT_LICENSE';
import FIX_CHOOSE_EXISTING_OR_NEW from '@salesforce/label/c.CCSA_Enable_Fix_CHOOSE_EXISTING_OR_NEW';
import FIX_REFUSED from '@salesforce/label/c.CCSA_Enable_Fix_REFUSED';

/**
 * Codes only the platform reports (Apex maps them when no rule code fits): CONTENT_LICENSE_UNAVAILABLE
 * when "Salesforce CRM Content User" found no feature license (the user exists without it), and
 * DUPLICATES_DETECTED when a duplicate rule blocked a typed customer.
 */
export type PlatformCode = 'FIELD_INTEGRITY' | 'PLATFORM_ERROR' | 'CONTENT_LICENSE_UNAVAILABLE' | 'DUPLICATES_DETECTED';

/** Fixes of platform codes only. */
type PlatformFix = 'RETRY' | 'FREE_CONTENT_LICENSE';

const PROBLEMS: Readonly<Record<ProblemCode | PlatformCode, string>> = {
    EMAIL_MISSING: PROBLEM_EMAIL_MISSING,
    EMAIL_INVALID: PROBLEM_EMAIL_INVALID,
    LAST_NAME_MISSING: PROBLEM_LAST_NAME_MISSING,
    NAME_TOO_LONG: PROBLEM_NAME_TOO_LONG,
    CONTACT_WITHOUT_ACCOUNT: PROBLEM_CONTACT_WITHOUT_ACCOUNT,
    ACCOUNT_OWNER_WITHOUT_ROLE: PROBLEM_ACCOUNT_OWNER_WITHOUT_ROLE,
    USER_EXISTS: PROBLEM_USER_EXISTS,
    USER_EXISTS_OTHER_LICENSE: PROBLEM_USER_EXISTS_OTHER_LICENSE,
    CONTACT_DUPLICATE_IN_BATCH: PROBLEM_CONTACT_DUPLICATE_IN_BATCH,
    USERNAME_MISSING: PROBLEM_USERNAME_MISSING,
    USERNAME_INVALID: PROBLEM_USERNAME_INVALID,
    USERNAME_TOO_LONG: PROBLEM_USERNAME_TOO_LONG,
    USERNAME_TAKEN: PROBLEM_USERNAME_TAKEN,
    USERNAME_DUPLICATE_IN_BATCH: PROBLEM_USERNAME_DUPLICATE_IN_BATCH,
    NICKNAME_INVALID: PROBLEM_NICKNAME_INVALID,
    NICKNAME_TOO_LONG: PROBLEM_NICKNAME_TOO_LONG,
    NICKNAME_TAKEN: PROBLEM_NICKNAME_TAKEN,
    NICKNAME_DUPLICATE_IN_BATCH: PROBLEM_NICKNAME_DUPLICATE_IN_BATCH,
    ALIAS_MISSING: PROBLEM_ALIAS_MISSING,
    ALIAS_INVALID: PROBLEM_ALIAS_INVALID,
    LOCALE_SETTING_MISSING: PROBLEM_LOCALE_SETTING_MISSING,
    PERMISSION_SET_UNKNOWN: PROBLEM_PERMISSION_SET_UNKNOWN,
    PERMISSION_SET_LICENSE_MISMATCH: PROBLEM_PERMISSION_SET_LICENSE_MISMATCH,
    NO_CONTACTS_SELECTED: PROBLEM_NO_CONTACTS_SELECTED,
    SELECTION_TOO_LARGE: PROBLEM_SELECTION_TOO_LARGE,
    USERNAME_SUFFIX_INVALID: PROBLEM_USERNAME_SUFFIX_INVALID,
    PROFILE_NOT_CHOSEN: PROBLEM_PROFILE_NOT_CHOSEN,
    PROFILE_LICENSE_NOT_CCP: PROBLEM_PROFILE_LICENSE_NOT_CCP,
    PROFILE_API_DISABLED: PROBLEM_PROFILE_API_DISABLED,
    NOT_ENOUGH_LICENSE_SEATS: PROBLEM_NOT_ENOUGH_LICENSE_SEATS,
    PERMISSION_SET_MISSING: PROBLEM_PERMISSION_SET_MISSING,
    NOT_ENOUGH_PSL_SEATS: PROBLEM_NOT_ENOUGH_PSL_SEATS,
    CUSTOMER_MATCHES_CONTACT: PROBLEM_CUSTOMER_MATCHES_CONTACT,
    CUSTOMER_MATCHES_ACCOUNT: PROBLEM_CUSTOMER_MATCHES_ACCOUNT,
    CUSTOMER_DUPLICATE_IN_BATCH: PROBLEM_CUSTOMER_DUPLICATE_IN_BATCH,
    CONTENT_LICENSE_UNAVAILABLE: PROBLEM_CONTENT_LICENSE_UNAVAILABLE,
    DUPLICATES_DETECTED: PROBLEM_DUPLICATES_DETECTED,
    FIELD_INTEGRITY: PROBLEM_FIELD_INTEGRITY,
    PLATFORM_ERROR: PROBLEM_PLATFORM_ERROR,
};

const FIXES: Readonly<Record<FixCode | PlatformFix, string>> = {
    EDIT_EMAIL: FIX_EDIT_EMAIL,
    EDIT_NAME: FIX_EDIT_NAME,
    ASSIGN_ACCOUNT: FIX_ASSIGN_ACCOUNT,
    GIVE_ACCOUNT_OWNER_ROLE: FIX_GIVE_ACCOUNT_OWNER_ROLE,
    OPEN_USER_DOCTOR: FIX_OPEN_USER_DOCTOR,
    OPEN_LICENSE_UPGRADE: FIX_OPEN_LICENSE_UPGRADE,
    REMOVE_DUPLICATE_ROW: FIX_REMOVE_DUPLICATE_ROW,
    ENTER_USERNAME: FIX_ENTER_USERNAME,
    EDIT_USERNAME: FIX_EDIT_USERNAME,
    EDIT_NICKNAME: FIX_EDIT_NICKNAME,
    EDIT_ALIAS: FIX_EDIT_ALIAS,
    EDIT_LOCALE_SETTING: FIX_EDIT_LOCALE_SETTING,
    REMOVE_PERMISSION_SET: FIX_REMOVE_PERMISSION_SET,
    SELECT_CONTACTS: FIX_SELECT_CONTACTS,
    REDUCE_SELECTION: FIX_REDUCE_SELECTION,
    EDIT_USERNAME_SUFFIX: FIX_EDIT_USERNAME_SUFFIX,
    CHOOSE_CCP_PROFILE: FIX_CHOOSE_CCP_PROFILE,
    ENABLE_API_ON_PROFILE: FIX_ENABLE_API_ON_PROFILE,
    ADD_LICENSE_SEATS: FIX_ADD_LICENSE_SEATS,
    INSTALL_SALESFORCE_CONTRACTS: FIX_INSTALL_SALESFORCE_CONTRACTS,
    ADD_PSL_SEATS: FIX_ADD_PSL_SEATS,
    CHOOSE_EXISTING_OR_NEW: FIX_CHOOSE_EXISTING_OR_NEW,
    FREE_CONTENT_LICENSE: FIX_FREE_CONTENT_LICENSE,
    RETRY: FIX_RETRY,
};

const WARNINGS: Readonly<Record<WarningCode, string>> = {
    USERNAME_ADJUSTED: WARNING_USERNAME_ADJUSTED,
    USERNAME_SHORTENED: WARNING_USERNAME_SHORTENED,
    EMAIL_SHARED_IN_BATCH: WARNING_EMAIL_SHARED_IN_BATCH,
    CONTRACTS_PERMISSION_SET_NOT_SELECTED: WARNING_CONTRACTS_PERMISSION_SET_NOT_SELECTED,
    NICKNAME_CHANGED_FOR_TYPED: WARNING_NICKNAME_CHANGED_FOR_TYPED,
    USERNAME_CHANGED_FOR_TYPED: WARNING_USERNAME_CHANGED_FOR_TYPED,
};

/** The fix of a code Apex reports: the rules' own, or a retry for the platform's other errors. */
const PLATFORM_FIX: Readonly<Record<string, FixCode | PlatformFix>> = {
    USERNAME_TAKEN: 'EDIT_USERNAME',
    NICKNAME_TAKEN: 'EDIT_NICKNAME',
    NOT_ENOUGH_LICENSE_SEATS: 'ADD_LICENSE_SEATS',
    USER_EXISTS: 'OPEN_USER_DOCTOR',
    EMAIL_INVALID: 'EDIT_EMAIL',
    ACCOUNT_OWNER_WITHOUT_ROLE: 'GIVE_ACCOUNT_OWNER_ROLE',
    PERMISSION_SET_LICENSE_MISMATCH: 'REMOVE_PERMISSION_SET',
    // The user was created; only the feature license is missing (UserEnablementService.turnOnContent).
    CONTENT_LICENSE_UNAVAILABLE: 'FREE_CONTENT_LICENSE',
    DUPLICATES_DETECTED: 'CHOOSE_EXISTING_OR_NEW',
};

/**
 * "needs {1} seats and {2} are left": the seats left ({2}) decide between none, one and many.
 * Custom Labels have no plural forms, so each count-bearing problem has a label per wording.
 */
const SEAT_PROBLEMS: Partial<Record<Problem['code'], { one: string; none: string }>> = {
    NOT_ENOUGH_LICENSE_SEATS: {
        one: PROBLEM_NOT_ENOUGH_LICENSE_SEATS_ONE,
        none: PROBLEM_NOT_ENOUGH_LICENSE_SEATS_NONE,
    },
    NOT_ENOUGH_PSL_SEATS: { one: PROBLEM_NOT_ENOUGH_PSL_SEATS_ONE, none: PROBLEM_NOT_ENOUGH_PSL_SEATS_NONE },
};

/**
 * Problems whose name value may be unknown (a contact whose account name could not be read): their
 * wording without it, instead of "the account  has" with a blank where the name was.
 */
const UNNAMED_PROBLEMS: Partial<Record<Problem['code'], string>> = {
    ACCOUNT_OWNER_WITHOUT_ROLE: PROBLEM_ACCOUNT_OWNER_WITHOUT_ROLE_UNNAMED,
};

function problemLabel(problem: Problem): string {
    const seats = SEAT_PROBLEMS[problem.code];
    if (seats) {
        return countedLabel(problem.values[2], seats.one, PROBLEMS[problem.code], seats.none);
    }
    const unnamed = UNNAMED_PROBLEMS[problem.code];
    return unnamed && !(problem.values[0] ?? '').trim() ? unnamed : PROBLEMS[problem.code];
}

/**
 * A problem of the plan and its fix, in one sentence pair.
 * @param problem the rules' problem
 * @returns "What is wrong. Fix: what to do."
 */
export function problemMessage(problem: Problem): string {
    const text = formatLabel(problemLabel(problem), ...problem.values);
    // A fix may name what the problem names (ADD_LICENSE_SEATS: the license that is short).
    return joinSentences(text, formatLabel(FIX_PREFIX, formatLabel(FIXES[problem.fix], ...problem.values)));
}

/**
 * A warning of the plan.
 * @param warning the warning
 * @returns the sentence
 */
export function warningMessage(warning: Warning): string {
    return formatLabel(WARNINGS[warning.code], ...warning.values);
}

/**
 * A refusal Apex reported for a row, with the platform's own words and the fix.
 * @param problem the code Apex mapped and the platform's message
 * @returns the sentences
 */
export function platformProblemMessage(problem: { code: string; message?: string | null }): string {
    const known = (PROBLEMS as Record<string, string>)[problem.code];
    const headline = known ? formatLabel(known).replace(/\s*\{\d\}/g, '') : PROBLEMS.PLATFORM_ERROR;
    // No values come with a platform code: a fix's {n} slot is dropped, as the headline's are.
    const fix = FIXES[PLATFORM_FIX[problem.code] ?? 'RETRY'].replace(/\s*\{\d\}/g, '');
    // The platform's words may carry HTML ("Duplicate Username.<br>The username…"): shown as text.
    const message = plainText(problem.message);
    const detail = message ? ` (${message})` : '';
    return `${headline}${detail} ${formatLabel(FIX_PREFIX, fix)}`;
}

/**
 * A row the server's policy refused (`SetupAssistantPolicy`, status Refused): its own sentence,
 * which names what was refused and why, never the code alone, and what to do.
 * @param problem the policy's code and message
 * @returns the sentences
 */
export function refusalProblemMessage(problem: { code: string; message?: string | null }): string {
    return joinSentences(
        formatLabel(PROBLEM_REFUSED, plainText(problem.message) || problem.code),
        formatLabel(FIX_PREFIX, FIX_REFUSED),
    );
}

// The panel's counts: Custom Labels have no plural forms, so each has a label for one and one for
// zero or many, and "1 seats left" or "0 of 1 rows are ready" never shows.

/**
 * The seats left of one license ("Customer Community Plus: 3 seats left").
 * @param license the license name
 * @param left the seats left
 * @returns the line
 */
export function seatsLeftText(license: string, left: number): string {
    return formatLabel(countedLabel(left, SEATS_ONE, SEATS), license, countText(left));
}

/**
 * A profile in the profile choice, with the seats left of its license.
 * @param profile the profile name
 * @param license its license
 * @param left the seats left
 * @returns the option label
 */
export function profileOptionText(profile: string, license: string, left: number): string {
    return formatLabel(countedLabel(left, PROFILE_OPTION_ONE, PROFILE_OPTION), profile, license, countText(left));
}

/**
 * What the plan needs of the chosen profile's license.
 * @param needed the seats the ready rows take
 * @param license the license name
 * @returns the line
 */
export function seatsNeededText(needed: number, license: string): string {
    return pluralLabel(needed, SEATS_NEEDED_ONE, SEATS_NEEDED, license);
}

/**
 * The "Enable the N that fit" button.
 * @param count the rows that fit the seats
 * @returns the label
 */
export function fitLabel(count: number): string {
    return pluralLabel(count, FIT_ONE, FIT);
}

/**
 * "3 of 5 rows are ready."
 * @param ready the rows ready to run
 * @param total the rows of the plan
 * @returns the line
 */
export function readyCountText(ready: number, total: number): string {
    return formatLabel(countedLabel(total, READY_COUNT_ONE, READY_COUNT), countText(ready), countText(total));
}

/**
 * After a run, the rows Retry would send ("Retry failed rows runs 1 of 3 rows again, …"): a failed row fixed
 * since reads Ready, while Run waits for the next Check (admin walk: "0 of 3 rows are ready" beside
 * a Ready row).
 * @param retryable the rows Retry sends
 * @param total the rows of the plan
 * @returns the line
 */
export function retryCountText(retryable: number, total: number): string {
    return formatLabel(countedLabel(total, RETRY_COUNT_ONE, RETRY_COUNT), countText(retryable), countText(total));
}

/**
 * The plan's pager ("Page 1 of 3 (120 rows)").
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
