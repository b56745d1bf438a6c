/**
 * Turns the user doctor's check codes, check ids, statuses and fixes (`c/userDoctor`) into the
 * sentences an admin reads, from Custom Labels, so that every message can be translated and the
 * codes stay stable.
 */
import { formatLabel } from 'c/labelFormat';
import { formatCount } from 'c/readinessMessages';
import type { CheckCode, CheckId, CheckStatus, DoctorCheck, DoctorFix } from 'c/userDoctor';
import USER_ACTIVE from '@salesforce/label/c.CCSA_Doctor_USER_ACTIVE';
import USER_INACTIVE from '@salesforce/label/c.CCSA_Doctor_USER_INACTIVE';
import LICENSE_CCP from '@salesforce/label/c.CCSA_Doctor_LICENSE_CCP';
import LICENSE_NOT_CCP from '@salesforce/label/c.CCSA_Doctor_LICENSE_NOT_CCP';
import LICENSE_UNKNOWN from '@salesforce/label/c.CCSA_Doctor_LICENSE_UNKNOWN';
import PROFILE_API_ENABLED from '@salesforce/label/c.CCSA_Doctor_PROFILE_API_ENABLED';
import PROFILE_API_DISABLED from '@salesforce/label/c.CCSA_Doctor_PROFILE_API_DISABLED';
import PROFILE_API_UNKNOWN from '@salesforce/label/c.CCSA_Doctor_PROFILE_API_UNKNOWN';
import CONTENT_USER_ON from '@salesforce/label/c.CCSA_Doctor_CONTENT_USER_ON';
import CONTENT_USER_OFF from '@salesforce/label/c.CCSA_Doctor_CONTENT_USER_OFF';
import PERMISSION_SET_LICENSE_ASSIGNED from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_LICENSE_ASSIGNED';
import PERMISSION_SET_LICENSE_NOT_REQUIRED from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_LICENSE_NOT_REQUIRED';
import PERMISSION_SET_LICENSE_NOT_ASSIGNED from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_LICENSE_NOT_ASSIGNED';
import PERMISSION_SET_LICENSE_NO_SEATS from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_LICENSE_NO_SEATS';
import PERMISSION_SET_LICENSE_UNKNOWN from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_LICENSE_UNKNOWN';
import PERMISSION_SET_ASSIGNED from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_ASSIGNED';
import PERMISSION_SET_NOT_ASSIGNED from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_NOT_ASSIGNED';
import PERMISSION_SET_NOT_IN_ORG from '@salesforce/label/c.CCSA_Doctor_PERMISSION_SET_NOT_IN_ORG';
import SITE_MEMBER_LIVE from '@salesforce/label/c.CCSA_Doctor_SITE_MEMBER_LIVE';
import SITE_MEMBER_NOT_LIVE from '@salesforce/label/c.CCSA_Doctor_SITE_MEMBER_NOT_LIVE';
import SITE_NOT_MEMBER from '@salesforce/label/c.CCSA_Doctor_SITE_NOT_MEMBER';
import SITE_MEMBERSHIP_PENDING from '@salesforce/label/c.CCSA_Doctor_SITE_MEMBERSHIP_PENDING';
import SITE_MEMBERSHIP_FAILED from '@salesforce/label/c.CCSA_Doctor_SITE_MEMBERSHIP_FAILED';
import SITE_MEMBERSHIP_UNKNOWN from '@salesforce/label/c.CCSA_Doctor_SITE_MEMBERSHIP_UNKNOWN';
import CONTACT_PRESENT from '@salesforce/label/c.CCSA_Doctor_CONTACT_PRESENT';
import CONTACT_MISSING from '@salesforce/label/c.CCSA_Doctor_CONTACT_MISSING';
import ACCOUNT_PRESENT from '@salesforce/label/c.CCSA_Doctor_ACCOUNT_PRESENT';
import ACCOUNT_MISSING from '@salesforce/label/c.CCSA_Doctor_ACCOUNT_MISSING';
import ACCOUNT_UNKNOWN from '@salesforce/label/c.CCSA_Doctor_ACCOUNT_UNKNOWN';
import ACCOUNT_OWNER_HAS_ROLE from '@salesforce/label/c.CCSA_Doctor_ACCOUNT_OWNER_HAS_ROLE';
import ACCOUNT_OWNER_NO_ROLE from '@salesforce/label/c.CCSA_Doctor_ACCOUNT_OWNER_NO_ROLE';
import ACCOUNT_OWNER_ROLE_UNKNOWN from '@salesforce/label/c.CCSA_Doctor_ACCOUNT_OWNER_ROLE_UNKNOWN';
import SITE_NOT_MEMBER_NO_SITE from '@salesforce/label/c.CCSA_Doctor_SITE_NOT_MEMBER_NO_SITE';
import CHECK_ACTIVE from '@salesforce/label/c.CCSA_Doctor_Check_ACTIVE';
import CHECK_LICENSE from '@salesforce/label/c.CCSA_Doctor_Check_LICENSE';
import CHECK_PROFILE_API_ENABLED from '@salesforce/label/c.CCSA_Doctor_Check_PROFILE_API_ENABLED';
import CHECK_CONTENT_USER from '@salesforce/label/c.CCSA_Doctor_Check_CONTENT_USER';
import CHECK_DOCGEN_PERMISSION_SET_LICENSE from '@salesforce/label/c.CCSA_Doctor_Check_DOCGEN_PERMISSION_SET_LICENSE';
import CHECK_DOCGEN_PERMISSION_SET from '@salesforce/label/c.CCSA_Doctor_Check_DOCGEN_PERMISSION_SET';
import CHECK_CCPLUS_PERMISSION_SET_LICENSE from '@salesforce/label/c.CCSA_Doctor_Check_CCPLUS_PERMISSION_SET_LICENSE';
import CHECK_CCPLUS_PERMISSION_SET from '@salesforce/label/c.CCSA_Doctor_Check_CCPLUS_PERMISSION_SET';
import CHECK_SITE_MEMBER from '@salesforce/label/c.CCSA_Doctor_Check_SITE_MEMBER';
import CHECK_CONTACT from '@salesforce/label/c.CCSA_Doctor_Check_CONTACT';
import CHECK_ACCOUNT from '@salesforce/label/c.CCSA_Doctor_Check_ACCOUNT';
import CHECK_ACCOUNT_OWNER_ROLE from '@salesforce/label/c.CCSA_Doctor_Check_ACCOUNT_OWNER_ROLE';
import FIX_ACTIVATE_USER from '@salesforce/label/c.CCSA_Doctor_Fix_ACTIVATE_USER';
import FIX_ENABLE_CONTENT_USER from '@salesforce/label/c.CCSA_Doctor_Fix_ENABLE_CONTENT_USER';
import FIX_ASSIGN_PSL from '@salesforce/label/c.CCSA_Doctor_Fix_ASSIGN_PSL';
import FIX_ASSIGN_PERMISSION_SET from '@salesforce/label/c.CCSA_Doctor_Fix_ASSIGN_PERMISSION_SET';
import FIX_ACTIVATE_SITE from '@salesforce/label/c.CCSA_Doctor_Fix_ACTIVATE_SITE';
import FIX_ADD_PROFILE_MEMBER from '@salesforce/label/c.CCSA_Doctor_Fix_ADD_PROFILE_MEMBER';
import STATUS_PASS from '@salesforce/label/c.CCSA_Doctor_Status_Pass';
import STATUS_FAIL from '@salesforce/label/c.CCSA_Doctor_Status_Fail';
import STATUS_UNKNOWN from '@salesforce/label/c.CCSA_Doctor_Status_Unknown';
import SITE_MEMBER_LIVE_UNNAMED from '@salesforce/label/c.CCSA_Doctor_SITE_MEMBER_LIVE_Unnamed';
import BLOCKED from '@salesforce/label/c.CCSA_Doctor_Blocked';

