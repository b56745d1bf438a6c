/**
 * Planning around the validator: which users the change request carries (with the facts Apex
 * checks again), how the three steps' results merge into one row per user, and the manual
 * steps for paths that are not a profile change. Pure: no DOM, no Apex imports.
 */
import type { ConversionPath } from 'c/licenseConversion';
import type { UserVerdict, ValidationResult } from 'c/upgradeValidator';

type UpgradeFacts = Apex.LicenseUpgradeService.UpgradeFacts;
type UserFact = Apex.LicenseUpgradeService.UserFact;
type TargetFact = Apex.LicenseUpgradeService.TargetFact;
type ChangeRequest = Apex.LicenseChangeService.ChangeRequest;
type ChangeItem = Apex.LicenseChangeService.ChangeItem;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;

/** Whether a verdict lets the change run: allowed, and acknowledged where it is irreversible. */
export function isReady(verdict: UserVerdict, acknowledged: ReadonlySet<string>): boolean {
    return verdict.canChange && (!verdict.requiresAcknowledgement || acknowledged.has(verdict.userId));
}

/**
 * The change request for the users whose verdict allows the change and who are acknowledged
 * where needed, carrying the facts the validator saw (profile, active, contact, assignments) so
 * that Apex refuses a user changed since, the role the admin chose (if any), and whether the run
 * finishes the Contracts setup. No path: Apex computes it from its own seed 003 table.
 * @param facts the facts the validation ran on
 * @param result the validation
 * @param acknowledged ids of users whose irreversible change the admin acknowledged
 * @returns the request; no users when none is ready
 */
export function buildChangeRequest(
    facts: UpgradeFacts,
    result: ValidationResult,
    acknowledged: ReadonlySet<string>,
): ChangeRequest {
    const byId = new Map(facts.users.map((user) => [user.id, user]));
    const users = result.users
        .filter((verdict) => isReady(verdict, acknowledged))
        .map((verdict) => {
            const user = byId.get(verdict.userId) as UserFact;
            // A role only where the admin chose one the seed allows; Apex checks it again.
            return changeItem(
                user,
                verdict.requiresAcknowledgement && acknowledged.has(user.id),
                verdict.chosenRoleId ?? null,
            );
        });
    return {
        targetProfileId: facts.target.profileId,
        users,
        completeContractsSetup: result.completeContractsSetup,
    };
}

/**
 * One user of a change request: the facts the validator saw (Apex compares them with the user as
 * it is now, and refuses a user that changed since), the admin's acknowledgement and role.
 * @param user the user's facts
 * @param acknowledgedIrreversible whether the admin acknowledged an irreversible change
 * @param roleId the role chosen for the user, or null
 * @returns the change item
 */
export function changeItem(user: UserFact, acknowledgedIrreversible: boolean, roleId: string | null): ChangeItem {
    return {
        userId: user.id,
        profileId: user.profileId,
        isActive: user.isActive,
        contactId: user.contactId ?? null,
        permissionSetIds: user.permissionSets.map((permissionSet) => permissionSet.id),
        permissionSetLicenseIds: user.permissionSetLicenses.map((license) => license.id),
        acknowledgedIrreversible,
        roleId,
    };
}

/** Statuses a log can be left in when a step failed: a retry of `apply` finishes them. */
export const PENDING_STATUSES: ReadonlySet<string> = new Set(['Snapshot', 'Applied']);

/**
 * One result per user of the snapshot step, replaced by the later step's result where there is one.
 * @param snapshots results of `snapshotLicenseChanges`
 * @param later results of `reconcileLicenseChanges` (or of `applyLicenseChanges`)
 * @returns the latest result per user, in the snapshot order
 */
export function mergeResults(snapshots: readonly ChangeResult[], later: readonly ChangeResult[]): ChangeResult[] {
    const latest = new Map(later.map((result) => [result.userId, result]));
    return snapshots.map((result) => latest.get(result.userId) ?? result);
}

/**
 * Log ids of unfinished changes the admin may cancel: changes half done, and the unfinished change
 * (to another target) that refused a user with UNFINISHED_CHANGE.
 */
export function cancellableLogIds(results: readonly ChangeResult[]): string[] {
    return results
        .filter(
            (result) =>
                result.logId &&
                ((result.status && PENDING_STATUSES.has(result.status)) || result.code === 'UNFINISHED_CHANGE'),
        )
        .map((result) => result.logId as string);
}

/**
 * What became of one validated user after the runs since Validate, as the summary counts it: the
 * status of its result (an unfinished one is Pending), or why no run changed it: NotEnoughSeats
 * when the selection's seats ran short and "Change the N that fit" left it out, Blocked when its
 * own verdict stops the change (a manual path, an inactive user…), NotRun when it could change but
 * no run took it (not acknowledged), Unfinished when a job that stopped had it and did not record it. A status Apex adds later is kept as it is.
 */
export type RunOutcome =
    | 'Completed'
    | 'Pending'
    | 'Unfinished'
    | 'Failed'
    | 'Refused'
    | 'Cancelled'
    | 'NotRun'
    | 'NotEnoughSeats'
    | 'Blocked';

/** The order in which the summary names the outcomes. */
export const RUN_OUTCOME_ORDER: readonly RunOutcome[] = [
    'Completed',
    'Pending',
    'Unfinished',
    'Failed',
    'Refused',
    'Cancelled',
    'NotRun',
    'NotEnoughSeats',
    'Blocked',
];

