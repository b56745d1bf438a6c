import {
    DEFAULT_ROLE_BASED_CHUNK_SIZE,
    blockedRows,
    contactIdsFromState,
    customerDuplicate,
    customerMatches,
    enableChunkSize,
    enablementCsv,
    escapeLike,
    mergeEnableResults,
    namePatterns,
    newCustomerFact,
    missingCustomerFields,
    newCustomerProblem,
    customerFieldsTooLong,
    CUSTOMER_FIELD_MAX_LENGTH,
    retryRequests,
    toEnableRequest,
    toNewCustomer,
    toOrgFacts,
    preferredProfileId,
    DONE_STATUSES,
    LOCKED_STATUSES,
    OUTCOME_ORDER,
    editedSince,
    exactPatterns,
    lockedByRun,
    recordRun,
    retryFromPlan,
    licenseSeatsTakenByRun,
    seatsTakenByRun,
} from 'c/enablementRun';
import type { TypedCustomer } from 'c/enablementRun';
import { planEnablement, usernameCandidate } from 'c/userEnablement';
import type { RowPlan } from 'c/userEnablement';

type EnableResult = Apex.UserEnablementService.EnableResult;
type EnableRequest = Apex.UserEnablementService.EnableRequest;

const FACTS: Apex.UserSetupService.EnablementFacts = {
    contacts: [],
    takenUsernames: ['ann@acme.com.ccsa'],
    takenNicknames: ['adoe'],
    profiles: [
        {
            id: '00eP',
            name: 'Customer Community Plus User - Contracts',
            licenseName: 'Customer Community Plus',
            permissionsApiEnabled: true,
            licenseSeatsLeft: 4,
        },
    ],
    permissionSets: [],
    permissionSetLicenses: [],
    adminDefaults: {
        TimeZoneSidKey: 'Europe/Paris',
        LocaleSidKey: 'fr_FR',
        LanguageLocaleKey: 'fr',
        EmailEncodingKey: 'UTF-8',
    },
    adminHasRole: true,
    roleBasedInsertChunkSize: 50,
};

const typedRow = (
    key: string,
    customer: Apex.UserSetupService.NewCustomer,
    choice?: 'existing' | 'new',
): TypedCustomer => (choice ? { key, customer, choice } : { key, customer });

function result(contactId: string, status: string): EnableResult {
    return { contactId, status, userId: null, assignedPermissionSetIds: [], problems: [] };
}

describe('namePatterns', () => {
    it('covers every number and suffix the rules may add, once each', () => {
        const patterns = namePatterns([
            { id: '1', firstName: 'Ann', lastName: 'Doe', email: ' Ann@Acme.com ', accountOwnerHasRole: true },
            { id: '2', firstName: 'Ann', lastName: 'Doe', email: 'ann@acme.com', accountOwnerHasRole: true },
            { id: '3', lastName: 'NoMail', email: null, accountOwnerHasRole: true },
        ]);
        expect(patterns.usernames).toEqual(['ann%@acme.com%']);
        expect(patterns.nicknames).toEqual(['adoe%', 'nomail%']);
    });

    it('covers the candidates of a username cut to 80 characters, and keeps an email never cut whole', () => {
        const email = `${'a'.repeat(30)}.${'b'.repeat(40)}@example-company.com`;
        const [pattern] = namePatterns([{ id: '1', lastName: 'Long', email, accountOwnerHasRole: true }]).usernames;
        // SOQL LIKE: % any run, the rest literal (this pattern has no escapes).
        const like = new RegExp(
            `^${pattern
                .split('%')
                .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
                .join('.*')}$`,
        );
        for (const suffix of ['.ccsa', '.contracts-portal', '.contracts-community.partners.acme']) {
            for (const n of [0, 1, 12]) {
                const candidate = usernameCandidate(`${email}${suffix}`, n) as string;
                expect(candidate.length).toBeLessThanOrEqual(80);
                expect(like.test(candidate)).toBe(true);
            }
        }
        expect(pattern.startsWith('a'.repeat(13))).toBe(true);
        // A domain that leaves no room: the pattern keeps one character of the local part.
        const longDomain = `abcde@${'d'.repeat(66)}.com`;
        const [domainPattern] = namePatterns([
            { id: '3', lastName: 'Dee', email: longDomain, accountOwnerHasRole: true },
        ]).usernames;
        expect(domainPattern).toBe(`a%@${'d'.repeat(66)}.com%`);
        expect(
            namePatterns([{ id: '2', lastName: 'Doe', email: 'ann.doe@acme.com', accountOwnerHasRole: true }])
                .usernames,
        ).toEqual(['ann.doe%@acme.com%']);
    });

    it('escapes %, _ and \\ in the email so that only the added % are wildcards', () => {
        const patterns = namePatterns([
            {
                id: '1',
                firstName: 'Ann',
                lastName: 'Lee',
                email: 'ann_lee%x\\y@my_corp.com',
                accountOwnerHasRole: true,
            },
        ]);
        expect(patterns.usernames).toEqual(['ann\\_lee\\%x\\\\y%@my\\_corp.com%']);
        expect(patterns.nicknames).toEqual(['alee%']);
    });
});

