import {
    CONTRACTS_PERMISSION_SETS,
    DEFAULT_USERNAME_SUFFIX,
    FIX,
    MAX_SELECTION,
    asciiFold,
    deriveAlias,
    findContractsPermissionSets,
    isEnablementLicense,
    isValidEmail,
    isValidUsername,
    usernameSuffixProblem,
    nicknameBase,
    nicknameCandidate,
    normalizeUsernameSuffix,
    planEnablement,
    usernameBase,
    usernameCandidate,
} from 'c/userEnablement';
import type {
    ContactFact,
    EnablementOptions,
    EnablementPlan,
    OrgFacts,
    Problem,
    RowPlan,
    Warning,
} from 'c/userEnablement';

const DOCGEN = {
    id: '0PS000000000001AAA',
    name: 'DocGenRuntimeCommunityUser',
    label: 'DocGen Run-time Community User',
    permissionSetLicenseId: '0PL000000000001AAA',
};
const CLM = {
    id: '0PS000000000002AAA',
    name: 'ContractManagementCCPlusDigitalExperienceUser',
    label: 'Contract Management CC Plus Digital Experience User',
    permissionSetLicenseId: '0PL000000000002AAA',
};
const EXTRA = { id: '0PS000000000003AAA', name: 'Portal_Extras', label: 'Portal Extras' };

function orgFacts(overrides: Partial<OrgFacts> = {}): OrgFacts {
    return {
        takenUsernames: [],
        takenNicknames: [],
        profile: {
            id: '00e000000000010AAA',
            name: 'Customer Community Plus User - Contracts',
            licenseName: 'Customer Community Plus',
            permissionsApiEnabled: true,
        },
        licenseSeatsLeft: 100,
        permissionSets: [DOCGEN, CLM, EXTRA],
        permissionSetLicenses: [
            { id: '0PL000000000001AAA', label: 'DocGen Runtime Community', seatsLeft: 100 },
            { id: '0PL000000000002AAA', label: 'CLM Digital Experience', seatsLeft: 100 },
        ],
        adminDefaults: {
            TimeZoneSidKey: 'Europe/Paris',
            LocaleSidKey: 'fr_FR',
            LanguageLocaleKey: 'fr',
            EmailEncodingKey: 'UTF-8',
        },
        ...overrides,
    };
}

let nextId = 1;
function contact(overrides: Partial<ContactFact> = {}): ContactFact {
    const n = nextId++;
    return {
        id: `003${String(n).padStart(12, '0')}AAA`,
        firstName: 'Ann',
        lastName: 'Smith',
        email: 'ann@acme.com',
        accountId: '001000000000001AAA',
        accountName: 'Acme',
        accountOwnerHasRole: true,
        existingUserId: null,
        existingUserLicenseName: null,
        ...overrides,
    };
}

const codes = (items: readonly (Problem | Warning)[]): string[] => items.map((item) => item.code);
const one = (c: ContactFact, org = orgFacts(), options: EnablementOptions = {}): RowPlan =>
    planEnablement([c], org, options).rows[0];
const selection = (plan: EnablementPlan): string[] => codes(plan.selectionProblems);

describe('planEnablement: a good row', () => {
    it('derives the whole request, with Content User on and the Contracts permission sets preselected', () => {
        const c = contact({ firstName: 'Jane', lastName: 'Doe', email: '  Jane.Doe@Acme.com ' });
        const plan = planEnablement([c], orgFacts());
        expect(plan.selectionProblems).toEqual([]);
        expect(plan.selectionWarnings).toEqual([]);
        expect(plan.canProceed).toBe(true);
        expect(plan.enableCount).toBe(1);
        expect(plan.rows[0]).toEqual({
            index: 0,
            contactId: c.id,
            request: {
                ContactId: c.id,
                ProfileId: '00e000000000010AAA',
                Username: 'jane.doe@acme.com.ccsa',
                Email: 'Jane.Doe@Acme.com',
                Alias: 'jdoe',
                CommunityNickname: 'jdoe',
                FirstName: 'Jane',
                LastName: 'Doe',
                TimeZoneSidKey: 'Europe/Paris',
                LocaleSidKey: 'fr_FR',
                LanguageLocaleKey: 'fr',
                EmailEncodingKey: 'UTF-8',
                UserPermissionsSFContentUser: true,
                permissionSetIds: [DOCGEN.id, CLM.id],
                permissionSetLicenseIds: ['0PL000000000001AAA', '0PL000000000002AAA'],
            },
            problems: [],
            warnings: [],
            canEnable: true,
        });
        expect(plan.permissionSetLicenseSeatsNeeded).toEqual({ '0PL000000000001AAA': 1, '0PL000000000002AAA': 1 });
    });

    it('uses the configured suffix: "ann@acme.com" + ".contracts"', () => {
        expect(one(contact(), orgFacts(), { usernameSuffix: 'contracts' }).request.Username).toBe(
            'ann@acme.com.contracts',
        );
        expect(one(contact(), orgFacts(), { usernameSuffix: '' }).request.Username).toBe('ann@acme.com');
        expect(DEFAULT_USERNAME_SUFFIX).toBe('.ccsa');
    });

    it('lower-cases an upper-case email for the username and keeps the email as typed', () => {
        const row = one(contact({ email: 'ANN@ACME.COM' }));
        expect(row.request.Username).toBe('ann@acme.com.ccsa');
        expect(row.request.Email).toBe('ANN@ACME.COM');
        expect(row.canEnable).toBe(true);
    });

    it('takes locale settings from the admin, the batch, then the row', () => {
        const c = contact();
        const row = one(c, orgFacts(), {
            defaults: { TimeZoneSidKey: 'America/New_York', LocaleSidKey: 'en_US' },
            overrides: { [c.id]: { LocaleSidKey: 'en_GB', EmailEncodingKey: 'ISO-8859-1' } },
        });
        expect(row.request.TimeZoneSidKey).toBe('America/New_York');
        expect(row.request.LocaleSidKey).toBe('en_GB');
        expect(row.request.LanguageLocaleKey).toBe('fr');
        expect(row.request.EmailEncodingKey).toBe('ISO-8859-1');
    });

    it('takes every derived value from the row overrides when given', () => {
        const c = contact();
        const row = one(c, orgFacts(), {
            overrides: {
                [c.id]: {
                    Username: ' Custom@Acme.COM.portal ',
                    Email: 'other@acme.com',
                    Alias: 'anns',
                    CommunityNickname: 'Annie',
                    FirstName: 'Anna',
                    LastName: 'Smyth',
                    TimeZoneSidKey: 'Asia/Tokyo',
                    LanguageLocaleKey: 'ja',
                    permissionSetIds: [DOCGEN.id, CLM.id, EXTRA.id, DOCGEN.id],
                },
            },
        });
        expect(row.problems).toEqual([]);
        expect(row.request).toMatchObject({
            Username: 'custom@acme.com.portal',
            Email: 'other@acme.com',
            Alias: 'anns',
            CommunityNickname: 'Annie',
            FirstName: 'Anna',
            LastName: 'Smyth',
            TimeZoneSidKey: 'Asia/Tokyo',
            LanguageLocaleKey: 'ja',
            permissionSetIds: [DOCGEN.id, CLM.id, EXTRA.id],
        });
    });

    it('treats null overrides as "use the derived value"', () => {
        const c = contact();
        const row = one(c, orgFacts(), { overrides: { [c.id]: { Username: null, Alias: null, Email: null } } });
        expect(row.request.Username).toBe('ann@acme.com.ccsa');
        expect(row.request.Alias).toBe('asmith');
    });

    it('accepts the Customer Community Plus Login license and license definition keys', () => {
        const login = orgFacts({
            profile: {
                id: '00e1',
                name: 'CCPL',
                licenseName: 'Customer Community Plus Login',
                permissionsApiEnabled: true,
            },
        });
        expect(planEnablement([contact()], login).canProceed).toBe(true);
        const key = orgFacts({
            profile: {
                id: '00e2',
                name: 'CCP',
                licenseName: 'PID_Customer_Community_Plus',
                permissionsApiEnabled: true,
            },
        });
        expect(planEnablement([contact()], key).canProceed).toBe(true);
    });
});

