import {
    fitLabel,
    planPageText,
    platformProblemMessage,
    problemMessage,
    profileOptionText,
    readyCountText,
    seatsLeftText,
    seatsNeededText,
    warningMessage,
} from 'c/enablementMessages';
import { FIX, planEnablement } from 'c/userEnablement';
import type { ProblemCode } from 'c/userEnablement';

describe('enablementMessages', () => {
    it('words every problem with its fix, whatever its values', () => {
        for (const code of Object.keys(FIX) as ProblemCode[]) {
            const text = problemMessage({ code, values: ['a', 'b', 'c'], fix: FIX[code] });
            expect(text).toMatch(/Fix: /);
            expect(text).not.toMatch(/\{\d\}|^c\./);
        }
        expect(problemMessage({ code: 'EMAIL_INVALID', values: ['x@'], fix: 'EDIT_EMAIL' })).toBe(
            'The email x@ is not a valid address. Fix: Set a valid email on the contact, or type one on the row.',
        );
    });

    it('words an emptied username, alias, nickname, email or name without a blank where the value was', () => {
        const facts = {
            takenUsernames: [],
            takenNicknames: [],
            profile: null,
            licenseSeatsLeft: 0,
            permissionSets: [],
            permissionSetLicenses: [],
            adminDefaults: {
                TimeZoneSidKey: 'GMT',
                LocaleSidKey: 'en_US',
                LanguageLocaleKey: 'en_US',
                EmailEncodingKey: 'UTF-8',
            },
        };
        const ann = { id: '1', lastName: 'Doe', firstName: 'Ann', email: 'ann@acme.com', accountId: '001' };
        const emptied = (field: string, value = '') =>
            planEnablement([{ ...ann, accountOwnerHasRole: true }], facts, {
                overrides: { '1': { [field]: value } },
            }).rows[0].problems;
        const worded = (field: string, value?: string) =>
            emptied(field, value).map((problem) => ({ field: problem.field, text: problemMessage(problem) }));

        expect(worded('Username')).toEqual([
            {
                field: 'Username',
                text: 'The username is empty. Fix: Type a username in the form of an email address on the row.',
            },
        ]);
        expect(worded('Alias', '  ')).toEqual([
            { field: 'Alias', text: 'The alias is empty. Fix: Type an alias of 1 to 8 characters.' },
        ]);
        // The other fields' empty values had their own words already: none quotes a blank.
        for (const field of ['Username', 'Alias', 'CommunityNickname', 'Email', 'LastName', 'TimeZoneSidKey']) {
            const problems = emptied(field);
            expect(problems.map((problem) => problem.field)).toContain(field);
            for (const problem of problems) {
                expect(problemMessage(problem)).not.toMatch(/ {2}| [.,:;]|\(\)/);
            }
        }
    });

    it('words an account owner without a role when the account name is unknown, without a blank', () => {
        expect(
            problemMessage({ code: 'ACCOUNT_OWNER_WITHOUT_ROLE', values: [''], fix: 'GIVE_ACCOUNT_OWNER_ROLE' }),
        ).toBe(
            'The owner of the contact\'s account has no role: Salesforce refuses the user with "portal account owner must have a role". Fix: Give the account owner a role in Setup, or give the account an owner with a role, then retry.',
        );
        expect(
            problemMessage({ code: 'ACCOUNT_OWNER_WITHOUT_ROLE', values: ['Globex'], fix: 'GIVE_ACCOUNT_OWNER_ROLE' }),
        ).toMatch(/^The owner of the account Globex has no role/);
    });

    it('words the warnings of a real plan', () => {
        const plan = planEnablement(
            [
                {
                    id: '1',
                    lastName: 'Doe',
                    firstName: 'Ann',
                    email: 'ann@acme.com',
                    accountId: '001',
                    accountOwnerHasRole: true,
                },
                {
                    id: '2',
                    lastName: 'Doe',
                    firstName: 'Ann',
                    email: 'ann@acme.com',
                    accountId: '001',
                    accountOwnerHasRole: true,
                },
            ],
            {
                takenUsernames: [],
                takenNicknames: [],
                profile: null,
                licenseSeatsLeft: 0,
                permissionSets: [],
                permissionSetLicenses: [],
                adminDefaults: {
                    TimeZoneSidKey: 'GMT',
                    LocaleSidKey: 'en_US',
                    LanguageLocaleKey: 'en_US',
                    EmailEncodingKey: 'UTF-8',
                },
            },
        );
        const warnings = [...plan.selectionWarnings, ...plan.rows.flatMap((row) => row.warnings)];
        expect(warnings.length).toBeGreaterThan(0);
        for (const warning of warnings) {
            expect(warningMessage(warning)).not.toMatch(/\{\d\}|^c\./);
        }
    });

    it('words the platform refusals Apex maps, keeping the platform message', () => {
        expect(platformProblemMessage({ code: 'NICKNAME_TAKEN', message: 'Duplicate Nickname.' })).toBe(
            'The nickname is already taken. (Duplicate Nickname.) Fix: Type another nickname on the row.',
        );
        expect(
            platformProblemMessage({
                code: 'ACCOUNT_OWNER_WITHOUT_ROLE',
                message: 'portal account owner must have a role',
            }),
        ).toMatch(/Give the account owner a role/);
        expect(platformProblemMessage({ code: 'SOMETHING_NEW', message: null })).toBe(
            'Salesforce refused the row. Fix: Retry the row; if it fails again, check the value in Setup.',
        );
        expect(platformProblemMessage({ code: 'FIELD_INTEGRITY', message: 'bad' })).toMatch(
            /^Salesforce refused a value/,
        );
    });

    it('shows the platform message without markup, with its fix', () => {
        const message = platformProblemMessage({
            code: 'USERNAME_TAKEN',
            message: 'Duplicate Username.<br>The username already exists in this or another Salesforce organization.',
        });
        expect(message).not.toMatch(/<br|&lt;/);
        expect(message).toContain('(Duplicate Username. The username already exists');
        expect(message).toMatch(/Fix: /);
    });
});