describe('escapeLike', () => {
    it('escapes the backslash first, then % and _', () => {
        expect(escapeLike('100%_off\\')).toBe('100\\%\\_off\\\\');
    });

    it('leaves text without wildcards unchanged, apostrophes included', () => {
        expect(escapeLike("O'Brien")).toBe("O'Brien");
        expect(escapeLike('')).toBe('');
    });
});

describe('enableChunkSize', () => {
    it('uses the role-based insert chunk size of the facts', () => {
        expect(enableChunkSize({ roleBasedInsertChunkSize: 25 })).toBe(25);
    });

    it('falls back to 50 without a valid setting and never exceeds 200', () => {
        expect(enableChunkSize(undefined)).toBe(DEFAULT_ROLE_BASED_CHUNK_SIZE);
        expect(enableChunkSize({ roleBasedInsertChunkSize: 0 })).toBe(50);
        expect(enableChunkSize({ roleBasedInsertChunkSize: Number.NaN })).toBe(50);
        expect(enableChunkSize({ roleBasedInsertChunkSize: 500 })).toBe(200);
    });
});

describe('typed customers', () => {
    const MATCHES: Apex.UserSetupService.CustomerMatches = {
        contacts: [{ id: '003OLD', name: 'Ann Doe', email: 'ANN@acme.com', accountId: '001OLD', accountName: 'Acme' }],
        accounts: [{ id: '001GLX', name: 'Globex', ownerHasRole: false }],
    };

    it('accepts a customer only with names and a valid email', () => {
        expect(newCustomerProblem({ accountName: 'Acme', lastName: 'Doe', email: 'ann@acme.com' })).toBeNull();
        expect(newCustomerProblem({ accountName: 'Acme', lastName: 'Doe', email: 'ann@acme' })).toBe('EMAIL_INVALID');
        expect(newCustomerProblem({ accountName: 'Acme', lastName: 'Doe', email: '' })).toBe('EMAIL_INVALID');
        expect(newCustomerProblem({ accountName: ' ', lastName: 'Doe', email: 'ann@acme.com' })).toBe('NAME_MISSING');
    });

    it("refuses a field longer than the record Apex creates takes (Account.Name 255, Contact's names 40 and 80, Email 80)", () => {
        const fits = {
            accountName: 'A'.repeat(255),
            firstName: 'F'.repeat(40),
            lastName: 'L'.repeat(80),
            email: `${'e'.repeat(67)}@acme.example`,
        };
        expect(fits.email).toHaveLength(80);
        expect(customerFieldsTooLong(fits)).toEqual([]);
        expect(newCustomerProblem(fits)).toBeNull();
        const long = {
            accountName: 'A'.repeat(256),
            firstName: 'F'.repeat(41),
            lastName: 'L'.repeat(81),
            email: `${'e'.repeat(68)}@acme.example`,
        };
        expect(customerFieldsTooLong(long)).toEqual(['accountName', 'firstName', 'lastName', 'email']);
        expect(newCustomerProblem(long)).toBe('TOO_LONG');
        expect(newCustomerProblem({ ...fits, lastName: 'L'.repeat(81) })).toBe('TOO_LONG');
        // Spaces around a value are not stored: they do not count.
        expect(customerFieldsTooLong({ ...fits, accountName: ` ${fits.accountName} ` })).toEqual([]);
        expect(CUSTOMER_FIELD_MAX_LENGTH).toEqual({ accountName: 255, firstName: 40, lastName: 80, email: 80 });
    });

    it('lists the required fields still blank, in the form\'s order: what "Add customer" waits for', () => {
        expect(missingCustomerFields({ accountName: '', firstName: '', lastName: '', email: '' })).toEqual([
            'accountName',
            'lastName',
            'email',
        ]);
        expect(missingCustomerFields({ accountName: 'Acme', lastName: ' ', email: 'ann@acme' })).toEqual(['lastName']);
        expect(missingCustomerFields({ accountName: 'Acme', lastName: 'Doe', email: 'ann@acme' })).toEqual([]);
    });

    it('finds an existing contact by email, an account by name, and a typed row with the same email, without case', () => {
        const typed = [
            typedRow('a', { accountName: 'New Co', lastName: 'Doe', email: 'ann@ACME.com' }),
            typedRow('b', { accountName: 'globex ', lastName: 'Ray', email: 'ray@globex.com' }),
            typedRow('c', { accountName: 'Other', lastName: 'Ray', email: 'Ray@globex.com' }),
            typedRow('d', { accountName: 'Fresh', lastName: 'New', email: 'new@fresh.com' }),
        ];
        const found = customerMatches(typed, MATCHES);
        expect(found.get('a')?.contact?.id).toBe('003OLD');
        expect(found.get('b')?.account?.id).toBe('001GLX');
        expect(found.get('c')?.typedRow).toBe(2);
        expect(found.has('d')).toBe(false);
        expect(customerDuplicate(typed[0], found.get('a'))).toEqual({
            code: 'CUSTOMER_MATCHES_CONTACT',
            values: ['ann@ACME.com', 'Ann Doe', 'Acme'],
        });
        expect(customerDuplicate(typed[2], found.get('c'))?.code).toBe('CUSTOMER_DUPLICATE_IN_BATCH');
        expect(customerDuplicate(typed[1], found.get('b'))).toEqual({
            code: 'CUSTOMER_MATCHES_ACCOUNT',
            values: ['Globex'],
        });
    });

    it('blocks a matching row until the admin chooses, then plans it', () => {
        const org = toOrgFacts(FACTS, '00eP');
        const undecided = typedRow('b', { accountName: 'Globex', lastName: 'Ray', email: 'ray@globex.com' });
        const match = customerMatches([undecided], MATCHES).get('b');
        const blocked = planEnablement([newCustomerFact(undecided, true, match)], org);
        expect(blocked.rows[0].problems.map((p) => p.code)).toContain('CUSTOMER_MATCHES_ACCOUNT');
        expect(blocked.rows[0].problems.find((p) => p.code === 'CUSTOMER_MATCHES_ACCOUNT')?.fix).toBe(
            'CHOOSE_EXISTING_OR_NEW',
        );

        // "Use the existing one": the existing account, with its owner's role (none here).
        const existing = newCustomerFact({ ...undecided, choice: 'existing' }, true, match);
        expect(existing).toMatchObject({ accountId: '001GLX', accountName: 'Globex', accountOwnerHasRole: false });
        const onExisting = planEnablement([existing], org);
        expect(onExisting.rows[0].problems.map((p) => p.code)).toEqual(['ACCOUNT_OWNER_WITHOUT_ROLE']);
        expect(toNewCustomer({ ...undecided, choice: 'existing' }, match)).toMatchObject({
            accountId: '001GLX',
            allowDuplicates: false,
        });

        // "Create new": a new account owned by the admin, saved past the duplicate rules.
        const created = newCustomerFact({ ...undecided, choice: 'new' }, true, match);
        expect(created.duplicateOf).toBeNull();
        expect(planEnablement([created], org).rows[0].canEnable).toBe(true);
        expect(toNewCustomer({ ...undecided, choice: 'new' }, match)).toMatchObject({
            accountId: null,
            allowDuplicates: true,
        });
    });

    it('sends a row without a match as typed, with no existing account and no allowSave', () => {
        const plain = typedRow('z', {
            accountName: ' Fresh ',
            firstName: 'Zed',
            lastName: 'New ',
            email: ' z@fresh.com',
        });
        expect(toNewCustomer(plain)).toEqual({
            accountName: 'Fresh',
            firstName: 'Zed',
            lastName: 'New',
            email: 'z@fresh.com',
            accountId: null,
            allowDuplicates: false,
        });
        expect(newCustomerFact(plain, true).duplicateOf).toBeNull();
    });
});