describe('planEnablement: row problems', () => {
    it('EMAIL_MISSING when the contact has no email, and no username is derived', () => {
        for (const email of [null, undefined, '   ']) {
            const row = one(contact({ email }));
            expect(codes(row.problems)).toEqual(['EMAIL_MISSING']);
            expect(row.problems[0]).toEqual({ code: 'EMAIL_MISSING', values: [], fix: 'EDIT_EMAIL', field: 'Email' });
            expect(row.request.Username).toBe('');
            expect(row.canEnable).toBe(false);
        }
    });

    it('EMAIL_MISSING when the admin typed a blank email', () => {
        const c = contact();
        expect(codes(one(c, orgFacts(), { overrides: { [c.id]: { Email: ' ' } } }).problems)).toEqual([
            'EMAIL_MISSING',
        ]);
    });

    it.each([
        'ann',
        'ann@',
        '@acme.com',
        'ann@acme',
        'ann smith@acme.com',
        'ann@acme .com',
        'ann..smith@acme.com',
        '.ann@acme.com',
        'ann.@acme.com',
        'ann@-acme.com',
        'ann@acme-.com',
        'ann@acme.c',
        'ann@acme.123',
        'ann@@acme.com',
        `${'a'.repeat(120)}@acme.com`,
    ])('EMAIL_INVALID for %p', (email) => {
        const row = one(contact({ email }));
        expect(codes(row.problems)).toEqual(['EMAIL_INVALID']);
        expect(row.problems[0].values).toEqual([email]);
        expect(row.problems[0].fix).toBe('EDIT_EMAIL');
    });

    it.each(["o'brien@acme.co.uk", 'ann+portal@sub.acme-corp.com', 'A.B_C@ACME.IO'])('accepts %p', (email) => {
        expect(one(contact({ email })).problems).toEqual([]);
    });

    it('CONTACT_WITHOUT_ACCOUNT for a private contact', () => {
        const row = one(contact({ accountId: null, accountName: null }));
        expect(row.problems).toEqual([{ code: 'CONTACT_WITHOUT_ACCOUNT', values: [], fix: 'ASSIGN_ACCOUNT' }]);
    });

    it('ACCOUNT_OWNER_WITHOUT_ROLE ("portal account owner must have a role")', () => {
        const row = one(contact({ accountOwnerHasRole: false, accountName: 'Globex' }));
        expect(row.problems).toEqual([
            { code: 'ACCOUNT_OWNER_WITHOUT_ROLE', values: ['Globex'], fix: 'GIVE_ACCOUNT_OWNER_ROLE' },
        ]);
        expect(one(contact({ accountOwnerHasRole: false, accountName: undefined })).problems[0].values).toEqual(['']);
    });

    it('USER_EXISTS offers the doctor when the existing user has Customer Community Plus (or no known license)', () => {
        for (const license of [
            'Customer Community Plus',
            'customer community plus login',
            'PID_Customer_Community_Plus',
        ]) {
            const row = one(contact({ existingUserId: '005000000000001AAA', existingUserLicenseName: license }));
            expect(row.problems).toHaveLength(1);
            expect(row.problems[0].code).toBe('USER_EXISTS');
            expect(row.problems[0].fix).toBe('OPEN_USER_DOCTOR');
            expect(row.problems[0].values[0]).toBe('005000000000001AAA');
        }
        expect(codes(one(contact({ existingUserId: '005x', existingUserLicenseName: null })).problems)).toEqual([
            'USER_EXISTS',
        ]);
    });

    it('USER_EXISTS_OTHER_LICENSE offers the license upgrade for another license', () => {
        const row = one(
            contact({ existingUserId: '005000000000001AAA', existingUserLicenseName: 'customer community' }),
        );
        expect(row.problems).toEqual([
            {
                code: 'USER_EXISTS_OTHER_LICENSE',
                values: ['005000000000001AAA', 'Customer Community'],
                fix: 'OPEN_LICENSE_UPGRADE',
            },
        ]);
    });

    it('LAST_NAME_MISSING and NAME_TOO_LONG for typed names', () => {
        const c = contact();
        expect(codes(one(c, orgFacts(), { overrides: { [c.id]: { LastName: '  ' } } }).problems)).toEqual([
            'LAST_NAME_MISSING',
        ]);
        const long = one(c, orgFacts(), {
            overrides: { [c.id]: { FirstName: 'F'.repeat(41), LastName: 'L'.repeat(81) } },
        });
        expect(long.problems.map((p) => [p.code, p.field, p.values[1]])).toEqual([
            ['NAME_TOO_LONG', 'LastName', '80'],
            ['NAME_TOO_LONG', 'FirstName', '40'],
        ]);
        const fits = one(c, orgFacts(), {
            overrides: { [c.id]: { FirstName: 'F'.repeat(40), LastName: 'L'.repeat(80) } },
        });
        expect(fits.problems).toEqual([]);
    });

    it('a contact without a first name gets an empty FirstName and the last name for alias and nickname', () => {
        const row = one(contact({ firstName: null, lastName: 'Madonna' }));
        expect(row.request.FirstName).toBe('');
        expect(row.request.Alias).toBe('madonna');
        expect(row.request.CommunityNickname).toBe('madonna');
        expect(row.canEnable).toBe(true);
    });

    it('LOCALE_SETTING_MISSING when neither admin, batch nor row gives a value', () => {
        const c = contact();
        const org = orgFacts({
            adminDefaults: {
                TimeZoneSidKey: '',
                LocaleSidKey: 'en_US',
                LanguageLocaleKey: 'en_US',
                EmailEncodingKey: 'UTF-8',
            },
        });
        const row = one(c, org, { overrides: { [c.id]: { EmailEncodingKey: ' ' } } });
        expect(row.problems.map((p) => [p.code, p.field, p.fix])).toEqual([
            ['LOCALE_SETTING_MISSING', 'TimeZoneSidKey', 'EDIT_LOCALE_SETTING'],
            ['LOCALE_SETTING_MISSING', 'EmailEncodingKey', 'EDIT_LOCALE_SETTING'],
        ]);
        expect(one(c, org, { defaults: { TimeZoneSidKey: 'GMT' } }).problems).toEqual([]);
    });

    it('CONTACT_DUPLICATE_IN_BATCH on the later rows of a contact selected twice; the first is written once', () => {
        const c = contact();
        const plan = planEnablement([c, contact(), c], orgFacts());
        expect(plan.rows[0].canEnable).toBe(true);
        expect(plan.rows[2].problems).toEqual([
            { code: 'CONTACT_DUPLICATE_IN_BATCH', values: ['1'], fix: 'REMOVE_DUPLICATE_ROW' },
        ]);
        expect(plan.rows[2].request).toEqual(plan.rows[0].request);
        expect(plan.rows[2].request).not.toBe(plan.rows[0].request);
        expect(plan.enableCount).toBe(2);
    });

    it('lists every problem of a row at once', () => {
        const row = one(contact({ email: 'bad', accountId: null, existingUserId: '005x' }));
        expect(codes(row.problems)).toEqual(['EMAIL_INVALID', 'CONTACT_WITHOUT_ACCOUNT', 'USER_EXISTS']);
    });
});