/** One Custom Label per check code: adding a code without its label fails the type-check. */
const CODES: Readonly<Record<CheckCode, string>> = {
    USER_ACTIVE,
    USER_INACTIVE,
    LICENSE_CCP,
    LICENSE_NOT_CCP,
    LICENSE_UNKNOWN,
    PROFILE_API_ENABLED,
    PROFILE_API_DISABLED,
    PROFILE_API_UNKNOWN,
    CONTENT_USER_ON,
    CONTENT_USER_OFF,
    PERMISSION_SET_LICENSE_ASSIGNED,
    PERMISSION_SET_LICENSE_NOT_REQUIRED,
    PERMISSION_SET_LICENSE_NOT_ASSIGNED,
    PERMISSION_SET_LICENSE_NO_SEATS,
    PERMISSION_SET_LICENSE_UNKNOWN,
    PERMISSION_SET_ASSIGNED,
    PERMISSION_SET_NOT_ASSIGNED,
    PERMISSION_SET_NOT_IN_ORG,
    SITE_MEMBER_LIVE,
    SITE_MEMBER_NOT_LIVE,
    SITE_NOT_MEMBER,
    SITE_MEMBERSHIP_PENDING,
    SITE_MEMBERSHIP_FAILED,
    SITE_MEMBERSHIP_UNKNOWN,
    CONTACT_PRESENT,
    CONTACT_MISSING,
    ACCOUNT_PRESENT,
    ACCOUNT_MISSING,
    ACCOUNT_UNKNOWN,
    ACCOUNT_OWNER_HAS_ROLE,
    ACCOUNT_OWNER_NO_ROLE,
    ACCOUNT_OWNER_ROLE_UNKNOWN,
};