describe('toOrgFacts and newCustomerFact', () => {
    it('feeds the rules: the chosen profile and its seats, taken names, and typed customers', () => {
        const org = toOrgFacts(FACTS, '00eP');
        expect(org.profile?.name).toBe('Customer Community Plus User - Contracts');
        expect(org.licenseSeatsLeft).toBe(4);
        expect(toOrgFacts(FACTS, 'unknown').profile).toBeNull();
        expect(toOrgFacts(FACTS, undefined).licenseSeatsLeft).toBe(0);

        const typed = newCustomerFact(
            typedRow('0', { accountName: 'Acme', firstName: 'Ann', lastName: 'Doe', email: 'ann@acme.com' }),
            true,
        );
        expect(typed).toMatchObject({ id: 'new-0', accountName: 'Acme', accountOwnerHasRole: true });
        const plan = planEnablement([typed], org);
        // The taken username and nickname push the derivation to the next numbers.
        expect(plan.rows[0].request.Username).toBe('ann1@acme.com.ccsa');
        expect(plan.rows[0].request.CommunityNickname).toBe('adoe1');
        expect(plan.rows[0].request.TimeZoneSidKey).toBe('Europe/Paris');

        const noRole = planEnablement(
            [newCustomerFact(typedRow('1', { accountName: 'X', lastName: 'Y', email: 'y@x.com' }), false)],
            org,
        );
        expect(noRole.rows[0].problems.map((problem) => problem.code)).toContain('ACCOUNT_OWNER_WITHOUT_ROLE');
    });
});