describe('usernames', () => {
    it('derives a unique username when the plain one is taken in the org, case-insensitively, with a warning', () => {
        const row = one(contact(), orgFacts({ takenUsernames: ['ANN@acme.com.ccsa', 'ann1@acme.com.ccsa'] }));
        expect(row.request.Username).toBe('ann2@acme.com.ccsa');
        expect(row.problems).toEqual([]);
        expect(row.warnings).toEqual([
            { code: 'USERNAME_ADJUSTED', values: ['ann@acme.com.ccsa', 'ann2@acme.com.ccsa'], field: 'Username' },
        ]);
    });

    it('accepts the taken usernames as a Set', () => {
        const row = one(contact(), orgFacts({ takenUsernames: new Set(['ann@acme.com.ccsa']) }));
        expect(row.request.Username).toBe('ann1@acme.com.ccsa');
    });

    it('gives duplicate emails in the batch distinct usernames and warns that the email is shared', () => {
        const plan = planEnablement(
            [
                contact({ email: 'ann@acme.com' }),
                contact({ email: 'ANN@acme.com' }),
                contact({ email: 'bob@acme.com' }),
            ],
            orgFacts(),
        );
        expect(plan.rows.map((row) => row.request.Username)).toEqual([
            'ann@acme.com.ccsa',
            'ann1@acme.com.ccsa',
            'bob@acme.com.ccsa',
        ]);
        expect(plan.rows.every((row) => row.canEnable)).toBe(true);
        expect(codes(plan.rows[0].warnings)).toEqual(['EMAIL_SHARED_IN_BATCH']);
        expect(plan.rows[0].warnings[0].values).toEqual(['ann@acme.com', '2']);
        expect(codes(plan.rows[1].warnings)).toEqual(['EMAIL_SHARED_IN_BATCH', 'USERNAME_ADJUSTED']);
        expect(plan.rows[2].warnings).toEqual([]);
    });

    it('never derives a username that an admin typed on another row', () => {
        const a = contact({ email: 'ann@acme.com' });
        const b = contact({ email: 'bob@acme.com' });
        const plan = planEnablement([a, b], orgFacts(), {
            overrides: { [b.id]: { Username: 'ann@acme.com.ccsa' } },
        });
        expect(plan.rows[0].request.Username).toBe('ann1@acme.com.ccsa');
        expect(plan.rows[1].request.Username).toBe('ann@acme.com.ccsa');
        expect(plan.rows.every((row) => row.canEnable)).toBe(true);
    });

    it('USERNAME_TAKEN when a typed username is taken in the org (a typed value is never changed)', () => {
        const c = contact();
        const row = one(c, orgFacts({ takenUsernames: ['boss@acme.com'] }), {
            overrides: { [c.id]: { Username: 'Boss@Acme.com' } },
        });
        expect(row.request.Username).toBe('boss@acme.com');
        expect(row.problems).toEqual([
            { code: 'USERNAME_TAKEN', values: ['boss@acme.com'], fix: 'EDIT_USERNAME', field: 'Username' },
        ]);
    });

    it('USERNAME_DUPLICATE_IN_BATCH on every row that typed the same username', () => {
        const a = contact();
        const b = contact({ email: 'bob@acme.com' });
        const plan = planEnablement([a, b], orgFacts(), {
            overrides: { [a.id]: { Username: 'same@acme.com' }, [b.id]: { Username: 'SAME@acme.com' } },
        });
        expect(plan.rows.map((row) => codes(row.problems))).toEqual([
            ['USERNAME_DUPLICATE_IN_BATCH'],
            ['USERNAME_DUPLICATE_IN_BATCH'],
        ]);
        expect(plan.canProceed).toBe(false);
    });

    it('does not count a typed username twice for a contact selected twice', () => {
        const a = contact();
        const plan = planEnablement([a, a], orgFacts(), { overrides: { [a.id]: { Username: 'same@acme.com' } } });
        expect(plan.rows[0].problems).toEqual([]);
        expect(codes(plan.rows[1].problems)).toEqual(['CONTACT_DUPLICATE_IN_BATCH']);
    });

    it.each(['not-an-email', 'a b@acme.com'])('USERNAME_INVALID for a typed %p', (username) => {
        const c = contact();
        const row = one(c, orgFacts(), { overrides: { [c.id]: { Username: username } } });
        expect(codes(row.problems)).toEqual(['USERNAME_INVALID']);
    });

    it.each(['', '   '])(
        'USERNAME_MISSING, no value to quote, for an emptied username %p: the cell is marked',
        (username) => {
            const c = contact();
            const row = one(c, orgFacts(), { overrides: { [c.id]: { Username: username } } });
            expect(row.problems).toEqual([
                { code: 'USERNAME_MISSING', values: [], fix: 'ENTER_USERNAME', field: 'Username' },
            ]);
            expect(row.canEnable).toBe(false);
        },
    );

    it('USERNAME_TOO_LONG for a typed username over 80 characters', () => {
        const c = contact();
        const username = `${'a'.repeat(70)}@acme.com.ccsa`;
        const row = one(c, orgFacts(), { overrides: { [c.id]: { Username: username } } });
        expect(row.problems).toEqual([
            { code: 'USERNAME_TOO_LONG', values: [username, '80'], fix: 'EDIT_USERNAME', field: 'Username' },
        ]);
    });

    it('cuts the local part of a long derived username to 80 characters, and numbers within 80', () => {
        const email = `${'a'.repeat(60)}@example-company.com`; // 80 characters
        const plan = planEnablement([contact({ email }), contact({ email })], orgFacts());
        const [first, second] = plan.rows.map((row) => row.request.Username);
        expect(first).toBe(`${'a'.repeat(55)}@example-company.com.ccsa`);
        expect(first).toHaveLength(80);
        expect(second).toBe(`${'a'.repeat(54)}1@example-company.com.ccsa`);
        expect(second).toHaveLength(80);
        expect(isValidUsername(first)).toBe(true);
        // Cut, not taken: the warning says so (the second row's cut one was taken by the first).
        const base = `${email}.ccsa`;
        expect(plan.rows[0].warnings).toContainEqual({
            code: 'USERNAME_SHORTENED',
            values: [base, first, '80'],
            field: 'Username',
        });
        expect(codes(plan.rows[0].warnings)).not.toContain('USERNAME_ADJUSTED');
        expect(plan.rows[1].warnings).toContainEqual({
            code: 'USERNAME_SHORTENED',
            values: [base, second, '80'],
            field: 'Username',
        });
    });

    it('USERNAME_TOO_LONG when the domain and suffix leave no room for the local part', () => {
        const email = `a@${'d'.repeat(70)}.com`;
        const row = one(contact({ email }), orgFacts(), { usernameSuffix: '.contracts' });
        expect(codes(row.problems)).toEqual(['USERNAME_TOO_LONG']);
        expect(row.problems[0].values).toEqual([`${email}.contracts`, '80']);
        expect(row.request.Username).toBe('');
        // A second row with the same base stops early too.
        const plan = planEnablement([contact({ email }), contact({ email })], orgFacts(), {
            usernameSuffix: '.contracts',
        });
        expect(plan.rows.map((r) => codes(r.problems))).toEqual([['USERNAME_TOO_LONG'], ['USERNAME_TOO_LONG']]);
    });

    it('USERNAME_SUFFIX_INVALID for a suffix that cannot end an email address', () => {
        for (const suffix of ['..ccsa', '.cc sa', '.-ccsa', '.ccsa.']) {
            const plan = planEnablement([contact()], orgFacts(), { usernameSuffix: suffix });
            expect(selection(plan)).toEqual(['USERNAME_SUFFIX_INVALID']);
            expect(plan.selectionProblems[0].fix).toBe('EDIT_USERNAME_SUFFIX');
            expect(plan.canProceed).toBe(false);
        }
        expect(selection(planEnablement([contact()], orgFacts(), { usernameSuffix: ' .Contracts.Acme ' }))).toEqual([]);
    });

    it('an invalid suffix leaves no row Ready and says nothing was taken; a typed username does not use it', () => {
        for (const suffix of ['@evil.com', '.a b', '..x', '.cçsa']) {
            const people = [0, 1].map((i) => contact({ id: `003${i}`, email: 'jo@acme.example' }));
            const plan = planEnablement(people, orgFacts({ takenUsernames: ['jo@acme.example.ccsa'] }), {
                usernameSuffix: suffix,
            });
            expect(plan.rows.map((row) => codes(row.problems))).toEqual([
                ['USERNAME_SUFFIX_INVALID'],
                ['USERNAME_SUFFIX_INVALID'],
            ]);
            expect(plan.rows.every((row) => !row.canEnable)).toBe(true);
            expect(plan.rows.flatMap((row) => row.warnings.map((warning) => warning.code))).not.toContain(
                'USERNAME_ADJUSTED',
            );
            expect(plan.rows[0].problems[0]).toMatchObject({ fix: 'EDIT_USERNAME_SUFFIX', field: 'Username' });
        }
        const jo = contact();
        const typed = planEnablement([jo], orgFacts(), {
            usernameSuffix: '@evil.com',
            overrides: { [jo.id]: { Username: 'jo.typed@acme.example' } },
        });
        expect(codes(typed.rows[0].problems)).toEqual([]);
        expect(selection(typed)).toEqual(['USERNAME_SUFFIX_INVALID']);
    });

    it("usernameSuffixProblem: the field's own check, on the suffix as typed", () => {
        expect(usernameSuffixProblem('ccsa')).toBeNull();
        expect(usernameSuffixProblem(' .Contracts.Acme ')).toBeNull();
        expect(usernameSuffixProblem('')).toBeNull();
        expect(usernameSuffixProblem('@evil.com')).toMatchObject({
            code: 'USERNAME_SUFFIX_INVALID',
            values: ['.@evil.com'],
            fix: 'EDIT_USERNAME_SUFFIX',
        });
        expect(usernameSuffixProblem('.a b')?.code).toBe('USERNAME_SUFFIX_INVALID');
    });
});

