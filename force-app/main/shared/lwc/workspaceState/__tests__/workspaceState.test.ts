import {
    assistantTabName,
    id18,
    openingTab,
    readWorkspaceState,
    tabAfterKey,
    tabFromName,
    workspaceLinkState,
} from 'c/workspaceState';

const CONTACT_1 = '003000000000001AAA';
const CONTACT_2 = '003000000000002';
const USER_1 = '005000000000001AAA';
const USER_2 = '005000000000002AAA';

describe('tabFromName', () => {
    it('reads each tab by its value, whatever the case and separators', () => {
        expect(tabFromName('licenseUpgrades')).toBe('licenseUpgrades');
        expect(tabFromName('license-upgrades')).toBe('licenseUpgrades');
        expect(tabFromName('USER_DOCTOR')).toBe('userDoctor');
        expect(tabFromName('History')).toBe('history');
    });

    it('reads no tab from an unknown or missing name', () => {
        expect(tabFromName('settings')).toBeNull();
        expect(tabFromName('')).toBeNull();
        expect(tabFromName(undefined)).toBeNull();
    });
});

describe('readWorkspaceState', () => {
    it('opens Enable users with the contacts of the list view button, invalid ids dropped', () => {
        expect(
            readWorkspaceState({ c__contactIds: `${CONTACT_1}, ${CONTACT_2},bogus,${USER_1},${CONTACT_1}` }),
        ).toEqual({
            tab: 'enableUsers',
            contactIds: [CONTACT_1, `${CONTACT_2}AAA`],
            userIds: [],
            ignoredContactIds: ['bogus', USER_1],
        });
    });

    it('hands over 18-character ids: a 15-character one completed, the case repaired from the suffix, its forms one record (admin walk)', () => {
        // "0038d0000000djQ": the suffix flags the upper-case "Q" of the third chunk.
        expect(id18('0038d0000000djQ')).toBe('0038d0000000djQAAQ');
        expect(id18('0038d0000000djqAAQ')).toBe('0038d0000000djQAAQ');
        expect(id18('0038D0000000DJQaaq')).toBe('0038d0000000djQAAQ');
        // A suffix that flags a digit as upper case, or holds no suffix character, names no record.
        expect(id18('003XXXXXXXXXXXXXXX')).toBeNull();
        expect(id18('0038d0000000djQ!!!')).toBeNull();
        const state = readWorkspaceState({
            c__contactIds: '0038d0000000djQ,0038d0000000djqAAQ,003XXXXXXXXXXXXXXX,garbage<script>',
        });
        expect(state.contactIds).toEqual(['0038d0000000djQAAQ']);
        expect(state.ignoredContactIds).toEqual(['003XXXXXXXXXXXXXXX', 'garbage<script>']);
        // What is no contact id is named, not dropped without a word (admin re-walk).
        expect(
            readWorkspaceState({ c__contactIds: '["0038d0000000djQ"],0018d0000000EcIAAU' }).ignoredContactIds,
        ).toEqual(['["0038d0000000djQ"]', '0018d0000000EcIAAU']);
    });

    it('opens the User doctor for one user and License upgrades for several', () => {
        expect(readWorkspaceState({ c__userIds: USER_1 }).tab).toBe('userDoctor');
        expect(readWorkspaceState({ c__userIds: `${USER_1},${USER_2}` }).tab).toBe('licenseUpgrades');
    });

    it('lets an explicit tab win over the records handed over', () => {
        expect(readWorkspaceState({ c__tab: 'licenseUpgrades', c__userIds: USER_1 })).toEqual({
            tab: 'licenseUpgrades',
            contactIds: [],
            userIds: [USER_1],
            ignoredContactIds: [],
        });
    });

    it('asks for no tab and hands nothing over without page state', () => {
        expect(readWorkspaceState(undefined)).toEqual({
            tab: null,
            contactIds: [],
            userIds: [],
            ignoredContactIds: [],
        });
        expect(readWorkspaceState({ c__tab: 'nowhere', c__userIds: CONTACT_1 })).toEqual({
            tab: null,
            contactIds: [],
            userIds: [],
            ignoredContactIds: [],
        });
    });
});

describe('openingTab', () => {
    it('opens the tab asked for when the admin may use it', () => {
        expect(openingTab('history')).toBe('history');
    });

    it('opens readiness when no tab is asked for', () => {
        expect(openingTab(null)).toBe('readiness');
    });

    it('never opens a tab the admin cannot use', () => {
        const onlyHistory = (tab: string) => tab === 'history';
        expect(openingTab('licenseUpgrades', onlyHistory)).toBe('history');
        expect(openingTab(null, onlyHistory)).toBe('history');
        expect(openingTab(null, () => false)).toBe('readiness');
    });
});

describe('workspaceLinkState', () => {
    it('writes the state that readWorkspaceState reads back', () => {
        const state = workspaceLinkState('licenseUpgrades', { userIds: [USER_1] });
        expect(state).toEqual({ c__tab: 'licenseUpgrades', c__userIds: USER_1 });
        expect(readWorkspaceState(state)).toEqual({
            tab: 'licenseUpgrades',
            contactIds: [],
            userIds: [USER_1],
            ignoredContactIds: [],
        });
        expect(workspaceLinkState('enableUsers', { contactIds: [CONTACT_1, CONTACT_2] }).c__contactIds).toBe(
            `${CONTACT_1},${CONTACT_2}`,
        );
    });

    it('writes only the tab when nothing is handed over', () => {
        expect(workspaceLinkState('history', { userIds: [] })).toEqual({ c__tab: 'history' });
    });
});

describe('assistantTabName', () => {
    it('keeps the namespace of the log object', () => {
        expect(assistantTabName('ccsa__Setup_Assistant_Log__c')).toBe('ccsa__Setup_Assistant');
    });

    it('has no prefix without a namespace', () => {
        expect(assistantTabName('Setup_Assistant_Log__c')).toBe('Setup_Assistant');
        expect(assistantTabName('Something_Else__c')).toBe('Setup_Assistant');
    });
});

describe('tabAfterKey', () => {
    it('moves to the next and previous tab with the arrows, round the ends', () => {
        expect(tabAfterKey('readiness', 'ArrowRight')).toBe('enableUsers');
        expect(tabAfterKey('enableUsers', 'ArrowLeft')).toBe('readiness');
        expect(tabAfterKey('history', 'ArrowRight')).toBe('readiness');
        expect(tabAfterKey('readiness', 'ArrowLeft')).toBe('history');
    });

    it('swaps the arrows when the page reads right to left', () => {
        expect(tabAfterKey('readiness', 'ArrowLeft', true)).toBe('enableUsers');
        expect(tabAfterKey('readiness', 'ArrowRight', true)).toBe('history');
    });

    it('goes to the first and last tab with Home and End', () => {
        expect(tabAfterKey('userDoctor', 'Home')).toBe('readiness');
        expect(tabAfterKey('enableUsers', 'End')).toBe('history');
    });

    it('does not move on any other key', () => {
        for (const key of ['Enter', ' ', 'Tab', 'ArrowUp', 'ArrowDown', 'a']) {
            expect(tabAfterKey('licenseUpgrades', key)).toBeNull();
        }
    });
});