describe('preferredProfileId', () => {
    const profile = (id: string, licenseName: string, permissionsApiEnabled: boolean, licenseSeatsLeft: number) => ({
        id,
        name: id,
        licenseName,
        permissionsApiEnabled,
        licenseSeatsLeft,
    });

    it('proposes an API-enabled profile whose license has seats left, before one whose license is full', () => {
        const plusFull = profile('00eFull', 'Customer Community Plus', true, 0);
        const loginFree = profile('00eLogin', 'Customer Community Plus Login', true, 12);
        const noApi = profile('00eNoApi', 'Customer Community Plus', false, 30);
        expect(preferredProfileId([noApi, plusFull, loginFree])).toBe('00eLogin');
    });

    it('keeps the first API-enabled profile when no license has a seat, and any profile when none is API enabled', () => {
        expect(
            preferredProfileId([
                profile('00eNoApi', 'Customer Community Plus', false, 5),
                profile('00eA', 'Customer Community Plus', true, 0),
                profile('00eB', 'Customer Community Plus Login', true, 0),
            ]),
        ).toBe('00eA');
        expect(preferredProfileId([profile('00eNoApi', 'Customer Community Plus', false, 5)])).toBe('00eNoApi');
        expect(preferredProfileId([])).toBe('');
    });
});

describe('toEnableRequest', () => {
    it('puts the created contact id in place of the temporary one and sends no empty first name', () => {
        const plan = planEnablement(
            [newCustomerFact(typedRow('0', { accountName: 'Acme', lastName: 'Solo', email: 'solo@acme.com' }), true)],
            toOrgFacts(FACTS, '00eP'),
        );
        const request = toEnableRequest(plan.rows[0].request, new Map([['new-0', '003REAL']]));
        expect(request.ContactId).toBe('003REAL');
        expect(request.FirstName).toBeNull();
        expect(request.UserPermissionsSFContentUser).toBe(true);
        const untouched = toEnableRequest({ ...plan.rows[0].request, ContactId: '003A', FirstName: 'Ann' }, new Map());
        expect(untouched.ContactId).toBe('003A');
        expect(untouched.FirstName).toBe('Ann');
    });
});