describe('nicknames and aliases', () => {
    it('de-duplicates nicknames against the org and the batch: jdoe, jdoe1, jdoe2', () => {
        const people = [0, 1, 2].map((i) => contact({ firstName: 'John', lastName: 'Doe', email: `j${i}@acme.com` }));
        const plan = planEnablement(people, orgFacts({ takenNicknames: ['JDoe1'] }));
        expect(plan.rows.map((row) => row.request.CommunityNickname)).toEqual(['jdoe', 'jdoe2', 'jdoe3']);
        expect(plan.rows.map((row) => row.request.Alias)).toEqual(['jdoe', 'jdoe', 'jdoe']);
        expect(plan.rows.every((row) => row.canEnable)).toBe(true);
    });

    it('keeps a 40-character nickname with its number within 40 characters', () => {
        const lastName = 'Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaft';
        const people = Array.from({ length: 12 }, (_, i) =>
            contact({ firstName: 'Hubert', lastName, email: `h${i}@acme.com` }),
        );
        const base = `h${lastName.toLowerCase()}`.slice(0, 40);
        const plan = planEnablement(people, orgFacts({ takenNicknames: [base] }));
        const nicknames = plan.rows.map((row) => row.request.CommunityNickname);
        expect(nicknames[0]).toBe(`${base.slice(0, 39)}1`);
        expect(nicknames[9]).toBe(`${base.slice(0, 38)}10`);
        expect(nicknames.every((n) => n.length <= 40)).toBe(true);
        expect(new Set(nicknames).size).toBe(12);
        expect(plan.rows[0].request.Alias).toBe('hwolfesc');
    });

    it('strips accents and folds special letters into lower-case ASCII', () => {
        const row = one(contact({ firstName: 'Émile', lastName: 'Łukasz-Müller Ørsted' }));
        expect(row.request.Alias).toBe('elukaszm');
        expect(row.request.CommunityNickname).toBe('elukaszmullerorsted');
        expect(asciiFold('Straße Æsir Œuvre ðþı')).toBe('strasseaesiroeuvredthi');
    });

    it('falls back to the email, then to "user", when the names have no ASCII letter', () => {
        expect(one(contact({ firstName: '小明', lastName: '王', email: 'wang.xm@acme.cn' })).request.Alias).toBe(
            'wangxm',
        );
        expect(deriveAlias('小明', '王', '')).toBe('user');
        expect(deriveAlias(null, '王', 'no-at-sign')).toBe('noatsign');
        expect(nicknameBase('', '---', '@acme.com')).toBe('user');
        const row = one(contact({ firstName: '小明', lastName: '王', email: null }));
        expect(row.request.Alias).toBe('user');
        expect(row.request.CommunityNickname).toBe('user');
    });

    it('remembers each folded name key by its whole triple: asked again, or in another split, the same answer as the rule', () => {
        // The keys are remembered between plans (every keystroke in the suffix derives the plan
        // again): asked twice, the answer is the same; names that join alike stay apart.
        expect(deriveAlias('Émile', 'Zoë')).toBe('ezoe');
        expect(deriveAlias('Émile', 'Zoë')).toBe('ezoe');
        expect(nicknameBase('a\u0000b', 'c')).toBe('ac');
        expect(nicknameBase('a', 'b\u0000c')).toBe('abc');
        expect(nicknameBase('', '王', 'one@acme.com')).toBe('one');
        expect(nicknameBase('', '王', 'two@acme.com')).toBe('two');
        // More triples than are kept: the earliest are forgotten, never answered wrong.
        const wrong: string[] = [];
        for (let n = 0; n < 20050; n++) {
            if (nicknameBase('', '王', `x${n}@acme.com`) !== `x${n}`) wrong.push(String(n));
        }
        expect(wrong).toEqual([]);
        expect(deriveAlias('Émile', 'Zoë')).toBe('ezoe');
    });

    it('NICKNAME_TAKEN when a typed nickname is taken in the org, case-insensitively', () => {
        const c = contact();
        const row = one(c, orgFacts({ takenNicknames: ['annie'] }), {
            overrides: { [c.id]: { CommunityNickname: 'Annie' } },
        });
        expect(row.request.CommunityNickname).toBe('Annie');
        expect(row.problems).toEqual([
            { code: 'NICKNAME_TAKEN', values: ['Annie'], fix: 'EDIT_NICKNAME', field: 'CommunityNickname' },
        ]);
    });

    it('NICKNAME_DUPLICATE_IN_BATCH on every row that typed it; derived ones avoid it', () => {
        const a = contact();
        const b = contact();
        const c = contact({ firstName: 'Zed', lastName: 'Ray' });
        const plan = planEnablement([a, b, c], orgFacts(), {
            overrides: { [a.id]: { CommunityNickname: 'zray' }, [b.id]: { CommunityNickname: 'ZRay' } },
        });
        expect(codes(plan.rows[0].problems)).toEqual(['NICKNAME_DUPLICATE_IN_BATCH']);
        expect(codes(plan.rows[1].problems)).toEqual(['NICKNAME_DUPLICATE_IN_BATCH']);
        expect(plan.rows[2].request.CommunityNickname).toBe('zray1');
        expect(plan.rows[2].canEnable).toBe(true);
    });

    it('says why a derived nickname moved when another row typed it (admin walk: it changed without a word)', () => {
        const jane = contact({ firstName: 'Jane', lastName: 'Doe', email: 'jane@acme.com' });
        const john = contact({ firstName: 'John', lastName: 'Doe', email: 'john@acme.com' });
        const jim = contact({ firstName: 'Jim', lastName: 'Doe', email: 'jim@acme.com' });
        const before = planEnablement([jane, john, jim], orgFacts());
        expect(before.rows.map((row) => row.request.CommunityNickname)).toEqual(['jdoe', 'jdoe1', 'jdoe2']);
        expect(before.rows.flatMap((row) => row.warnings)).toEqual([]);

        // John takes Jane's nickname: his typed value stays as typed, Jane's moves and says why.
        const plan = planEnablement([jane, john, jim], orgFacts(), {
            overrides: { [john.id]: { CommunityNickname: 'JDoe' } },
        });
        expect(plan.rows.map((row) => row.request.CommunityNickname)).toEqual(['jdoe1', 'JDoe', 'jdoe2']);
        expect(plan.rows[0].warnings).toEqual([
            {
                code: 'NICKNAME_CHANGED_FOR_TYPED',
                values: ['jdoe1', 'John Doe', 'JDoe'],
                field: 'CommunityNickname',
            },
        ]);
        expect(plan.rows[0].canEnable).toBe(true);
        expect(plan.rows[1].problems).toEqual([]);
        expect(plan.rows[1].warnings).toEqual([]);
        // Jim keeps the nickname he had before the edit: nothing to say.
        expect(plan.rows[2].warnings).toEqual([]);
    });

    it('names, on every row of a shared base, the typed value on its way, walking the base once for all of them', () => {
        // Five rows derive from "jdoe"; two other rows typed "jdoe" and "jdoe2". Each derived row
        // moved past them names the first that lies before its own value (a walk of the base's
        // candidates remembered across the rows of the plan gives the same answers as a walk each).
        const does = [1, 2, 3, 4, 5].map((n) =>
            contact({ firstName: 'John', lastName: 'Doe', email: `john${n}@acme.com` }),
        );
        const typer = contact({ firstName: 'Ty', lastName: 'Per', email: 'ty@acme.com' });
        const other = contact({ firstName: 'Oh', lastName: 'Ter', email: 'oh@acme.com' });
        const plan = planEnablement([...does, typer, other], orgFacts(), {
            overrides: { [typer.id]: { CommunityNickname: 'jdoe2' }, [other.id]: { CommunityNickname: 'JDoe' } },
        });
        const nicknames = plan.rows.map((row) => row.request.CommunityNickname);
        expect(nicknames).toEqual(['jdoe1', 'jdoe3', 'jdoe4', 'jdoe5', 'jdoe6', 'jdoe2', 'JDoe']);
        const notes = plan.rows
            .slice(0, 5)
            .map((row) => row.warnings.find((w) => w.code === 'NICKNAME_CHANGED_FOR_TYPED')?.values.join(' / '));
        expect(notes).toEqual([
            'jdoe1 / Oh Ter / JDoe',
            'jdoe3 / Oh Ter / JDoe',
            'jdoe4 / Oh Ter / JDoe',
            'jdoe5 / Oh Ter / JDoe',
            'jdoe6 / Oh Ter / JDoe',
        ]);
    });

    it('names the row that typed a username another row derived; the typed value is never changed', () => {
        const ann = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.com' });
        const bo = contact({ firstName: 'Bo', lastName: 'Li', email: 'bo@acme.com' });
        const plan = planEnablement([ann, bo], orgFacts(), {
            overrides: { [ann.id]: { Username: 'Bo@Acme.com.ccsa' } },
        });
        expect(plan.rows.map((row) => row.request.Username)).toEqual(['bo@acme.com.ccsa', 'bo1@acme.com.ccsa']);
        expect(plan.rows[0].problems).toEqual([]);
        expect(plan.rows[0].warnings).toEqual([]);
        // Not the generic USERNAME_ADJUSTED: the row says who now uses its username.
        expect(plan.rows[1].warnings).toEqual([
            {
                code: 'USERNAME_CHANGED_FOR_TYPED',
                values: ['bo1@acme.com.ccsa', 'Ann Lee', 'bo@acme.com.ccsa'],
                field: 'Username',
            },
        ]);
        expect(plan.rows[1].canEnable).toBe(true);
    });

    it('says both that a typed row took the username and that it was cut to 80 characters', () => {
        const email = `${'a'.repeat(60)}@example-company.com`; // 80 characters: the base is cut
        const ann = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.com' });
        const bo = contact({ firstName: 'Bo', lastName: 'Li', email });
        const cut = `${'a'.repeat(55)}@example-company.com.ccsa`;
        const plan = planEnablement([ann, bo], orgFacts(), { overrides: { [ann.id]: { Username: cut } } });
        const moved = plan.rows[1].request.Username;
        expect(moved).toBe(`${'a'.repeat(54)}1@example-company.com.ccsa`);
        expect(plan.rows[1].warnings).toEqual([
            { code: 'USERNAME_CHANGED_FOR_TYPED', values: [moved, 'Ann Lee', cut], field: 'Username' },
            { code: 'USERNAME_SHORTENED', values: [`${email}.ccsa`, moved, '80'], field: 'Username' },
        ]);
    });

    it('keeps USERNAME_ADJUSTED when the org, not a typed row, holds the username', () => {
        const ann = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.com' });
        const bo = contact({ firstName: 'Bo', lastName: 'Li', email: 'bo@acme.com' });
        // Ann types an unrelated username; Bo's plain one is the org's.
        const plan = planEnablement([ann, bo], orgFacts({ takenUsernames: ['bo@acme.com.ccsa'] }), {
            overrides: { [ann.id]: { Username: 'ann.lee@acme.com.ccsa' } },
        });
        expect(plan.rows[1].request.Username).toBe('bo1@acme.com.ccsa');
        expect(plan.rows[1].warnings.map((warning) => warning.code)).toEqual(['USERNAME_ADJUSTED']);
        // The org holds bo and the typed row holds bo1: the row is moved past both, and names the row.
        const both = planEnablement([ann, bo], orgFacts({ takenUsernames: ['bo@acme.com.ccsa'] }), {
            overrides: { [ann.id]: { Username: 'bo1@acme.com.ccsa' } },
        });
        expect(both.rows[1].request.Username).toBe('bo2@acme.com.ccsa');
        expect(both.rows[1].warnings).toEqual([
            {
                code: 'USERNAME_CHANGED_FOR_TYPED',
                values: ['bo2@acme.com.ccsa', 'Ann Lee', 'bo1@acme.com.ccsa'],
                field: 'Username',
            },
        ]);
    });

    it('notes no typed nickname when none pushed the row: the row typed its own, or freed one', () => {
        const jane = contact({ firstName: 'Jane', lastName: 'Doe', email: 'jane@acme.com' });
        const john = contact({ firstName: 'John', lastName: 'Doe', email: 'john@acme.com' });
        // [typed on Jane, John's nickname]: Jane keeps hers (John keeps jdoe1), or frees jdoe for John.
        for (const [typed, johns] of [
            ['jdoe', 'jdoe1'],
            ['johnny', 'jdoe'],
        ]) {
            const plan = planEnablement([jane, john], orgFacts(), {
                overrides: { [jane.id]: { CommunityNickname: typed } },
            });
            expect(plan.rows[1].request.CommunityNickname).toBe(johns);
            expect(plan.rows.flatMap((row) => row.warnings)).toEqual([]);
        }
    });

    it('NICKNAME_INVALID (blank) and NICKNAME_TOO_LONG for typed nicknames', () => {
        const c = contact();
        expect(codes(one(c, orgFacts(), { overrides: { [c.id]: { CommunityNickname: ' ' } } }).problems)).toEqual([
            'NICKNAME_INVALID',
        ]);
        const long = one(c, orgFacts(), { overrides: { [c.id]: { CommunityNickname: 'n'.repeat(41) } } });
        expect(long.problems).toEqual([
            {
                code: 'NICKNAME_TOO_LONG',
                values: ['n'.repeat(41), '40'],
                fix: 'EDIT_NICKNAME',
                field: 'CommunityNickname',
            },
        ]);
        expect(one(c, orgFacts(), { overrides: { [c.id]: { CommunityNickname: 'n'.repeat(40) } } }).problems).toEqual(
            [],
        );
    });

    it('ALIAS_MISSING for an emptied alias, without a value to quote; ALIAS_INVALID for an over-long one', () => {
        const c = contact();
        for (const alias of ['', '  ']) {
            const row = one(c, orgFacts(), { overrides: { [c.id]: { Alias: alias } } });
            expect(row.problems).toEqual([{ code: 'ALIAS_MISSING', values: [], fix: 'EDIT_ALIAS', field: 'Alias' }]);
        }
        const long = one(c, orgFacts(), { overrides: { [c.id]: { Alias: 'ninechars' } } });
        expect(long.problems).toEqual([
            { code: 'ALIAS_INVALID', values: ['ninechars', '8'], fix: 'EDIT_ALIAS', field: 'Alias' },
        ]);
        expect(one(c, orgFacts(), { overrides: { [c.id]: { Alias: 'Änn 8ch' } } }).problems).toEqual([]);
    });

    it('does not require aliases to be unique', () => {
        const plan = planEnablement([contact(), contact()], orgFacts());
        expect(plan.rows.map((row) => row.request.Alias)).toEqual(['asmith', 'asmith']);
        expect(plan.rows.map((row) => row.request.CommunityNickname)).toEqual(['asmith', 'asmith1']);
    });
});

