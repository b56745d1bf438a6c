import {
    cancelledText,
    fitLabel,
    fitMoreText,
    itemMessage,
    pathLabel,
    planPageText,
    readyCountText,
    seatsLeftText,
    statusLabel,
    stepMessage,
    summaryText,
} from 'c/upgradeMessages';
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

    it('names the owner, the count and the limit of an owner over the person-account limit, counts grouped', () => {
        expect(itemMessage({ code: 'PERSON_ACCOUNTS_OVER_LIMIT', values: ['Owen Owner', '50001', '50000'] })).toBe(
            "Owen Owner, the owner of this user's person account, owns 50,001 person accounts; the limit is 50,000. " +
                'Make Owen Owner a Person Account Owner Power User, or move accounts to another owner.',
        );
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
            accountOwnerId: '005O',
            accountOwnerName: 'Owen Owner',
            accountOwnerPersonAccounts: 50001,
            accountOwnerIsPowerUser: false,
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

describe('counts, for one and for many (issue 11 §1)', () => {
    const seats = (left: string) =>
        itemMessage({ code: 'NOT_ENOUGH_SEATS', values: ['Customer Community Plus', '3', left] });

    it('says "only 1 is left" and "no license is left", never "1 are left"', () => {
        expect(seats('1')).toBe(
            'The selection needs 3 Customer Community Plus licenses and only 1 is left. Buy licenses or choose fewer users.',
        );
        expect(seats('0')).toBe(
            'No Customer Community Plus license is left, and the selection needs 3. Buy licenses or choose fewer users.',
        );
        expect(seats('2')).toBe(
            'The selection needs 3 Customer Community Plus licenses and 2 are left. Buy licenses or choose fewer users.',
        );
    });

    it('words the seats left, the fit button, the ready count, the cancel notice and the pager for one and many', () => {
        expect(seatsLeftText('Customer Community Plus', 1)).toBe('Customer Community Plus: 1 seat left');
        expect(seatsLeftText('Customer Community Plus', 9)).toBe('Customer Community Plus: 9 seats left');
        expect(fitLabel(1)).toBe('Change the one that fits');
        expect(fitLabel(4)).toBe('Change the 4 that fit');
        expect(readyCountText(1, 1)).toBe('1 of 1 user can be changed now.');
        expect(readyCountText(2, 5)).toBe('2 of 5 users can be changed now.');
        // The seats fit only some: what each button runs (Change licenses none, the fit button one).
        expect(fitLabel(1, 'Isla Andersson')).toBe('Change Isla Andersson, who fits');
        expect(fitLabel(3, 'Isla Andersson')).toBe('Change the 3 that fit');
        expect(readyCountText(0, 56, 1)).toBe('0 of 56 users can be changed together with the seats left; 1 fits.');
        expect(readyCountText(0, 1200, 1000)).toBe(
            '0 of 1,200 users can be changed together with the seats left; 1,000 fit.',
        );
        expect(fitMoreText(0)).toBe('');
        expect(fitMoreText(2)).toBe('and 2 more');
        expect(cancelledText(1)).toBe('1 unfinished change cancelled. The user was not changed.');
        expect(cancelledText(3)).toBe('3 unfinished changes cancelled. The users were not changed.');
        expect(planPageText(1, 1, 1)).toBe('Page 1 of 1 (1 row)');
        expect(planPageText(1, 2, 51)).toBe('Page 1 of 2 (51 rows)');
    });

    it('words the summary as Enable users does, naming why users were not changed', () => {
        expect(
            summaryText([
                ['Completed', 1],
                ['NotEnoughSeats', 5],
                ['Blocked', 2],
            ]),
        ).toBe('1 changed · 5 not changed: not enough seats · 2 not changed: blocked by their verdict');
        expect(
            summaryText([
                ['Pending', 1],
                ['Failed', 1200],
                ['Refused', 1],
                ['Cancelled', 1],
                ['NotRun', 3],
                ['Deferred', 2],
            ]),
        ).toBe('1 unfinished · 1,200 failed · 1 refused · 1 cancelled · 3 not run · 2 Deferred');
    });
});