describe('retry and merge', () => {
    it('retries only failed and incomplete rows, and keeps the first order', () => {
        const results = [
            result('A', 'Created'),
            result('B', 'Failed'),
            result('C', 'Incomplete'),
            result('D', 'Existing'),
        ];
        const requests = new Map<string, EnableRequest>(
            ['A', 'B', 'C', 'D'].map((id) => [id, { ContactId: id } as EnableRequest]),
        );
        expect(retryRequests(results, requests).map((request) => request.ContactId)).toEqual(['B', 'C']);
        const merged = mergeEnableResults(results, [result('C', 'Existing'), result('B', 'Created')]);
        expect(merged.map((row) => `${row.contactId}:${row.status}`)).toEqual([
            'A:Created',
            'B:Created',
            'C:Existing',
            'D:Existing',
        ]);
    });
});

describe('enablementCsv', () => {
    it('writes the columns in order, with the byte-order mark, quoting and formulas defused', () => {
        const csv = enablementCsv(
            ['Contact', 'Account', 'Username', 'User Id', 'Status', 'Problems'],
            [
                {
                    contact: 'Doe, Ann',
                    account: '=HYPERLINK("x")',
                    username: 'ann@acme.com.ccsa',
                    userId: '005A',
                    status: 'Created',
                    problems: '',
                },
                {
                    contact: 'Bo "B" Li',
                    account: ' @Acme',
                    username: '',
                    userId: '',
                    status: 'Failed',
                    problems: 'Line 1\nLine 2',
                },
            ],
        );
        expect(csv).toBe(
            '\uFEFFContact,Account,Username,User Id,Status,Problems\r\n' +
                '"Doe, Ann","\'=HYPERLINK(""x"")",ann@acme.com.ccsa,005A,Created,\r\n' +
                '"Bo ""B"" Li",\' @Acme,,,Failed,"Line 1\nLine 2"\r\n',
        );
    });
});

describe('blockedRows', () => {
    const row = (contactId: string, canEnable: boolean): RowPlan => ({
        index: 0,
        contactId,
        request: {} as RowPlan['request'],
        problems: canEnable ? [] : [{ code: 'EMAIL_MISSING' } as RowPlan['problems'][number]],
        warnings: [],
        canEnable,
    });

    it('keeps the rows the validation blocked and the run never sent, in plan order', () => {
        const plan = { rows: [row('A', true), row('B', false), row('C', false), row('D', true)] };
        expect(blockedRows(plan, [result('A', 'Created'), result('D', 'Failed')]).map((r) => r.contactId)).toEqual([
            'B',
            'C',
        ]);
    });

    it('leaves out a row that has a result, and has nothing without a plan', () => {
        const plan = { rows: [row('B', false)] };
        expect(blockedRows(plan, [result('B', 'Failed')])).toEqual([]);
        expect(blockedRows(undefined, [])).toEqual([]);
        expect(blockedRows({ rows: [row('A', true)] }, [])).toEqual([]);
    });
});

describe('contactIdsFromState', () => {
    it('keeps well-formed Contact ids once, in order, up to the limit', () => {
        const state = {
            c__contactIds: '003000000000001AAA, 003000000000002,001000000000001AAA,<script>,003000000000001AAA,',
        };
        expect(contactIdsFromState(state)).toEqual(['003000000000001AAA', '003000000000002']);
        expect(contactIdsFromState(state, 1)).toEqual(['003000000000001AAA']);
        expect(contactIdsFromState({})).toEqual([]);
        expect(contactIdsFromState(undefined)).toEqual([]);
    });
});