describe('planEnablement: selection problems', () => {
    it('NO_CONTACTS_SELECTED for an empty selection', () => {
        const plan = planEnablement([], orgFacts());
        expect(selection(plan)).toEqual(['NO_CONTACTS_SELECTED']);
        expect(plan.canProceed).toBe(false);
    });

    it('SELECTION_TOO_LARGE above 10,000 contacts, and not at 10,000', () => {
        const many = (count: number): ContactFact[] =>
            Array.from({ length: count }, (_, i) => contact({ email: `u${i}@acme.com` }));
        const big = orgFacts({
            licenseSeatsLeft: 20000,
            permissionSetLicenses: [],
        });
        expect(selection(planEnablement(many(MAX_SELECTION), big))).toEqual([]);
        const plan = planEnablement(many(MAX_SELECTION + 1), big);
        expect(plan.selectionProblems).toEqual([
            { code: 'SELECTION_TOO_LARGE', values: ['10001', '10000'], fix: 'REDUCE_SELECTION' },
        ]);
        expect(plan.rows).toHaveLength(10001);
        expect(plan.canProceed).toBe(false);
    });

    it('PROFILE_NOT_CHOSEN before a profile is picked', () => {
        const plan = planEnablement([contact()], orgFacts({ profile: null }));
        expect(plan.selectionProblems).toEqual([
            { code: 'PROFILE_NOT_CHOSEN', values: [], fix: 'CHOOSE_CCP_PROFILE', field: 'ProfileId' },
        ]);
        expect(plan.rows[0].request.ProfileId).toBe('');
    });

    it('PROFILE_LICENSE_NOT_CCP for a profile of another license', () => {
        const plan = planEnablement(
            [contact()],
            orgFacts({
                profile: {
                    id: '00e3',
                    name: 'Customer Community User',
                    licenseName: 'customer community',
                    permissionsApiEnabled: true,
                },
            }),
        );
        expect(plan.selectionProblems).toEqual([
            {
                code: 'PROFILE_LICENSE_NOT_CCP',
                values: ['Customer Community User', 'Customer Community'],
                fix: 'CHOOSE_CCP_PROFILE',
                field: 'ProfileId',
            },
        ]);
    });

    it('PROFILE_API_DISABLED ("In the Administrative Permissions section, select API Enabled")', () => {
        const org = orgFacts();
        const plan = planEnablement([contact()], {
            ...org,
            profile: { ...org.profile!, permissionsApiEnabled: false },
        });
        expect(plan.selectionProblems).toEqual([
            {
                code: 'PROFILE_API_DISABLED',
                values: ['Customer Community Plus User - Contracts'],
                fix: 'ENABLE_API_ON_PROFILE',
                field: 'ProfileId',
            },
        ]);
    });

    it('NOT_ENOUGH_LICENSE_SEATS for the whole selection, counting only the rows that would be enabled', () => {
        const rows = [contact(), contact(), contact({ email: null })];
        const two = planEnablement(rows, orgFacts({ licenseSeatsLeft: 2 }));
        expect(selection(two)).toEqual([]);
        expect(two.enableCount).toBe(2);
        const one_ = planEnablement(rows, orgFacts({ licenseSeatsLeft: 1 }));
        expect(one_.selectionProblems).toEqual([
            {
                code: 'NOT_ENOUGH_LICENSE_SEATS',
                values: ['Customer Community Plus', '2', '1'],
                fix: 'ADD_LICENSE_SEATS',
            },
        ]);
        expect(one_.rows.filter((row) => row.problems.length > 0)).toHaveLength(1);
        expect(one_.canProceed).toBe(false);
        expect(planEnablement([contact()], orgFacts({ licenseSeatsLeft: -3 })).selectionProblems[0].values).toEqual([
            'Customer Community Plus',
            '1',
            '0',
        ]);
    });

    it('PERMISSION_SET_MISSING for each Contracts permission set not installed', () => {
        const plan = planEnablement([contact()], orgFacts({ permissionSets: [EXTRA] }));
        expect(plan.selectionProblems).toEqual(
            CONTRACTS_PERMISSION_SETS.map((label) => ({
                code: 'PERMISSION_SET_MISSING',
                values: [label],
                fix: 'INSTALL_SALESFORCE_CONTRACTS',
            })),
        );
        expect(plan.rows[0].request.permissionSetIds).toEqual([]);
        const onlyDocGen = planEnablement([contact()], orgFacts({ permissionSets: [DOCGEN] }));
        expect(onlyDocGen.selectionProblems.map((p) => p.values[0])).toEqual([
            'Contract Management CC Plus Digital Experience User',
        ]);
    });

    it('finds the Contracts permission sets by label or API name', () => {
        const byName = [
            { ...DOCGEN, label: 'Something else' },
            { ...CLM, label: 'x', name: 'Contract_Management_CC_Plus_Digital_Experience_User' },
        ];
        const found = findContractsPermissionSets(byName);
        expect(found['DocGen Run-time Community User']?.id).toBe(DOCGEN.id);
        expect(found['Contract Management CC Plus Digital Experience User']?.id).toBe(CLM.id);
        expect(findContractsPermissionSets([])['DocGen Run-time Community User']).toBeUndefined();
    });

    it('NOT_ENOUGH_PSL_SEATS when a permission set license behind them has fewer seats than the selection', () => {
        const org = orgFacts({
            permissionSetLicenses: [
                { id: '0PL000000000001AAA', label: 'DocGen Runtime Community', seatsLeft: 1 },
                { id: '0PL000000000002AAA', label: 'CLM Digital Experience', seatsLeft: 2 },
            ],
        });
        const plan = planEnablement([contact(), contact()], org);
        expect(plan.permissionSetLicenseSeatsNeeded).toEqual({ '0PL000000000001AAA': 2, '0PL000000000002AAA': 2 });
        expect(plan.selectionProblems).toEqual([
            { code: 'NOT_ENOUGH_PSL_SEATS', values: ['DocGen Runtime Community', '2', '1'], fix: 'ADD_PSL_SEATS' },
        ]);
        expect(selection(planEnablement([contact()], org))).toEqual([]);
        const negative = orgFacts({ permissionSetLicenses: [{ id: '0PL000000000001AAA', label: 'D', seatsLeft: -1 }] });
        expect(planEnablement([contact()], negative).selectionProblems[0].values).toEqual(['D', '1', '0']);
    });

    it('counts one permission set license seat per user even when two permission sets share it', () => {
        const shared = { ...CLM, permissionSetLicenseId: DOCGEN.permissionSetLicenseId };
        const plan = planEnablement([contact()], orgFacts({ permissionSets: [DOCGEN, shared] }));
        expect(plan.rows[0].request.permissionSetLicenseIds).toEqual([DOCGEN.permissionSetLicenseId]);
        expect(plan.permissionSetLicenseSeatsNeeded).toEqual({ [DOCGEN.permissionSetLicenseId]: 1 });
    });

    it('adds optional permission sets for the batch, and warns when a Contracts one is left out', () => {
        const plan = planEnablement([contact()], orgFacts(), { permissionSetIds: [DOCGEN.id, EXTRA.id] });
        expect(plan.rows[0].request.permissionSetIds).toEqual([DOCGEN.id, EXTRA.id]);
        expect(plan.rows[0].request.permissionSetLicenseIds).toEqual(['0PL000000000001AAA']);
        expect(plan.selectionProblems).toEqual([]);
        expect(plan.selectionWarnings).toEqual([
            {
                code: 'CONTRACTS_PERMISSION_SET_NOT_SELECTED',
                values: ['Contract Management CC Plus Digital Experience User'],
            },
        ]);
    });

    it('PERMISSION_SET_UNKNOWN for an Id that is not among the permission sets found (batch or row)', () => {
        const plan = planEnablement([contact()], orgFacts(), { permissionSetIds: [DOCGEN.id, CLM.id, '0PSmissing'] });
        expect(plan.selectionProblems).toEqual([
            {
                code: 'PERMISSION_SET_UNKNOWN',
                values: ['0PSmissing'],
                fix: 'REMOVE_PERMISSION_SET',
                field: 'permissionSetIds',
            },
        ]);
        const c = contact();
        const row = one(c, orgFacts(), { overrides: { [c.id]: { permissionSetIds: ['0PSmissing'] } } });
        expect(codes(row.problems)).toEqual(['PERMISSION_SET_UNKNOWN']);
    });

    it('PERMISSION_SET_LICENSE_MISMATCH for a permission set of another user license than the profile', () => {
        const partnerOnly = {
            id: '0PS4',
            name: 'Partner_Stuff',
            label: 'Partner Stuff',
            userLicenseName: 'Partner Community',
        };
        const ccp = { id: '0PS5', name: 'CCP_Stuff', label: 'CCP Stuff', userLicenseName: 'Customer Community Plus' };
        const org = orgFacts({ permissionSets: [DOCGEN, CLM, partnerOnly, ccp] });
        const plan = planEnablement([contact()], org, {
            permissionSetIds: [DOCGEN.id, CLM.id, partnerOnly.id, ccp.id],
        });
        expect(plan.selectionProblems).toEqual([
            {
                code: 'PERMISSION_SET_LICENSE_MISMATCH',
                values: ['Partner Stuff', 'Partner Community'],
                fix: 'REMOVE_PERMISSION_SET',
                field: 'permissionSetIds',
            },
        ]);
        // Without a profile, any Customer Community Plus license is allowed.
        const noProfile = planEnablement(
            [contact()],
            { ...org, profile: null },
            { permissionSetIds: [ccp.id, partnerOnly.id] },
        );
        expect(selection(noProfile)).toEqual(['PERMISSION_SET_LICENSE_MISMATCH', 'PROFILE_NOT_CHOSEN']);
        // A Plus Login profile does not take a Plus permission set.
        const login = { ...org, profile: { ...org.profile!, licenseName: 'Customer Community Plus Login' } };
        expect(selection(planEnablement([contact()], login, { permissionSetIds: [ccp.id] }))).toEqual([
            'PERMISSION_SET_LICENSE_MISMATCH',
        ]);
    });

    it('skips the seat count of a permission set license the facts do not describe', () => {
        const plan = planEnablement([contact()], orgFacts({ permissionSetLicenses: [] }));
        expect(plan.selectionProblems).toEqual([]);
        expect(plan.permissionSetLicenseSeatsNeeded).toEqual({ '0PL000000000001AAA': 1, '0PL000000000002AAA': 1 });
    });

    it('cannot proceed when no row can be enabled', () => {
        const plan = planEnablement([contact({ accountId: null })], orgFacts());
        expect(plan.selectionProblems).toEqual([]);
        expect(plan.enableCount).toBe(0);
        expect(plan.canProceed).toBe(false);
    });
});

