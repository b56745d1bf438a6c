/**
 * The sample org's copy of `SetupAssistantAccess` (force-app/main/shared/classes): same
 * custom permission, same permission set label, same Custom Label, same exception shape.
 */
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import { formatLabel } from 'c/labelFormat';
import { ApexException } from './apexMethod';
import { hasCustomPermission } from './org';
import type { Session } from './session';

export const CUSTOM_PERMISSION = 'Manage_Contracts_Community_Users';
export const ADMIN_PERMISSION_SET_LABEL = 'Contracts Community Setup Admin';

export function isAdmin(session: Session): boolean {
    return hasCustomPermission(session.org, session.user.Id, CUSTOM_PERMISSION);
}

/** Throws what `SetupAssistantAccess.assertAdmin()` throws: an AuraHandledException with the label text. */
export function assertAdmin(session: Session): void {
    if (!isAdmin(session)) {
        throw new ApexException(
            formatLabel(ACCESS_DENIED, ADMIN_PERMISSION_SET_LABEL, CUSTOM_PERMISSION),
            'System.AuraHandledException',
        );
    }
}