describe('the plan after a run', () => {
    const CONTACTS = [
        {
            id: '003A',
            firstName: 'Ann',
            lastName: 'Doe',
            email: 'ann@acme.com',
            accountId: '001A',
            accountOwnerHasRole: true,
        },
        {
            id: '003B',
            firstName: 'Bo',
            lastName: 'Lee',
            email: 'bo@acme.com',
            accountId: '001A',
            accountOwnerHasRole: true,
        },
    ];
    const plan = (overrides = {}): ReturnType<typeof planEnablement> =>
        planEnablement(CONTACTS, toOrgFacts(FACTS, '00eP'), { overrides });
    const request = (contactId: string, Username: string): EnableRequest =>
        ({ ContactId: contactId, Username, CommunityNickname: `n${contactId}`, ProfileId: '00eP' }) as EnableRequest;

    it('records each run, a retry replacing the older record', () => {
        let records = recordRun(
            new Map(),
            [request('003A', 'a1'), request('003B', 'b1')],
            [result('003A', 'Created'), result('003B', 'Failed')],
        );
        records = recordRun(records, [request('003B', 'b2')], [result('003B', 'Created')]);
        expect(records.get('003B')?.request.Username).toBe('b2');
        expect(records.get('003A')?.result.status).toBe('Created');
        const typedFailure = recordRun(new Map(), [], [result('new-c0', 'Failed')]);
        expect(typedFailure.get('new-c0')?.request.ContactId).toBe('new-c0');
    });

    it('locks the rows whose user exists or that the policy refused, and takes their names', () => {
        const records = recordRun(
            new Map(),
            [
                request('1', 'one@x.com'),
                request('2', 'two@x.com'),
                request('3', 'three@x.com'),
                request('4', 'four@x.com'),
            ],
            [result('1', 'Created'), result('2', 'Failed'), result('3', 'Refused'), result('4', 'Incomplete')],
        );
        const locked = lockedByRun(records);
        expect([...locked.ids]).toEqual(['1', '3', '4']);
        expect(locked.usernames).toEqual(['one@x.com', 'four@x.com']);
        expect(locked.nicknames).toEqual(['n1', 'n4']);
        expect(DONE_STATUSES.has('Created') && !DONE_STATUSES.has('Incomplete')).toBe(true);
        expect(LOCKED_STATUSES.has('Failed')).toBe(false);
    });

    it('retries a failed row with its current values once the plan says it is ready again, never the old value', () => {
        const sentRequest = toEnableRequest(plan().rows[0].request, new Map());
        const records = recordRun(new Map(), [sentRequest], [result('003A', 'Failed')]);
        // Edited to a value the org holds: not ready, nothing to retry.
        expect(retryFromPlan(records, plan({ '003A': { Username: 'ann@acme.com.ccsa' } }))).toEqual([]);
        // Fixed: the retry sends the new username.
        const retried = retryFromPlan(records, plan({ '003A': { Username: 'ann.doe@acme.com.ccsa' } }));
        expect(retried.map((r) => r.Username)).toEqual(['ann.doe@acme.com.ccsa']);
        expect(editedSince(sentRequest, plan().rows[0].request)).toBe(false);
        expect(editedSince(sentRequest, plan({ '003A': { Alias: 'zz' } }).rows[0].request)).toBe(true);
    });

    it('retries an incomplete row as sent: its user exists, only the assignments are missing', () => {
        const records = recordRun(new Map(), [request('003A', 'a1')], [result('003A', 'Incomplete')]);
        expect(retryFromPlan(records, undefined).map((r) => r.Username)).toEqual(['a1']);
        expect(retryFromPlan(recordRun(new Map(), [], [result('x', 'Created')]), undefined)).toEqual([]);
    });

    it('counts the seats the runs took per license', () => {
        const records = recordRun(
            new Map(),
            [request('1', 'a'), request('2', 'b'), request('3', 'c')],
            [result('1', 'Created'), result('2', 'Incomplete'), result('3', 'Failed')],
        );
        expect(seatsTakenByRun(records, new Map([['00eP', 'Customer Community Plus']]))).toEqual(
            new Map([['Customer Community Plus', 2]]),
        );
        expect(seatsTakenByRun(records, new Map())).toEqual(new Map());
    });

    it('counts the permission set license seats the runs took (admin walk: the plan said 6 left after 5 were used)', () => {
        const withLicenses = (contactId: string, ids: string[]): EnableRequest =>
            ({ ...request(contactId, contactId), permissionSetLicenseIds: ids }) as EnableRequest;
        const records = recordRun(
            new Map(),
            [withLicenses('1', ['0PLa', '0PLb']), withLicenses('2', ['0PLa', '0PLa']), withLicenses('3', ['0PLa'])],
            [result('1', 'Created'), result('2', 'Incomplete'), result('3', 'Failed')],
        );
        expect(licenseSeatsTakenByRun(records)).toEqual(
            new Map([
                ['0PLa', 2],
                ['0PLb', 1],
            ]),
        );
        expect(licenseSeatsTakenByRun(new Map())).toEqual(new Map());
    });

    it('looks up typed values exactly, escaped, once each', () => {
        expect(exactPatterns([' Ann_Lee@Acme.com ', 'ann_lee@acme.com', '', 'jdoe%'])).toEqual([
            'ann\\_lee@acme.com',
            'jdoe\\%',
        ]);
        expect(OUTCOME_ORDER[0]).toBe('Created');
    });
});

