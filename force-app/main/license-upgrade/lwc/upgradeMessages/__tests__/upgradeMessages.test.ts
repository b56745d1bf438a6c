import { itemMessage, pathLabel, statusLabel, stepMessage } from 'c/upgradeMessages';
import { manualSteps } from 'c/upgradePlan';
import { validateUpgrade } from 'c/upgradeValidator';
import type { Item, UserFact } from 'c/upgradeValidator';

describe('itemMessage', () => {
    it('fills the label with the item values', () => {
        expect(itemMessage({ code: 'NOT_ENOUGH_SEATS', values: ['Customer Community Plus', '12', '3'] })).toBe(
            'The selection needs 12 Customer Community Plus licenses and 3 are left. Buy licenses or choose fewer users.',
        );
        expect(itemMessage({ code: 'ACCOUNT_ROLE_OPTIMIZATION' })).toMatch(/account role optimization/);
    });

    it('has a sentence without unfilled placeholders for every item a validation can produce', () => {
        const user: UserFact = {
            id: '005A',
            name: 'Casey',
            isActive: true,
            userType: 'CspLitePortal',
            licenseName: 'Customer Community',
            profileId: '00eA',
            profileName: 'Customer Community User',
            profileModifyAllData: true,
            profileViewAllData: true,
            accountName: 'Acme',
            permissionSets: [
                { id: '0PS1', label: 'Kept' },
                { id: '0PS2', label: 'Lost', licenseName: 'Customer Community', siteIds: ['0DB2'] },
            ],
            permissionSetLicenses: [{ id: '0PL1', label: 'DocGen' }],
            profileSiteIds: ['0DB1'],
        };
        const target = {
            profileId: '00eT',
            profileName: 'Plus',
            licenseName: 'Customer Community Plus',
            seatsAvailable: 0,
            siteIds: [],
        };
        const result = validateUpgrade([user, { ...user, id: '005B', isActive: false }], target);
        const items: Item[] = [
            ...result.selectionBlockers,
            ...result.users.flatMap((verdict) => [
                ...verdict.blockers,
                ...verdict.warnings,
                ...verdict.notes,
                ...verdict.actions,
            ]),
        ];
        expect(items.length).toBeGreaterThan(10);
        for (const item of items) {
            const message = itemMessage(item);
            expect(message).not.toMatch(/\{\d\}/);
            expect(message).not.toMatch(/^c\./);
        }
    });
});

describe('stepMessage, pathLabel and statusLabel', () => {
    it('words every manual step of every path without unfilled placeholders', () => {
        const user = {
            id: '005A',
            name: 'Pat Partner',
            isActive: true,
            userType: 'PowerPartner',
            licenseName: 'Gold Partner',
            profileId: '00eG',
            profileName: 'Gold Partner User',
            contactId: '003A',
            accountId: '001A',
            accountName: 'Acme',
            permissionSets: [{ id: '0PS1', label: 'Contract Viewer' }],
            permissionSetLicenses: [],
        };
        const target = {
            profileId: '00eT',
            profileName: 'Plus',
            licenseName: 'Customer Community Plus',
            seatsAvailable: 1,
            siteIds: [],
        };
        const steps = (['reenable-as-customer', 'reenable-as-partner', 'migrate'] as const).flatMap((path) =>
            manualSteps(path, user, target),
        );
        expect(steps.length).toBe(12);
        for (const step of steps) {
            expect(stepMessage(step)).not.toMatch(/\{\d\}|^c\./);
        }
        expect(stepMessage(steps[0])).toBe('Open the contact of Pat Partner.');
    });

    it('names paths and statuses', () => {
        expect(pathLabel('change-profile')).toBe('Profile change');
        expect(pathLabel('reenable-as-partner')).toBe('Disable and re-enable as partner');
        expect(statusLabel('Completed')).toBe('Done');
        expect(statusLabel('Something new')).toBe('Something new');
        expect(statusLabel(undefined)).toBe('');
    });
});