describe('helpers', () => {
    it('isValidEmail', () => {
        expect(isValidEmail(' ann@acme.com ')).toBe(true);
        expect(isValidEmail(null)).toBe(false);
        expect(isValidEmail(undefined)).toBe(false);
        expect(isValidEmail('ann@acme.com.ccsa')).toBe(true);
    });

    it('isValidUsername allows a suffix label with digits and refuses more than 80 characters', () => {
        expect(isValidUsername('ann@acme.com.2024')).toBe(true);
        expect(isValidUsername(null)).toBe(false);
        expect(isValidUsername(`${'a'.repeat(72)}@acme.com`)).toBe(false);
        expect(isValidUsername(`${'a'.repeat(71)}@acme.com`)).toBe(true);
        expect(isValidUsername(`${'a'.repeat(71)}@acme.co`)).toBe(true);
    });

    it('normalizeUsernameSuffix', () => {
        expect(normalizeUsernameSuffix(' CCSA ')).toBe('.ccsa');
        expect(normalizeUsernameSuffix('.Contracts')).toBe('.contracts');
        expect(normalizeUsernameSuffix('  ')).toBe('');
    });

    it('usernameBase and usernameCandidate', () => {
        expect(usernameBase(' Ann@Acme.com ', '.ccsa')).toBe('ann@acme.com.ccsa');
        expect(usernameCandidate('ann@acme.com.ccsa', 0)).toBe('ann@acme.com.ccsa');
        expect(usernameCandidate('ann@acme.com.ccsa', 12)).toBe('ann12@acme.com.ccsa');
        // A cut that would end the local part with a dot drops the dot.
        const base = `${'a'.repeat(56)}.b@example-company.com.ccsa`;
        expect(usernameCandidate(base, 0)).toBe(`${'a'.repeat(55)}@example-company.com.ccsa`);
        expect(usernameCandidate(`.@${'d'.repeat(76)}.co`, 0)).toBeUndefined();
    });

    it('nicknameCandidate stays within 40 characters', () => {
        expect(nicknameCandidate('jdoe', 0)).toBe('jdoe');
        expect(nicknameCandidate('jdoe', 2)).toBe('jdoe2');
        expect(nicknameCandidate('x'.repeat(45), 0)).toHaveLength(40);
        expect(nicknameCandidate('x'.repeat(40), 100)).toBe(`${'x'.repeat(37)}100`);
    });

    it('isEnablementLicense', () => {
        expect(isEnablementLicense('Customer Community Plus')).toBe(true);
        expect(isEnablementLicense('PID_Customer_Community_Plus_Login')).toBe(true);
        expect(isEnablementLicense('Partner Community')).toBe(false);
        expect(isEnablementLicense(null)).toBe(false);
        expect(isEnablementLicense('')).toBe(false);
    });

    it('FIX gives every problem code a fix', () => {
        expect(Object.values(FIX).every((fix) => typeof fix === 'string' && fix.length > 0)).toBe(true);
        expect(FIX.PROFILE_API_DISABLED).toBe('ENABLE_API_ON_PROFILE');
        expect(FIX.PERMISSION_SET_MISSING).toBe('INSTALL_SALESFORCE_CONTRACTS');
    });
});

