import {
    buildChangeRequest,
    cancellableLogIds,
    isReady,
    manualSteps,
    mergeResults,
    pendingLogIds,
    runOutcomes,
} from 'c/upgradePlan';
import { validateUpgrade } from 'c/upgradeValidator';
import type { UserFact } from 'c/upgradeValidator';

type ChangeResult = Apex.LicenseChangeService.ChangeResult;

const TARGET = {
    profileId: '00eT',
    profileName: 'Customer Community Plus User - Contracts',
    licenseName: 'Customer Community Plus',
    seatsAvailable: 10,
    siteIds: [],
};

function user(id: string, overrides: Partial<UserFact> = {}): UserFact {
    return {
        id,
        name: `User ${id}`,
        isActive: true,
        userType: 'CspLitePortal',
        licenseName: 'Customer Community',
        profileId: '00eC',
        profileName: 'Customer Community User',
        contactId: `003${id}`,
        accountId: `001${id}`,
        accountName: `Account ${id}`,
        permissionSets: [{ id: '0PS1', label: 'Contract Viewer' }],
        permissionSetLicenses: [{ id: '0PL1', label: 'DocGen' }],
        systemModstamp: '2026-11-01T10:00:00.000Z',
        ...overrides,
    };
}

function result(userId: string, status: string, logId?: string): ChangeResult {
    return { userId, status, logId, profileChanged: false, errors: [], restored: [], removed: [] };
}

describe('buildChangeRequest', () => {
    const facts = {
        target: TARGET,
        users: [
            user('A'),
            user('B', { licenseName: 'Customer Community Plus Login', roleId: '00E1' }),
            user('C', { isActive: false }),
        ],
        personAccountCountIncomplete: false,
    };
    const validation = validateUpgrade(facts.users, TARGET);

    it('carries only ready users, with the facts Apex checks again', () => {
        const request = buildChangeRequest(facts, validation, new Set(['A']));
        expect(request.targetProfileId).toBe('00eT');
        expect(request.users).toEqual([
            {
                userId: 'A',
                profileId: '00eC',
                isActive: true,
                contactId: '003A',
                permissionSetIds: ['0PS1'],
                permissionSetLicenseIds: ['0PL1'],
                acknowledgedIrreversible: true,
                roleId: null,
            },
            expect.objectContaining({ userId: 'B', acknowledgedIrreversible: false }),
        ]);
        expect(request.completeContractsSetup).toBe(false);
    });

    it('carries the role the admin chose and the Contracts option, and no role where none was chosen', () => {
        const roles = [
            { id: '00EC', name: 'Customer A User', portalType: 'CustomerPortal' },
            { id: '00EP', name: 'Partner A User', portalType: 'Partner' },
        ];
        const withRoles = { ...facts, users: [user('A', { accountRoles: roles }), user('D', { accountRoles: roles })] };
        const chosen = validateUpgrade(withRoles.users, TARGET, {
            roles: new Map([
                ['A', '00EC'],
                ['D', '00EP'],
            ]),
            completeContractsSetup: true,
        });
        const request = buildChangeRequest(withRoles, chosen, new Set(['A', 'D']));
        expect(request.users.map((item) => [item.userId, item.roleId])).toEqual([
            ['A', '00EC'],
            // A partner role is never carried for a customer target.
            ['D', null],
        ]);
        expect(request.completeContractsSetup).toBe(true);
    });

    it('leaves out a user whose irreversible change is not acknowledged', () => {
        expect(buildChangeRequest(facts, validation, new Set()).users.map((item) => item.userId)).toEqual(['B']);
        expect(isReady(validation.users[0], new Set())).toBe(false);
        expect(isReady(validation.users[0], new Set(['A']))).toBe(true);
        expect(isReady(validation.users[2], new Set(['C']))).toBe(false);
    });
});