describe('counts, for one and for many (issue 11 §1)', () => {
    const seats = (code: 'NOT_ENOUGH_LICENSE_SEATS' | 'NOT_ENOUGH_PSL_SEATS', left: string) =>
        problemMessage({
            code,
            values: ['Customer Community Plus', '3', left],
            fix: code === 'NOT_ENOUGH_PSL_SEATS' ? 'ADD_PSL_SEATS' : 'ADD_LICENSE_SEATS',
        });

    it('says "only 1 is left" and "no license is left", never "1 are left"', () => {
        expect(seats('NOT_ENOUGH_LICENSE_SEATS', '1')).toMatch(
            /^The selection needs 3 Customer Community Plus licenses and only 1 is left\./,
        );
        expect(seats('NOT_ENOUGH_LICENSE_SEATS', '0')).toMatch(
            /^No Customer Community Plus license is left, and the selection needs 3\./,
        );
        expect(seats('NOT_ENOUGH_LICENSE_SEATS', '2')).toMatch(
            /^The selection needs 3 Customer Community Plus licenses and 2 are left\./,
        );
        // The fix names the license that is short (admin walk: the Login license's fix said "Customer Community Plus").
        expect(
            problemMessage({
                code: 'NOT_ENOUGH_LICENSE_SEATS',
                values: ['Customer Community Plus Login', '126', '5'],
                fix: 'ADD_LICENSE_SEATS',
            }),
        ).toMatch(/Fix: Buy or free Customer Community Plus Login licenses/);
        expect(platformProblemMessage({ code: 'NOT_ENOUGH_LICENSE_SEATS', message: 'x' })).not.toMatch(/\{\d\}/);
        expect(seats('NOT_ENOUGH_PSL_SEATS', '1')).toMatch(/needs 3 seats and only 1 is left\./);
        expect(seats('NOT_ENOUGH_PSL_SEATS', '0')).toMatch(/has no seat left, and the selection needs 3\./);
        expect(seats('NOT_ENOUGH_PSL_SEATS', '2')).toMatch(/needs 3 seats and 2 are left\./);
        for (const left of ['0', '1', '2']) {
            expect(seats('NOT_ENOUGH_LICENSE_SEATS', left)).not.toMatch(/\b1 are\b/);
        }
    });

    it('words the seats left and a profile option for one seat and for many', () => {
        expect(seatsLeftText('Customer Community Plus', 1)).toBe('Customer Community Plus: 1 seat left');
        expect(seatsLeftText('Customer Community Plus', 0)).toBe('Customer Community Plus: 0 seats left');
        expect(seatsLeftText('Customer Community Plus', 12)).toBe('Customer Community Plus: 12 seats left');
        expect(profileOptionText('Plus User', 'Customer Community Plus', 1)).toBe(
            'Plus User (Customer Community Plus, 1 seat left)',
        );
        expect(profileOptionText('Plus User', 'Customer Community Plus', 5)).toBe(
            'Plus User (Customer Community Plus, 5 seats left)',
        );
    });

    it('words the seats needed, the fit button, the ready count and the pager for one and for many', () => {
        expect(seatsNeededText(1, 'Customer Community Plus')).toBe(
            'This plan needs 1 seat of Customer Community Plus.',
        );
        expect(seatsNeededText(4, 'Customer Community Plus')).toBe(
            'This plan needs 4 seats of Customer Community Plus.',
        );
        expect(fitLabel(1)).toBe('Enable the one that fits');
        expect(fitLabel(7)).toBe('Enable the 7 that fit');
        expect(readyCountText(1, 1)).toBe('1 of 1 row is ready.');
        expect(readyCountText(0, 1)).toBe('0 of 1 row is ready.');
        expect(readyCountText(2, 3)).toBe('2 of 3 rows are ready.');
        // Counts are grouped as the admin reads them (admin walk: "425 of 1968 rows", "(1968 rows)").
        expect(readyCountText(425, 1968)).toBe('425 of 1,968 rows are ready.');
        expect(planPageText(1, 40, 1968)).toContain('1,968');
        expect(seatsLeftText('Customer Community Plus', 12000)).toContain('12,000');
        expect(planPageText(1, 1, 1)).toBe('Page 1 of 1 (1 row)');
        expect(planPageText(2, 3, 120)).toBe('Page 2 of 3 (120 rows)');
    });
});
