import {
    blockedRows,
    contactIdsFromState,
    enablementCsv,
    mergeEnableResults,
    namePatterns,
    newCustomerFact,
    retryRequests,
    toEnableRequest,
    toOrgFacts,
} from 'c/enablementRun';
import { planEnablement } from 'c/userEnablement';
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
};

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
});

describe('toOrgFacts and newCustomerFact', () => {
    it('feeds the rules: the chosen profile and its seats, taken names, and typed customers', () => {
        const org = toOrgFacts(FACTS, '00eP');
        expect(org.profile?.name).toBe('Customer Community Plus User - Contracts');
        expect(org.licenseSeatsLeft).toBe(4);
        expect(toOrgFacts(FACTS, 'unknown').profile).toBeNull();
        expect(toOrgFacts(FACTS, undefined).licenseSeatsLeft).toBe(0);

        const typed = newCustomerFact(
            { accountName: 'Acme', firstName: 'Ann', lastName: 'Doe', email: 'ann@acme.com' },
            0,
            true,
        );
        expect(typed).toMatchObject({ id: 'new-0', accountName: 'Acme', accountOwnerHasRole: true });
        const plan = planEnablement([typed], org);
        // The taken username and nickname push the derivation to the next numbers.
        expect(plan.rows[0].request.Username).toBe('ann1@acme.com.ccsa');
        expect(plan.rows[0].request.CommunityNickname).toBe('adoe1');
        expect(plan.rows[0].request.TimeZoneSidKey).toBe('Europe/Paris');

        const noRole = planEnablement(
            [newCustomerFact({ accountName: 'X', lastName: 'Y', email: 'y@x.com' }, 1, false)],
            org,
        );
        expect(noRole.rows[0].problems.map((problem) => problem.code)).toContain('ACCOUNT_OWNER_WITHOUT_ROLE');
    });
});

describe('toEnableRequest', () => {
    it('puts the created contact id in place of the temporary one and sends no empty first name', () => {
        const plan = planEnablement(
            [newCustomerFact({ accountName: 'Acme', lastName: 'Solo', email: 'solo@acme.com' }, 0, true)],
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