// Speed is measured by `npm run bench` (bench/user-enablement.bench.mjs), not by a timed test.
describe('the largest selection', () => {
    it('gives 10,000 rows of the same name unique nicknames and usernames', () => {
        const people = Array.from({ length: MAX_SELECTION }, (_, i) =>
            contact({ firstName: 'John', lastName: 'Doe', email: i % 2 ? 'john@acme.com' : `john${i}@acme.com` }),
        );
        const plan = planEnablement(people, orgFacts({ licenseSeatsLeft: 20000, permissionSetLicenses: [] }));
        expect(new Set(plan.rows.map((row) => row.request.CommunityNickname)).size).toBe(MAX_SELECTION);
        expect(new Set(plan.rows.map((row) => row.request.Username)).size).toBe(MAX_SELECTION);
        expect(plan.canProceed).toBe(true);
    });
});

describe('Salesforce CRM Content User', () => {
    it('is on by default (seed 000)', () => {
        expect(one(contact()).request.UserPermissionsSFContentUser).toBe(true);
    });

    it('follows the batch choice, and a row may turn it back on or off', () => {
        const off = contact();
        const on = contact({ email: 'bo@acme.com', firstName: 'Bo' });
        const plan = planEnablement([off, on], orgFacts(), {
            contentUser: false,
            overrides: { [on.id]: { UserPermissionsSFContentUser: true } },
        });
        expect(plan.rows.map((row) => row.request.UserPermissionsSFContentUser)).toEqual([false, true]);
        const rowOff = contact();
        const offOnly = planEnablement([rowOff], orgFacts(), {
            overrides: { [rowOff.id]: { UserPermissionsSFContentUser: false } },
        });
        expect(offOnly.rows[0].request.UserPermissionsSFContentUser).toBe(false);
    });

    it('never blocks a row: a missing feature license is found only when Apex sets it', () => {
        const row = one(contact(), orgFacts(), { contentUser: false });
        expect(row.canEnable).toBe(true);
    });
});

describe('typed customers that match a record', () => {
    it('blocks the row with the match and the fix to choose existing or new', () => {
        const row = one(
            contact({
                duplicateOf: { code: 'CUSTOMER_MATCHES_CONTACT', values: ['ann@acme.com', 'Ann Smith', 'Acme'] },
            }),
        );
        expect(row.canEnable).toBe(false);
        expect(row.problems).toContainEqual({
            code: 'CUSTOMER_MATCHES_CONTACT',
            values: ['ann@acme.com', 'Ann Smith', 'Acme'],
            fix: 'CHOOSE_EXISTING_OR_NEW',
        });
        expect(FIX.CUSTOMER_DUPLICATE_IN_BATCH).toBe('CHOOSE_EXISTING_OR_NEW');
        expect(FIX.CUSTOMER_MATCHES_ACCOUNT).toBe('CHOOSE_EXISTING_OR_NEW');
    });

    it('plans a row without a match (or once chosen) as usual', () => {
        expect(one(contact({ duplicateOf: null })).canEnable).toBe(true);
    });
});
