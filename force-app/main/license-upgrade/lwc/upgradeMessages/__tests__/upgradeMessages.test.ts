import { itemMessage } from 'c/upgradeMessages';
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
