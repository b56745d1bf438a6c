import { platformProblemMessage, problemMessage, warningMessage } from 'c/enablementMessages';
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