describe('re-validation of edits (planEnablement with the facts the edits looked up)', () => {
    const CONTACTS = [
        {
            id: '003A',
            firstName: 'Ann',
            lastName: 'Doe',
            email: 'ann@acme.com',
            accountId: '001A',
            accountOwnerHasRole: true,
        },
        {
            id: '003B',
            firstName: 'Bo',
            lastName: 'Lee',
            email: 'bo@acme.com',
            accountId: '001A',
            accountOwnerHasRole: true,
        },
    ];
    const org = (taken: { usernames?: string[]; nicknames?: string[] } = {}) => ({
        ...toOrgFacts(FACTS, '00eP'),
        takenUsernames: [...FACTS.takenUsernames, ...(taken.usernames ?? [])],
        takenNicknames: [...FACTS.takenNicknames, ...(taken.nicknames ?? [])],
    });
    const codes = (row: RowPlan): string[] => row.problems.map((problem) => problem.code);

    it('an edited nickname that an existing user holds is not ready', () => {
        const rows = planEnablement(CONTACTS, org({ nicknames: ['Zed'] }), {
            overrides: { '003A': { CommunityNickname: 'zed' } },
        }).rows;
        expect(rows[0].canEnable).toBe(false);
        expect(codes(rows[0])).toEqual(['NICKNAME_TAKEN']);
    });

    it('an edited username that an existing user holds is not ready; a free one is', () => {
        const taken = planEnablement(CONTACTS, org({ usernames: ['taken@acme.com'] }), {
            overrides: { '003B': { Username: 'TAKEN@acme.com' } },
        }).rows[1];
        expect(codes(taken)).toEqual(['USERNAME_TAKEN']);
        const free = planEnablement(CONTACTS, org({ usernames: ['taken@acme.com'] }), {
            overrides: { '003B': { Username: 'free@acme.com' } },
        }).rows[1];
        expect(free.canEnable).toBe(true);
    });

    it('an edit that repeats another row of the batch blocks both rows that typed it', () => {
        const rows = planEnablement(CONTACTS, org(), {
            overrides: { '003A': { CommunityNickname: 'same' }, '003B': { CommunityNickname: 'SAME' } },
        }).rows;
        expect(rows.map(codes)).toEqual([['NICKNAME_DUPLICATE_IN_BATCH'], ['NICKNAME_DUPLICATE_IN_BATCH']]);
    });

    it("an edit to another row's derived value moves the derived one, and the edited row stays ready", () => {
        const rows = planEnablement(CONTACTS, org(), {
            overrides: { '003B': { Username: 'ann1@acme.com.ccsa' } },
        }).rows;
        expect(rows[1].canEnable).toBe(true);
        expect(rows[0].request.Username).toBe('ann2@acme.com.ccsa');
    });

    it('edited email, names and locale are checked by the same rules as at Check', () => {
        const rows = planEnablement(CONTACTS, org(), {
            overrides: { '003A': { Email: 'not an email', LastName: ' ', LocaleSidKey: '' } },
        }).rows;
        expect(codes(rows[0])).toEqual(['LAST_NAME_MISSING', 'EMAIL_INVALID', 'LOCALE_SETTING_MISSING']);
    });
});