const CHECKS: Readonly<Record<CheckId, string>> = {
    ACTIVE: CHECK_ACTIVE,
    LICENSE: CHECK_LICENSE,
    PROFILE_API_ENABLED: CHECK_PROFILE_API_ENABLED,
    CONTENT_USER: CHECK_CONTENT_USER,
    DOCGEN_PERMISSION_SET_LICENSE: CHECK_DOCGEN_PERMISSION_SET_LICENSE,
    DOCGEN_PERMISSION_SET: CHECK_DOCGEN_PERMISSION_SET,
    CCPLUS_PERMISSION_SET_LICENSE: CHECK_CCPLUS_PERMISSION_SET_LICENSE,
    CCPLUS_PERMISSION_SET: CHECK_CCPLUS_PERMISSION_SET,
    SITE_MEMBER: CHECK_SITE_MEMBER,
    CONTACT: CHECK_CONTACT,
    ACCOUNT: CHECK_ACCOUNT,
    ACCOUNT_OWNER_ROLE: CHECK_ACCOUNT_OWNER_ROLE,
};

const FIXES: Readonly<Record<DoctorFix, string>> = {
    ACTIVATE_USER: FIX_ACTIVATE_USER,
    ENABLE_CONTENT_USER: FIX_ENABLE_CONTENT_USER,
    ASSIGN_PSL: FIX_ASSIGN_PSL,
    ASSIGN_PERMISSION_SET: FIX_ASSIGN_PERMISSION_SET,
    ACTIVATE_SITE: FIX_ACTIVATE_SITE,
    ADD_PROFILE_MEMBER: FIX_ADD_PROFILE_MEMBER,
};

const STATUSES: Readonly<Record<CheckStatus, string>> = {
    pass: STATUS_PASS,
    fail: STATUS_FAIL,
    unknown: STATUS_UNKNOWN,
};

/**
 * The admin-readable sentence of a check.
 * @param check the code and its values
 * @returns the sentence in the running user's language
 */
export function checkMessage(check: Pick<DoctorCheck, 'code' | 'values'>): string {
    const values = [...(check.values ?? [])];
    // A value the admin could not read (a permission set's name, a membership's status) is never
    // quoted as a blank: the sentence without it, or the status read as unknown.
    if (check.code === 'SITE_MEMBER_LIVE' && !values[1]) {
        return formatLabel(SITE_MEMBER_LIVE_UNNAMED, values[0] ?? '');
    }
    if ((check.code === 'SITE_MEMBERSHIP_PENDING' || check.code === 'SITE_MEMBERSHIP_FAILED') && !values[1]) {
        values[1] = STATUS_UNKNOWN;
    }
    if (check.code === 'SITE_MEMBER_NOT_LIVE') {
        // The values are every site the user reaches, none of them Live.
        return formatLabel(SITE_MEMBER_NOT_LIVE, values.join(', '));
    }
    if (check.code === 'SITE_NOT_MEMBER' && !values[1]) {
        // No site to propose: the admin picks one in Setup.
        return formatLabel(SITE_NOT_MEMBER_NO_SITE, ...values);
    }
    if (check.code === 'PERMISSION_SET_LICENSE_NO_SEATS') {
        // The license's total and used seats: counts, with the locale's separators.
        return formatLabel(CODES[check.code], values[0], formatCount(values[1]), formatCount(values[2]));
    }
    return formatLabel(CODES[check.code], ...values);
}

/** The title of a check. */
export function checkTitle(id: CheckId): string {
    return CHECKS[id];
}

/** The label of a check status. */
export function checkStatusLabel(status: CheckStatus): string {
    return STATUSES[status];
}

/**
 * The label of a check's Fix button, naming what it changes from the check's values (the user,
 * the permission set (license), the sites, or the profile and the site; see `c/userDoctor`).
 * @param fix the fix
 * @param check the check the fix answers
 * @returns the button label
 */
export function doctorFixLabel(fix: DoctorFix, check: Pick<DoctorCheck, 'values'>): string {
    // ACTIVATE_SITE: the first site the user reaches is the one the fix activates.
    return formatLabel(FIXES[fix], ...(check.values ?? []));
}

/** "Fix first: ..." with the titles of the checks a fix waits for. */
export function blockedMessage(blockedBy: readonly CheckId[]): string {
    return formatLabel(BLOCKED, blockedBy.map(checkTitle).join(', '));
}