/**
 * Whether a verdict lost its change only to the selection's seat count: no blocker of its own, a
 * profile change, in a selection that needs more seats than are left (the validator then turns
 * every such verdict's `canChange` off; "Change the N that fit" takes the first of them).
 */
export function isSeatShort(verdict: UserVerdict, validation: ValidationResult): boolean {
    return (
        verdict.blockers.length === 0 &&
        verdict.path === 'change-profile' &&
        validation.selectionBlockers.some((item) => item.code === 'NOT_ENOUGH_SEATS')
    );
}

/**
 * One outcome per user of the validated selection, so that the summary counts every user once:
 * the latest result where a run reached the user, else why none did.
 * @param validation the validation the runs came from
 * @param results the latest result per user of those runs
 * @param skip users to leave out (queued in a job that has not ended)
 * @param unfinished users sent to a job that stopped before recording them: Unfinished, not NotRun
 *   (their chunk may have changed them; a Resume completes them)
 * @returns the outcome by user id, in the validation's order (then results of users it does not list)
 */
export function runOutcomes(
    validation: ValidationResult | undefined,
    results: readonly ChangeResult[],
    skip: ReadonlySet<string> = new Set(),
    unfinished: ReadonlySet<string> = new Set(),
): Map<string, string> {
    const byUser = new Map(results.map((result) => [result.userId, result]));
    const outcomes = new Map<string, string>();
    if (validation) {
        for (const verdict of validation.users) {
            if (!skip.has(verdict.userId)) {
                const result = byUser.get(verdict.userId);
                outcomes.set(
                    verdict.userId,
                    result
                        ? resultOutcome(result)
                        : unfinished.has(verdict.userId)
                          ? 'Unfinished'
                          : leftOutOutcome(verdict, validation),
                );
            }
        }
    }
    for (const result of results) {
        if (!outcomes.has(result.userId) && !skip.has(result.userId)) {
            outcomes.set(result.userId, resultOutcome(result));
        }
    }
    return outcomes;
}

function resultOutcome(result: ChangeResult): string {
    if (result.status && PENDING_STATUSES.has(result.status)) {
        return 'Pending';
    }
    return result.status ?? 'Failed';
}

function leftOutOutcome(verdict: UserVerdict, validation: ValidationResult): RunOutcome {
    if (isSeatShort(verdict, validation)) {
        return 'NotEnoughSeats';
    }
    return verdict.canChange ? 'NotRun' : 'Blocked';
}

/** Log ids that `applyLicenseChanges` should (re)run: snapshots taken or changes half done. */
export function pendingLogIds(results: readonly ChangeResult[]): string[] {
    return results
        .filter((result) => result.logId && result.status && PENDING_STATUSES.has(result.status))
        .map((result) => result.logId as string);
}

/** A step of the manual procedure, with a link where Salesforce has a page for it. */
export interface ManualStep {
    code:
        | 'OPEN_CONTACT'
        | 'DISABLE_CUSTOMER_USER'
        | 'DISABLE_PARTNER_USER'
        | 'ENABLE_CUSTOMER_USER'
        | 'ENABLE_PARTNER_ACCOUNT'
        | 'ENABLE_PARTNER_USER'
        | 'REASSIGN_PERMISSION_SETS'
        | 'DEACTIVATE_USER'
        | 'CREATE_USER_IDENTITY'
        | 'MIGRATE_DATA';
    values: string[];
    url?: string;
}

const PARTNER_USER_TYPES = new Set(['powerpartner']);

/**
 * The seed 003 procedure for a path that the assistant cannot run as a profile change.
 * @param path the verdict's path
 * @param user the user's facts
 * @param target the target profile
 * @returns the steps, in order; none for `change-profile` and `none`
 */
export function manualSteps(path: ConversionPath, user: UserFact, target: TargetFact): ManualStep[] {
    const contactUrl = user.contactId ? `/lightning/r/Contact/${user.contactId}/view` : undefined;
    const permissionSets = user.permissionSets.map((permissionSet) => permissionSet.label).join(', ');
    const reassign: ManualStep[] = permissionSets
        ? [{ code: 'REASSIGN_PERMISSION_SETS', values: [permissionSets] }]
        : [];
    const disable: ManualStep = PARTNER_USER_TYPES.has(user.userType.toLowerCase())
        ? { code: 'DISABLE_PARTNER_USER', values: [user.name] }
        : { code: 'DISABLE_CUSTOMER_USER', values: [user.name] };
    switch (path) {
        case 'reenable-as-customer':
            return [
                { code: 'OPEN_CONTACT', values: [user.name], url: contactUrl },
                disable,
                { code: 'ENABLE_CUSTOMER_USER', values: [target.licenseName, target.profileName] },
                ...reassign,
            ];
        case 'reenable-as-partner':
            return [
                { code: 'OPEN_CONTACT', values: [user.name], url: contactUrl },
                disable,
                {
                    code: 'ENABLE_PARTNER_ACCOUNT',
                    values: [user.accountName ?? user.accountId ?? ''],
                    url: user.accountId ? `/lightning/r/Account/${user.accountId}/view` : undefined,
                },
                { code: 'ENABLE_PARTNER_USER', values: [target.licenseName, target.profileName] },
                ...reassign,
            ];
        case 'migrate':
            return [
                { code: 'DEACTIVATE_USER', values: [user.name], url: `/lightning/r/User/${user.id}/view` },
                { code: 'CREATE_USER_IDENTITY', values: [target.licenseName, target.profileName] },
                { code: 'MIGRATE_DATA', values: [user.name] },
            ];
        default:
            return [];
    }
}
