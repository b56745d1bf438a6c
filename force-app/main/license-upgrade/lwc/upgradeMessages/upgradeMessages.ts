/**
 * Turns the validator's items (a code and its values) into the sentences an admin reads, from
 * Custom Labels, so that every message can be translated and the codes stay stable.
 */
import { formatLabel } from 'c/labelFormat';
import type { Item, ItemCode } from 'c/upgradeValidator';
import INACTIVE_USER from '@salesforce/label/c.CCSA_Upgrade_INACTIVE_USER';
import INTERNAL_USER from '@salesforce/label/c.CCSA_Upgrade_INTERNAL_USER';
import ALREADY_ON_TARGET from '@salesforce/label/c.CCSA_Upgrade_ALREADY_ON_TARGET';
import PATH_REENABLE_AS_CUSTOMER from '@salesforce/label/c.CCSA_Upgrade_PATH_REENABLE_AS_CUSTOMER';
import PATH_REENABLE_AS_PARTNER from '@salesforce/label/c.CCSA_Upgrade_PATH_REENABLE_AS_PARTNER';
import PATH_MIGRATE from '@salesforce/label/c.CCSA_Upgrade_PATH_MIGRATE';
import PARTNER_ACCOUNT_NOT_ENABLED from '@salesforce/label/c.CCSA_Upgrade_PARTNER_ACCOUNT_NOT_ENABLED';
import PERSON_ACCOUNTS_OVER_LIMIT from '@salesforce/label/c.CCSA_Upgrade_PERSON_ACCOUNTS_OVER_LIMIT';
import NOT_ENOUGH_SEATS from '@salesforce/label/c.CCSA_Upgrade_NOT_ENOUGH_SEATS';
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
import SCALE_CUSTOMER_COMMUNITY_PLUS from '@salesforce/label/c.CCSA_Upgrade_SCALE_CUSTOMER_COMMUNITY_PLUS';
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
    PARTNER_ACCOUNT_NOT_ENABLED,
    PERSON_ACCOUNTS_OVER_LIMIT,
    NOT_ENOUGH_SEATS,
    ROLE_IRREVERSIBLE,
    ROLE_ASSIGN_LOWEST,
    ROLE_CREATE,
    ROLE_KEPT,
    ACCOUNT_ROLE_OPTIMIZATION,
    PERMISSION_SET_RESTORED,
    PERMISSION_SET_LOST,
    PERMISSION_SET_LICENSE_RESTORE,
    SHARING_SETS_REMOVED,
    MODIFY_ALL_LOST,
    VIEW_ALL_LOST,
    SITE_ACCESS_LOST,
    SCALE_CUSTOMER_COMMUNITY_PLUS,
    SELF_REGISTRATION_SLOWER,
    PUBLIC_GROUP_ADDED,
    CHANGE_PROFILE,
};

/**
 * The admin-readable sentence of a validator item.
 * @param item the item
 * @returns the sentence in the running user's language
 */
export function itemMessage(item: Item): string {
    return formatLabel(TEMPLATES[item.code], ...(item.values ?? []));
}
