import { blockedMessage, checkMessage, checkStatusLabel, checkTitle, doctorFixLabel } from 'c/doctorMessages';
import { CHECK_ORDER } from 'c/userDoctor';
import type { CheckCode } from 'c/userDoctor';

const CODES: CheckCode[] = [
    'USER_ACTIVE',
    'USER_INACTIVE',
    'LICENSE_CCP',
    'LICENSE_NOT_CCP',
    'LICENSE_UNKNOWN',
    'PROFILE_API_ENABLED',
    'PROFILE_API_DISABLED',
    'PROFILE_API_UNKNOWN',
    'CONTENT_USER_ON',
    'CONTENT_USER_OFF',
    'PERMISSION_SET_LICENSE_ASSIGNED',
    'PERMISSION_SET_LICENSE_NOT_REQUIRED',
    'PERMISSION_SET_LICENSE_NOT_ASSIGNED',
    'PERMISSION_SET_LICENSE_NO_SEATS',
    'PERMISSION_SET_LICENSE_UNKNOWN',
    'PERMISSION_SET_ASSIGNED',
    'PERMISSION_SET_NOT_ASSIGNED',
    'PERMISSION_SET_NOT_IN_ORG',
    'SITE_MEMBER_LIVE',
    'SITE_MEMBER_NOT_LIVE',
    'SITE_NOT_MEMBER',
    'SITE_MEMBERSHIP_UNKNOWN',
    'CONTACT_PRESENT',
    'CONTACT_MISSING',
    'ACCOUNT_PRESENT',
    'ACCOUNT_MISSING',
    'ACCOUNT_UNKNOWN',
    'ACCOUNT_OWNER_HAS_ROLE',
    'ACCOUNT_OWNER_NO_ROLE',
    'ACCOUNT_OWNER_ROLE_UNKNOWN',
];

describe('doctorMessages', () => {
    it('has a sentence for every check code, with every placeholder filled', () => {
        for (const code of CODES) {
            const text = checkMessage({ code, values: ['A', 'B', 'C'] });
            expect(text.length).toBeGreaterThan(10);
            expect(text).not.toMatch(/\{\d\}/);
        }
    });

    it('fills the values in the order the rules give them', () => {
        expect(checkMessage({ code: 'PERMISSION_SET_NOT_ASSIGNED', values: ['DocGen Run-time Community User'] })).toBe(
            'The permission set DocGen Run-time Community User is not assigned.',
        );
        expect(
            checkMessage({ code: 'PERMISSION_SET_LICENSE_NO_SEATS', values: ['CC Plus Experience', '8', '8'] }),
        ).toContain('(8 of 8)');
        // Counts of the large org read with the locale's separators.
        expect(
            checkMessage({ code: 'PERMISSION_SET_LICENSE_NO_SEATS', values: ['CC Plus Experience', '12000', '12000'] }),
        ).toContain('(12,000 of 12,000)');
        expect(checkMessage({ code: 'CONTENT_USER_ON' })).toBe('Salesforce CRM Content User is selected.');
    });

    it('names every site a user reaches when none is Live', () => {
        expect(checkMessage({ code: 'SITE_MEMBER_NOT_LIVE', values: ['Contracts Portal', 'Old Portal'] })).toBe(
            'Member of Contracts Portal, Old Portal, which is not Live: login is refused until a site is activated.',
        );
    });

    it('never quotes a blank: a membership through a set it cannot name, a status it could not read', () => {
        expect(checkMessage({ code: 'SITE_MEMBER_LIVE', values: ['Contracts Portal', ''] })).toBe(
            'Member of the Live site Contracts Portal.',
        );
        expect(checkMessage({ code: 'SITE_MEMBER_LIVE', values: ['Contracts Portal', 'Portal Profile'] })).toBe(
            'Member of the Live site Contracts Portal through Portal Profile.',
        );
        for (const code of ['SITE_MEMBERSHIP_PENDING', 'SITE_MEMBERSHIP_FAILED'] as const) {
            const message = checkMessage({ code, values: ['Contracts Portal', ''] });
            expect(message).toContain('(status Unknown)');
            expect(message).not.toMatch(/\s{2}|\( |status \)/);
        }
    });

    it('says to pick a site in Setup when there is none to propose', () => {
        const withSite = checkMessage({ code: 'SITE_NOT_MEMBER', values: ['CC Plus', 'Contracts Portal'] });
        expect(withSite).toContain('Add the profile to the members of Contracts Portal.');
        const withoutSite = checkMessage({ code: 'SITE_NOT_MEMBER', values: ['CC Plus', ''] });
        expect(withoutSite).toContain("Add the profile to a site's members in Setup.");
        expect(withoutSite).toContain('CC Plus');
    });

    it('names every check, status and fix', () => {
        for (const id of CHECK_ORDER) {
            expect(checkTitle(id)).toBeTruthy();
        }
        expect(checkStatusLabel('pass')).toBe('Passed');
        expect(checkStatusLabel('fail')).toBe('Failed');
        expect(checkStatusLabel('unknown')).toBe('Unknown');
        expect(doctorFixLabel('ACTIVATE_USER', { values: ['Casey'] })).toBe('Reactivate Casey');
        expect(doctorFixLabel('ENABLE_CONTENT_USER', { values: ['Casey'] })).toBe('Select Salesforce CRM Content User');
        expect(doctorFixLabel('ASSIGN_PSL', { values: ['DocGen'] })).toBe('Assign DocGen');
        expect(doctorFixLabel('ASSIGN_PERMISSION_SET', { values: ['DocGen'] })).toBe('Assign DocGen');
        expect(doctorFixLabel('ACTIVATE_SITE', { values: ['Contracts Portal', 'Old'] })).toBe(
            'Activate Contracts Portal',
        );
        expect(doctorFixLabel('ADD_PROFILE_MEMBER', { values: ['CC Plus', 'Portal'] })).toBe('Add CC Plus to Portal');
        expect(doctorFixLabel('ADD_PROFILE_MEMBER', {})).toBe('Add {0} to {1}');
    });

    it('lists the checks a fix waits for', () => {
        expect(blockedMessage(['ACTIVE', 'LICENSE'])).toBe('Fix first: Active user, Customer Community Plus license');
    });
});