describe('mergeResults and pendingLogIds', () => {
    it('keeps the latest result per user in snapshot order, and finds what a retry must finish', () => {
        const snapshots = [result('A', 'Snapshot', 'L1'), result('B', 'Refused'), result('C', 'Snapshot', 'L3')];
        const later = [result('C', 'Applied', 'L3'), result('A', 'Completed', 'L1')];
        const merged = mergeResults(snapshots, later);
        expect(merged.map((row) => `${row.userId}:${row.status}`)).toEqual(['A:Completed', 'B:Refused', 'C:Applied']);
        expect(pendingLogIds(merged)).toEqual(['L3']);
        expect(pendingLogIds(snapshots)).toEqual(['L1', 'L3']);
    });

    it('offers to cancel changes half done and the unfinished change that refused a user', () => {
        const blocked = { ...result('D', 'Refused', 'L9'), code: 'UNFINISHED_CHANGE' };
        const rows = [result('A', 'Completed', 'L1'), result('C', 'Applied', 'L3'), result('B', 'Refused'), blocked];
        expect(cancellableLogIds(rows)).toEqual(['L3', 'L9']);
        expect(pendingLogIds(rows)).toEqual(['L3']);
    });
});

describe('manualSteps', () => {
    it('re-enables a partner portal user as a customer, with links and the permission sets to reassign', () => {
        const steps = manualSteps('reenable-as-customer', user('P', { userType: 'PowerPartner' }), TARGET);
        expect(steps.map((step) => step.code)).toEqual([
            'OPEN_CONTACT',
            'DISABLE_PARTNER_USER',
            'ENABLE_CUSTOMER_USER',
            'REASSIGN_PERMISSION_SETS',
        ]);
        expect(steps[0].url).toBe('/lightning/r/Contact/003P/view');
        expect(steps[2].values).toEqual(['Customer Community Plus', 'Customer Community Plus User - Contracts']);
        expect(steps[3].values).toEqual(['Contract Viewer']);
    });

    it('enables the account as a partner before the contact, for reenable-as-partner', () => {
        const steps = manualSteps('reenable-as-partner', user('Q', { permissionSets: [] }), TARGET);
        expect(steps.map((step) => step.code)).toEqual([
            'OPEN_CONTACT',
            'DISABLE_CUSTOMER_USER',
            'ENABLE_PARTNER_ACCOUNT',
            'ENABLE_PARTNER_USER',
        ]);
        expect(steps[2].url).toBe('/lightning/r/Account/001Q/view');
        // An account name the admin cannot read: the step names the account by its Id.
        const unnamed = manualSteps(
            'reenable-as-partner',
            user('Q', { permissionSets: [], accountName: null }),
            TARGET,
        );
        expect(unnamed[2].values).toEqual(['001Q']);
    });

    it('deactivates and migrates for licenses outside the table, and has no steps for a profile change', () => {
        const steps = manualSteps('migrate', user('M', { contactId: null, accountId: null }), TARGET);
        expect(steps.map((step) => step.code)).toEqual(['DEACTIVATE_USER', 'CREATE_USER_IDENTITY', 'MIGRATE_DATA']);
        expect(steps[0].url).toBe('/lightning/r/User/M/view');
        expect(manualSteps('change-profile', user('X'), TARGET)).toEqual([]);
        expect(manualSteps('none', user('X'), TARGET)).toEqual([]);
        expect(
            manualSteps('reenable-as-partner', user('Y', { accountId: null, contactId: null }), TARGET)[0].url,
        ).toBeUndefined();
    });
});

describe('runOutcomes', () => {
    it('gives every validated user one outcome: its result, or why no run took it', () => {
        // Three who could change, one seat: the selection is short; C is inactive (its own blocker).
        const users = [user('A'), user('B'), user('D'), user('C', { isActive: false })];
        const validation = validateUpgrade(users, { ...TARGET, seatsAvailable: 1 });
        expect(validation.selectionBlockers.map((item) => item.code)).toEqual(['NOT_ENOUGH_SEATS']);
        const outcomes = runOutcomes(validation, [result('A', 'Completed'), result('B', 'Applied')]);
        expect([...outcomes]).toEqual([
            ['A', 'Completed'],
            ['B', 'Pending'],
            ['D', 'NotEnoughSeats'],
            ['C', 'Blocked'],
        ]);
    });

    it('counts a user that could change but no run took as not run, and skips users queued in a job', () => {
        const validation = validateUpgrade([user('A'), user('B'), user('Q')], TARGET);
        const outcomes = runOutcomes(validation, [result('A', 'Failed'), result('Z', 'Refused')], new Set(['Q']));
        expect([...outcomes]).toEqual([
            ['A', 'Failed'],
            ['B', 'NotRun'],
            ['Z', 'Refused'],
        ]);
        expect([...runOutcomes(undefined, [{ ...result('A', 'Failed'), status: undefined }])]).toEqual([
            ['A', 'Failed'],
        ]);
    });
});
