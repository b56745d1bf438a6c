import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    EMPTY_FORM,
    MAX_OFFSET,
    PAGE_SIZE,
    actionLabel,
    beyondOffsetLimit,
    dateRangeReversed,
    detailSections,
    errorReference,
    filterOptions,
    hasCriteria,
    logUrl,
    nextOffset,
    pageRange,
    prettyJson,
    previousOffset,
    rowActionLabel,
    toHistoryFilter,
    toTableRow,
    userUrl,
    explainErrors,
    POLICY_CODES,
    fieldChanges,
    fieldName,
    missingName,
    nameOf,
    pageNames,
    pickerRows,
    readinessStepName,
    rowSubject,
    subjectUrl,
    withNames,
} from 'c/historyFormat';
import type { HistoryPage, HistoryRow } from 'c/historyFormat';

const page = (overrides: Partial<HistoryPage> = {}): HistoryPage => ({
    rows: [],
    total: 0,
    offset: 0,
    pageSize: 25,
    hasMore: false,
    maxOffset: 2000,
    objectApiName: 'Setup_Assistant_Log__c',
    ...overrides,
});
const rows = (count: number): HistoryRow[] =>
    Array.from({ length: count }, (_, i) => ({ id: `a00${i}`, name: `LOG-${i}` }));

describe('toHistoryFilter', () => {
    it('sends nulls for an empty form and the first page', () => {
        expect(toHistoryFilter(EMPTY_FORM)).toEqual({
            targetUserId: null,
            userSearch: null,
            action: null,
            status: null,
            fromDate: null,
            toDate: null,
            pageSize: PAGE_SIZE,
            offset: 0,
        });
    });

    it('trims the search, keeps quotes, and sends the dates as typed (a reversed range is refused before)', () => {
        expect(
            toHistoryFilter(
                {
                    userSearch: "  O'Brien ",
                    action: 'LICENSE_CHANGE',
                    status: 'Failed',
                    fromDate: '2025-02-01',
                    toDate: '2025-01-01',
                },
                50,
                10,
            ),
        ).toEqual({
            targetUserId: null,
            userSearch: "O'Brien",
            action: 'LICENSE_CHANGE',
            status: 'Failed',
            fromDate: '2025-02-01',
            toDate: '2025-01-01',
            pageSize: 10,
            offset: 50,
        });
    });

    it('knows a date range given the wrong way round (From later than To)', () => {
        expect(dateRangeReversed({ fromDate: '2025-02-01', toDate: '2025-01-01' })).toBe(true);
        expect(dateRangeReversed({ fromDate: '2025-01-01', toDate: '2025-01-01' })).toBe(false);
        expect(dateRangeReversed({ fromDate: '2025-01-01', toDate: '2025-02-01' })).toBe(false);
        expect(dateRangeReversed({ fromDate: '2025-02-01', toDate: '' })).toBe(false);
        expect(dateRangeReversed({ fromDate: '', toDate: '2025-01-01' })).toBe(false);
        expect(dateRangeReversed({ fromDate: '03/04/2025', toDate: '2025-01-01' })).toBe(false);
    });

    it('filters by id when the search is a user id (15 or 18 characters)', () => {
        expect(toHistoryFilter({ ...EMPTY_FORM, userSearch: '0058d00000USER1AAA' })).toMatchObject({
            targetUserId: '0058d00000USER1AAA',
            userSearch: null,
        });
        expect(toHistoryFilter({ ...EMPTY_FORM, userSearch: '0058d00000USER1' }).targetUserId).toBe('0058d00000USER1');
        expect(toHistoryFilter({ ...EMPTY_FORM, userSearch: '0058d00000' }).userSearch).toBe('0058d00000');
    });

    it('drops dates that are not ISO days and keeps the page within Apex limits', () => {
        const filter = toHistoryFilter({ ...EMPTY_FORM, fromDate: '03/04/2025', toDate: ' ' }, 99999, 1000);
        expect(filter).toMatchObject({ fromDate: null, toDate: null, pageSize: 200, offset: MAX_OFFSET });
        expect(toHistoryFilter(EMPTY_FORM, -5, 0)).toMatchObject({ pageSize: 1, offset: 0 });
    });
});

describe('hasCriteria', () => {
    it('is true when any field is set', () => {
        expect(hasCriteria(EMPTY_FORM)).toBe(false);
        expect(hasCriteria({ ...EMPTY_FORM, userSearch: '  ' })).toBe(false);
        expect(hasCriteria({ ...EMPTY_FORM, status: 'Failed' })).toBe(true);
    });
});

describe('paging', () => {
    it('goes forward while Apex says there is more, and back to 0', () => {
        expect(nextOffset(page({ hasMore: true, offset: 25 }))).toBe(50);
        expect(nextOffset(page({ hasMore: false }))).toBeNull();
        expect(nextOffset(page({ hasMore: true, offset: 1990, pageSize: 25 }))).toBeNull();
        expect(previousOffset(page({ offset: 0 }))).toBeNull();
        expect(previousOffset(page({ offset: 25 }))).toBe(0);
        expect(previousOffset(page({ offset: 10, pageSize: 25 }))).toBe(0);
    });

    it('gives the range of the page', () => {
        expect(pageRange(page())).toEqual({ first: 0, last: 0, total: 0 });
        expect(pageRange(page({ rows: rows(3), offset: 25, total: 28 }))).toEqual({ first: 26, last: 28, total: 28 });
    });

    it('knows when rows lie beyond the offset limit', () => {
        expect(beyondOffsetLimit(page({ rows: rows(25), offset: 2000, total: 3000 }))).toBe(true);
        expect(beyondOffsetLimit(page({ rows: rows(25), offset: 0, total: 3000, hasMore: true }))).toBe(false);
        expect(beyondOffsetLimit(page({ rows: rows(3), total: 3 }))).toBe(false);
    });
});

describe('links', () => {
    it('points to the user and to the log record, namespaced when Apex says so', () => {
        expect(userUrl('005A')).toBe('/lightning/r/User/005A/view');
        expect(userUrl(null)).toBeNull();
        expect(logUrl('a00A', 'ccsa__Setup_Assistant_Log__c')).toBe(
            '/lightning/r/ccsa__Setup_Assistant_Log__c/a00A/view',
        );
        expect(logUrl('a00A')).toBe('/lightning/r/Setup_Assistant_Log__c/a00A/view');
    });
});

describe('prettyJson', () => {
    it('pretty-prints JSON objects, arrays and strings', () => {
        expect(prettyJson('{"a":1,"b":[2]}')).toBe('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}');
        expect(prettyJson(' ["x"] ')).toBe('[\n  "x"\n]');
        expect(prettyJson('"text"')).toBe('"text"');
    });

    it('keeps text and broken JSON as written, and blank as empty', () => {
        expect(prettyJson('Boom\nSecond error')).toBe('Boom\nSecond error');
        expect(prettyJson('{broken')).toBe('{broken');
        expect(prettyJson('  ')).toBe('');
        expect(prettyJson(null)).toBe('');
        expect(prettyJson(undefined)).toBe('');
    });
});

describe('labels', () => {
    it('names known actions and shows unknown ones as they are', () => {
        expect(actionLabel('LICENSE_CHANGE')).toBe('License change');
        expect(actionLabel('ADD_PROFILE_MEMBER')).toBe('Add profile to site members');
        expect(actionLabel('LICENSE_CHANGE_APPLY')).toBe('License change applied (attempt)');
        expect(actionLabel('ASSIGN_PERMISSION_SET')).toBe('Permission set assigned');
        expect(actionLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
        expect(actionLabel('toString')).toBe('toString');
        expect(actionLabel(null)).toBe('');
    });

    it('builds combobox options with "any" first', () => {
        expect(filterOptions(['Failed'], 'All')).toEqual([
            { label: 'All', value: '' },
            { label: 'Failed', value: 'Failed' },
        ]);
        expect(filterOptions(undefined, 'All')).toEqual([{ label: 'All', value: '' }]);
        expect(filterOptions(['ENABLE_USER'], 'All', actionLabel)[1]).toEqual({
            label: 'Enable user',
            value: 'ENABLE_USER',
        });
    });
});

describe('rows', () => {
    const row: HistoryRow = {
        id: 'a001',
        name: 'LOG-0000001',
        action: 'ENABLE_USER',
        status: 'Failed',
        targetUserId: '005A',
        targetUserName: 'Mia Lopez',
        actingUserName: 'Avery Admin',
        createdDate: '2025-01-01T00:00:00.000Z',
        before: '{"contactId":"003A"}',
        after: null,
        removed: '',
        restored: '["0PS1"]',
        error: 'Duplicate nickname',
    };

    it('keeps only the details present, in reading order, Before and After left to the comparison', () => {
        // Before that cannot be compared (After is plain text) reads field by field, not as JSON.
        expect(detailSections({ ...row, after: 'plain text' })[0]).toEqual({
            key: 'before',
            title: 'Before',
            text: 'Contact: 003A',
            isError: false,
        });
        // Nothing after a failed enable: the contact Before names is what it was about, not removed.
        expect(detailSections(row)).toEqual([
            { key: 'context', title: 'Also recorded', text: 'Contact: 003A', isError: false },
            { key: 'restored', title: 'Restored', text: '0PS1', isError: false },
            { key: 'error', title: 'Errors', text: 'Duplicate nickname', isError: true },
        ]);
        expect(detailSections({ id: 'a002', name: 'LOG-2' })).toEqual([]);
    });

    it('turns a row into what the table shows', () => {
        expect(toTableRow(row, 'ccsa__Setup_Assistant_Log__c', 'No user')).toEqual({
            id: 'a001',
            name: 'LOG-0000001',
            logUrl: '/lightning/r/ccsa__Setup_Assistant_Log__c/a001/view',
            action: 'Enable user',
            status: 'Failed',
            targetUserName: 'Mia Lopez',
            targetUserUrl: '/lightning/r/User/005A/view',
            actingUserName: 'Avery Admin',
            createdDate: '2025-01-01T00:00:00.000Z',
        });
        expect(toTableRow({ id: 'a002', name: 'LOG-2', targetUserId: '005B' })).toMatchObject({
            targetUserName: '005B',
            status: '',
            actingUserName: '',
            createdDate: null,
            logUrl: '/lightning/r/Setup_Assistant_Log__c/a002/view',
        });
        expect(toTableRow({ id: 'a003', name: 'LOG-3' }, null, 'No user').targetUserName).toBe('No user');
        expect(toTableRow({ id: 'a003', name: 'LOG-3' }, null, 'No user').targetUserUrl).toBeNull();
    });

    it('links a failed enable to its contact, named, since no user exists', () => {
        const failed = { id: 'a004', name: 'LOG-4', action: 'ENABLE_USER', before: '{"contactId":"003A"}' };
        expect(toTableRow(failed, null, 'No user', { '003A': 'Liam Patel' })).toMatchObject({
            targetUserName: expect.stringContaining('Liam Patel'),
            targetUserUrl: '/lightning/r/Contact/003A/view',
        });
        expect(toTableRow({ ...failed, targetUserId: '005A' }).targetUserUrl).toBe('/lightning/r/User/005A/view');
    });
});

describe('unexpected errors', () => {
    const error = 'CCSA-3F9A0C1B2D\nType: System.QueryException\nMessage: List has no rows';

    it('reads the action as "Unexpected error" with the reference the admin was shown', () => {
        expect(actionLabel('ERROR')).toBe('Unexpected error');
        expect(errorReference({ action: 'ERROR', error })).toBe('CCSA-3F9A0C1B2D');
        expect(rowActionLabel({ action: 'ERROR', error })).toBe('Unexpected error CCSA-3F9A0C1B2D');
        expect(toTableRow({ id: 'a009', name: 'LOG-9', action: 'ERROR', status: 'Failed', error }).action).toBe(
            'Unexpected error CCSA-3F9A0C1B2D',
        );
        expect(filterOptions(['ERROR'], 'All', actionLabel)[1]).toEqual({ label: 'Unexpected error', value: 'ERROR' });
    });

    it('finds no reference in other actions or in an error log without one', () => {
        expect(errorReference({ action: 'LICENSE_CHANGE', error })).toBeNull();
        expect(errorReference({ action: 'ERROR', error: 'Row locked' })).toBeNull();
        expect(errorReference({ action: 'ERROR', error: null })).toBeNull();
        expect(rowActionLabel({ action: 'ERROR', error: 'CCSA-123' })).toBe('Unexpected error');
        expect(rowActionLabel({ action: 'LICENSE_CHANGE', error })).toBe('License change');
    });
});

describe('the action of a refused or failed row never claims the change', () => {
    const row = (action: string, status: string): HistoryRow => ({
        id: 'a010',
        name: 'LOG-0000010',
        action,
        status,
        error: 'PERMISSION_SET_NOT_ALLOWED: not on the allow-list',
    });

    it('names the attempt and its outcome for a Refused or Failed row (the details title)', () => {
        expect(rowActionLabel(row('ASSIGN_PERMISSION_SET', 'Refused'))).toBe('Assign permission set: refused');
        expect(rowActionLabel(row('ASSIGN_PERMISSION_SET', 'Failed'))).toBe('Assign permission set: failed');
        expect(rowActionLabel(row('ASSIGN_PSL', 'Refused'))).toBe('Assign permission set license: refused');
        expect(rowActionLabel(row('SEND_LOGIN_EMAIL', 'Refused'))).toBe('Send login email: refused');
        expect(rowActionLabel(row('ASSIGN_SHARER_PERMISSION_SET', 'Refused'))).toBe(
            'Assign contract sharer permission set: refused',
        );
        // An action already named as an attempt keeps its name.
        expect(rowActionLabel(row('ACTIVATE_SITE', 'Refused'))).toBe('Activate site: refused');
        expect(rowActionLabel(row('ADD_PROFILE_MEMBER', 'Failed'))).toBe('Add profile to site members: failed');
    });

    it('keeps the name of a Completed row, an unknown action and an unexpected error', () => {
        expect(rowActionLabel(row('ASSIGN_PERMISSION_SET', 'Completed'))).toBe('Permission set assigned');
        expect(rowActionLabel(row('SOMETHING_NEW', 'Refused'))).toBe('SOMETHING_NEW: refused');
        expect(rowActionLabel({ action: 'ERROR', status: 'Failed', error: 'Row locked' })).toBe('Unexpected error');
        expect(rowActionLabel({ action: 'ERROR', status: 'Failed', error: 'CCSA-3F9A0C1B2D' })).toBe(
            'Unexpected error CCSA-3F9A0C1B2D',
        );
    });

    it('leaves the Action column to the action, the Status column beside it saying the outcome', () => {
        expect(toTableRow(row('ASSIGN_PERMISSION_SET', 'Refused'))).toMatchObject({
            action: 'Permission set assigned',
            status: 'Refused',
        });
    });
});

describe('history for people', () => {
    const CONTACT = '003000000000001AAA';
    const PROFILE = '00e000000000001AAA';
    const SET_A = '0PS000000000001AAA';
    const SET_B = '0PS000000000002AAA';
    const names = {
        [CONTACT]: 'Amara Fischer',
        [PROFILE]: 'Customer Community Plus User - Contracts',
        [`license:${PROFILE}`]: 'Customer Community Plus',
        [SET_A]: 'DocGen Run-time Community User',
    };
    const row = (fields: Partial<Apex.HistoryService.HistoryRow>): Apex.HistoryService.HistoryRow => ({
        id: 'a00000000000001AAA',
        name: 'LOG-0000001',
        ...fields,
    });

    it('replaces ids with names, and keeps the ids it cannot name', () => {
        expect(withNames(`profile ${PROFILE}, set ${SET_B}`, names)).toBe(
            `profile Customer Community Plus User - Contracts, set ${SET_B}`,
        );
        expect(nameOf(CONTACT.slice(0, 15), { [CONTACT.slice(0, 15)]: 'Amara Fischer' })).toBe('Amara Fischer');
        expect(nameOf(null, names)).toBeNull();
    });

    it('compares Before and After field by field, in words, keys of any case as one field', () => {
        const changes = fieldChanges(
            JSON.stringify({ profileId: null, permissionSetIds: [SET_A, SET_B], contactId: CONTACT }),
            JSON.stringify({ ProfileId: PROFILE, PermissionSetIds: [SET_B, SET_A], ContactId: CONTACT }),
            names,
        );
        expect(changes).toEqual([
            { key: 'profileId', field: 'Profile', before: '(none)', after: 'Customer Community Plus User - Contracts' },
        ]);
    });

    it('compares nothing when a side is not a JSON object', () => {
        expect(fieldChanges(null, 'STANDARD_EXTERNAL_PROFILES')).toBeNull();
        expect(fieldChanges(null, null)).toBeNull();
        expect(fieldChanges('[1]', '{}')).toBeNull();
    });

    it('names the contact of a failed enable, and the user of any other row', () => {
        const failed = row({ action: 'ENABLE_USER', status: 'Failed', before: JSON.stringify({ contactId: CONTACT }) });
        expect(rowSubject(failed, names, 'none')).toBe('Contact Amara Fischer');
        expect(rowSubject(row({ targetUserId: '005000000000001AAA', targetUserName: 'Dmitri Varga' }), names)).toBe(
            'Dmitri Varga',
        );
        expect(rowSubject(row({ action: 'ACTIVATE_SITE' }), names, 'none')).toBe('none');
    });

    it('names a change the job refused as refused for its user, linked (Before names them, Target_User__c is empty)', () => {
        const USER = '005000000000007AAA';
        const refused = row({
            action: 'LICENSE_CHANGE',
            status: 'Refused',
            before: JSON.stringify({ jobId: 'a01000000000001AAA', userId: USER }),
        });
        // Worded so that it does not read as a change made to the user: the user filter searches
        // Target_User__c only and does not find this row.
        expect(rowSubject(refused, { ...names, [USER]: 'Bruno Vargas' }, 'none')).toBe('Refused for Bruno Vargas');
        // Not named on the page: its Id, still a link to the user.
        expect(rowSubject(refused, names, 'none')).toBe(`Refused for ${USER}`);
        expect(subjectUrl(refused)).toBe(`/lightning/r/User/${USER}/view`);
        expect(toTableRow(refused, null, 'none', { [USER]: 'Bruno Vargas' })).toMatchObject({
            targetUserName: 'Refused for Bruno Vargas',
            targetUserUrl: `/lightning/r/User/${USER}/view`,
        });
        // A row with a target user keeps its bare name, even when Before also names a user.
        const changed = row({
            targetUserId: USER,
            targetUserName: 'Bruno Vargas',
            before: JSON.stringify({ userId: USER }),
        });
        expect(rowSubject(changed, names, 'none')).toBe('Bruno Vargas');
        // A skipped row names no user: nobody.
        const skipped = row({ status: 'Skipped', before: JSON.stringify({ jobId: 'a01000000000001AAA' }) });
        expect(rowSubject(skipped, names, 'none')).toBe('none');
        expect(subjectUrl(skipped)).toBeNull();
    });

    describe('a row without a target user whose Before names a user', () => {
        const USER = '005000000000009AAA';
        const PERMISSION_SET = '0PS000000000009AAA';
        // As the contract sharers' fix logs each user: Before names the user, Target_User__c is empty.
        const sharer = (status: string, after: string | null = null) =>
            row({
                action: 'ASSIGN_SHARER_PERMISSION_SET',
                status,
                before: JSON.stringify({
                    userId: USER,
                    userName: 'Taylor Brooks',
                    subjectId: PERMISSION_SET,
                    subjectName: 'CLM Runtime User',
                }),
                after,
            });

        it('names the user plainly when the change was made (Completed), linked to the user', () => {
            const completed = sharer('Completed', JSON.stringify({ fix: 'ASSIGN_SHARER_PERMISSION_SET', ok: true }));
            expect(rowSubject(completed, names, 'none')).toBe('Taylor Brooks');
            expect(rowSubject(completed, { [USER]: 'Taylor Brooks (names map)' }, 'none')).toBe(
                'Taylor Brooks (names map)',
            );
            expect(toTableRow(completed, null, 'none', names)).toMatchObject({
                action: 'Contract sharer permission set assigned',
                status: 'Completed',
                targetUserName: 'Taylor Brooks',
                targetUserUrl: `/lightning/r/User/${USER}/view`,
            });
        });

        it('names the user plainly when the change failed, and by id when Before gives no name', () => {
            expect(rowSubject(sharer('Failed'), names, 'none')).toBe('Taylor Brooks');
            const unnamed = row({
                action: 'SEND_LOGIN_EMAIL',
                status: 'Failed',
                before: JSON.stringify({ userId: USER }),
            });
            expect(rowSubject(unnamed, names, 'none')).toBe(USER);
            expect(rowSubject({ ...unnamed, status: null }, names, 'none')).toBe(USER);
            expect(rowSubject({ ...unnamed, status: undefined }, names, 'none')).not.toContain('Refused');
        });

        it('words it "Refused for" only when the outcome is Refused', () => {
            expect(rowSubject(sharer('Refused'), names, 'none')).toBe('Refused for Taylor Brooks');
            for (const status of ['Completed', 'Failed', 'Applied', 'Snapshot', 'Cancelled', 'Skipped']) {
                expect(rowSubject(sharer(status), names, 'none')).not.toContain('Refused');
            }
        });
    });

    it('explains a license limit naming the license, with the fix', () => {
        const explained = explainErrors(
            row({
                error: 'LICENSE_LIMIT_EXCEEDED: License Limit Exceeded',
                after: JSON.stringify({ ProfileId: PROFILE }),
            }),
            names,
        );
        expect(explained).toHaveLength(1);
        expect(explained[0].text).toContain('Customer Community Plus');
        expect(explained[0].text).not.toContain('..');
    });

    it('explains duplicate usernames, an existing portal user and policy refusals, once each', () => {
        const explained = explainErrors(
            row({
                error: 'DUPLICATE_USERNAME: taken\nDUPLICATE_USERNAME again\nPORTAL_USER_ALREADY_EXISTS_FOR_CONTACT: x\nPROFILE_INTERNAL: refused',
            }),
        );
        expect(explained.map((item) => item.code)).toEqual([
            'DUPLICATE_USERNAME',
            'PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT',
            'PROFILE_INTERNAL',
        ]);
    });

    it('points a policy refusal to its message where the panel shows it: in Errors, below the explanation', () => {
        const [policy] = explainErrors(row({ error: 'USER_NOT_EXTERNAL: Avery Admin is not an external user.' }));
        expect(policy.code).toBe('USER_NOT_EXTERNAL');
        // The panel lists "What it means" before the Errors section (historyPanel.html): never "above".
        expect(policy.text).toContain('The message under Errors, below, names what to change');
        expect(policy.text).not.toMatch(/above/i);
    });

    it('explains every refusal code SetupAssistantPolicy declares as a policy refusal', () => {
        // The Apex is the authority: a code it refuses with and History does not know would reach
        // the admin unexplained (USER_INACTIVE and others were, until this test read the class).
        const apex = readFileSync(join(__dirname, '../../../../policy/classes/SetupAssistantPolicy.cls'), 'utf8');
        const declared = [...apex.matchAll(/public static final String ([A-Z_]+) = '([A-Z_]+)';/g)]
            .filter(([, name, value]) => name === value)
            .map(([, , code]) => code);
        expect(declared.length).toBeGreaterThan(20);
        expect(declared.filter((code) => !POLICY_CODES.has(code))).toEqual([]);
        for (const code of declared) {
            expect(explainErrors(row({ error: `${code}: refused` }))[0]?.code).toBe(code);
        }
    });

    it('explains nothing for an unknown code or no error', () => {
        expect(explainErrors(row({ error: 'SOMETHING_ELSE: what' }))).toEqual([]);
        expect(explainErrors(row({}))).toEqual([]);
        expect(explainErrors(row({ error: 'LICENSE_LIMIT_EXCEEDED' }))[0].text).not.toContain('{0}');
    });

    it('reads keys as field names', () => {
        expect(fieldName('PermissionSetIds')).toBe('Permission sets');
        expect(fieldName('CommunityNickname')).toBe('Community nickname');
    });
});

/**
 * Before and After as the writers log them (LicenseChangeService.snapshotFor / reconcile /
 * recordAttempts, ReadinessFixService.updateSite / finish, ReadinessService.confirm /
 * clearConfirmation; the sample org writes the same), read as an admin reads them.
 */
describe('details of the writers\u2019 own logs', () => {
    const PROFILE_CC = '00e8d00000PROF1AAA';
    const PROFILE_CCP = '00e8d00000PROF2AAA';
    const ROLE = '00E8d00000055zqEAA';
    const PSET = '0PS8d00000PSET1AAA';
    const PSL = '0PL8d00000PSL01AAA';
    const LOG = 'a008d00000LOG07AAA';
    const SITE = '0DB8d00000SITE1AAA';
    const names = { [PROFILE_CC]: 'Customer Community User', [PROFILE_CCP]: 'Contracts Plus User', [PSET]: 'CLM' };
    const row = (fields: Partial<HistoryRow>): HistoryRow => ({
        id: 'a008d00000LOG08AAA',
        name: 'LOG-0000008',
        ...fields,
    });

    const licenseBefore = JSON.stringify({
        profileId: PROFILE_CC,
        profileName: 'Customer Community User',
        licenseName: 'Customer Community',
        roleId: null,
        roleName: null,
        targetProfileId: PROFILE_CCP,
        targetProfileName: 'Contracts Plus User',
        targetLicenseName: 'Customer Community Plus',
    });
    const licenseAfter = (roleName: string | null): string =>
        JSON.stringify({
            profileId: PROFILE_CCP,
            profileName: 'Contracts Plus User',
            licenseName: 'Customer Community Plus',
            roleId: ROLE,
            roleName,
            restoreAttempts: 0,
            contractsSetup: {
                permissionSetIds: [PSET],
                permissionSetLicenseIds: [PSL],
                missing: [],
                contentUser: true,
                apiEnabled: true,
                complete: true,
            },
        });

    it('shows a license change\u2019s role by the name logged beside it, by the page\u2019s name, else by its id', () => {
        const role = (after: string, pageNamesMap: Record<string, string> = names) =>
            fieldChanges(licenseBefore, after, pageNamesMap)?.find((change) => change.key === 'roleId');
        expect(role(licenseAfter('Western Sales Partner User'))).toEqual({
            key: 'roleId',
            field: 'Role',
            before: '(none)',
            after: 'Western Sales Partner User',
        });
        expect(role(licenseAfter(null), { ...names, [ROLE]: 'Acme Partner User' })?.after).toBe('Acme Partner User');
        expect(role(licenseAfter(null))?.after).toBe(ROLE);
        // The name logged beside an id is that field, not one more row.
        const fields = fieldChanges(licenseBefore, licenseAfter('Western Sales Partner User'), names)!.map(
            (change) => change.field,
        );
        expect(fields).toEqual(['Profile', 'License name', 'Role', 'Restore attempts', 'Contracts setup']);
        expect(fields).not.toContain('Role name');
    });

    it('reads the Contracts setup as its fields, names where the page has them, ids where it has none', () => {
        const contracts = fieldChanges(licenseBefore, licenseAfter('R'), names)!.find(
            (change) => change.key === 'contractsSetup',
        );
        expect(contracts?.before).toBe('(none)');
        expect(contracts?.after).toBe(
            `Permission sets: CLM; Permission set licenses: ${PSL}; Missing: (none); Content user: Yes; Api enabled: Yes; Complete: Yes`,
        );
        expect(contracts?.after).not.toMatch(/[{}"]/);
        expect(
            fieldChanges('{}', JSON.stringify({ contractsSetup: { permissionSetLicenseIds: [PSL] } }), {
                [PSL]: 'Contracts PSL',
            })![0].after,
        ).toBe('Permission set licenses: Contracts PSL');
    });

    it('keeps the target Before names as context of the change, not as removed', () => {
        const sections = detailSections(
            row({ action: 'LICENSE_CHANGE', before: licenseBefore, after: licenseAfter('R') }),
            names,
        );
        expect(sections).toEqual([
            {
                key: 'context',
                title: 'Also recorded',
                text: 'Target profile: Contracts Plus User\nTarget license name: Customer Community Plus',
                isError: false,
            },
        ]);
    });

    it('names the license change an attempt belongs to by its log\u2019s name when the page lists it, else by its id', () => {
        const attempt = row({
            action: 'LICENSE_CHANGE_APPLY',
            before: JSON.stringify({ licenseChangeLogId: LOG }),
            after: JSON.stringify({ profileChanged: true }),
        });
        const logPage: HistoryPage = page({
            rows: [attempt, { id: LOG, name: 'LOG-0000007' }],
            total: 2,
            offset: 0,
            pageSize: 25,
            hasMore: false,
            names,
        });
        expect(detailSections(attempt, pageNames(logPage))).toEqual([
            { key: 'context', title: 'Also recorded', text: 'License change log: LOG-0000007', isError: false },
        ]);
        expect(fieldChanges(attempt.before, attempt.after, pageNames(logPage))).toEqual([
            // A flag in words: "Profile changed | (none) | Yes", not the raw boolean.
            { key: 'profileChanged', field: 'Profile changed', before: '(none)', after: 'Yes' },
        ]);
        expect(detailSections(attempt, names)[0].text).toBe(`License change log: ${LOG}`);
        expect(pageNames(logPage)).toMatchObject({ ...names, [LOG]: 'LOG-0000007', [LOG.slice(0, 15)]: 'LOG-0000007' });
        expect(pageNames({ ...logPage, names: undefined, rows: [] })).toEqual({});
        expect(pageNames(undefined)).toBeNull();
    });

    it('reads "Show all settings" as the setting turned on, the site as context, without the fix\u2019s internal keys', () => {
        const before = JSON.stringify({
            networkId: SITE,
            siteName: 'Contracts Portal',
            Status: 'Live',
            OptionsShowAllNetworkSettings: false,
        });
        const showAll = row({
            action: 'SHOW_ALL_SETTINGS',
            status: 'Completed',
            before,
            after: JSON.stringify({ fix: 'SHOW_ALL_SETTINGS', ok: true }),
        });
        expect(fieldChanges(showAll.before, showAll.after)).toEqual([
            {
                key: 'OptionsShowAllNetworkSettings',
                field: 'Options show all network settings',
                before: 'No',
                after: 'Yes',
            },
        ]);
        expect(detailSections(showAll)).toEqual([
            { key: 'context', title: 'Also recorded', text: 'Network: Contracts Portal\nStatus: Live', isError: false },
        ]);
        const activate = {
            ...showAll,
            action: 'ACTIVATE_SITE',
            after: JSON.stringify({ fix: 'ACTIVATE_SITE', ok: true }),
        };
        // Activating a site already Live changes nothing.
        expect(fieldChanges(activate.before, activate.after)).toEqual([]);
        expect(
            fieldChanges(before.replace('"Live"', '"UnderConstruction"'), activate.after)?.map((c) => [
                c.field,
                c.before,
                c.after,
            ]),
        ).toEqual([['Status', 'UnderConstruction', 'Live']]);
        // A fix that sets no field of Before (a member added, a login email sent): Before is its context.
        const member = row({
            action: 'ADD_PROFILE_MEMBER',
            before: JSON.stringify({
                networkId: SITE,
                siteName: 'Contracts Portal',
                profileId: PROFILE_CCP,
                memberName: 'Contracts Plus User',
            }),
            after: JSON.stringify({ fix: 'ADD_PROFILE_MEMBER', ok: true }),
        });
        expect(fieldChanges(member.before, member.after)).toEqual([]);
        expect(detailSections(member)).toEqual([
            {
                key: 'context',
                title: 'Also recorded',
                text: 'Network: Contracts Portal\nProfile: Contracts Plus User',
                isError: false,
            },
        ]);
        const all = JSON.stringify([...fieldChanges(showAll.before, showAll.after)!, ...detailSections(member)]);
        expect(all).not.toMatch(/Fix|Ok:|→ \(none\)|SHOW_ALL_SETTINGS|ADD_PROFILE_MEMBER/);
    });

    it('names the readiness step confirmed or cleared, and words a step it does not know', () => {
        const confirm = row({
            action: 'CONFIRM_READINESS_STEP',
            status: 'Completed',
            before: null,
            after: 'STANDARD_EXTERNAL_PROFILES',
        });
        expect(detailSections(confirm)).toEqual([
            { key: 'step', title: 'Readiness step', text: 'Standard external profiles allowed', isError: false },
        ]);
        const clear = row({
            action: 'CLEAR_READINESS_CONFIRMATION',
            before: 'STANDARD_EXTERNAL_PROFILES',
            after: null,
        });
        expect(detailSections(clear).map((section) => section.text)).toEqual(['Standard external profiles allowed']);
        expect(readinessStepName('NEW_MANUAL_STEP')).toBe('New manual step');
        // Text that is no step id stays as written.
        expect(detailSections(row({ action: 'CONFIRM_READINESS_STEP', after: 'not a step' }))).toEqual([
            { key: 'after', title: 'After', text: 'not a step', isError: false },
        ]);
    });
});

describe('the user filter finds who a refused row was about', () => {
    it('sends a picked contact id as the person to filter by, as a user id (Apex finds both)', () => {
        const contact = toHistoryFilter({ ...EMPTY_FORM, userSearch: '0038d00000CONT1AAA' });
        expect(contact).toMatchObject({ targetUserId: '0038d00000CONT1AAA', userSearch: null });
        expect(toHistoryFilter({ ...EMPTY_FORM, userSearch: '0038d00000CONT1' })).toMatchObject({
            targetUserId: '0038d00000CONT1',
            userSearch: null,
        });
        // Any other id is text to search, not an id to filter by.
        expect(toHistoryFilter({ ...EMPTY_FORM, userSearch: '0018d00000ACCT1AAA' })).toMatchObject({
            targetUserId: null,
            userSearch: '0018d00000ACCT1AAA',
        });
    });

    it('sends hostile text as it is, for Apex to bind and escape', () => {
        for (const hostile of ['%', '_', "' OR Name LIKE '%", '\\%', 'x'.repeat(10000)]) {
            expect(toHistoryFilter({ ...EMPTY_FORM, userSearch: hostile })).toMatchObject({
                targetUserId: null,
                userSearch: hostile,
            });
        }
    });

    it('marks a contact in the picker, whose row has no username', () => {
        const people = [
            { id: '0038d00000CONT1AAA', name: 'Carla Weber', username: null },
            { id: '0058d00000USER1AAA', name: 'Mia Lopez', username: 'mia@acme.example' },
        ];
        expect(pickerRows(people, 'Contact (no user)')).toEqual([
            { id: '0038d00000CONT1AAA', name: 'Carla Weber', username: 'Contact (no user)' },
            people[1],
        ]);
    });
});

describe('roles and permission set licenses named in the details', () => {
    const ROLE = '00E8d00000055zqEAA';
    const GONE_ROLE = '00E8d00000099zzEAA';
    const PSL = '0PL8d00000PSL01AAA';
    const GONE_PSL = '0PL8d00000PSL99AAA';
    const PROFILE = '00e8d00000PROF1AAA';
    const SET = '0PS8d00000PSET1AAA';
    // As HistoryService.resolveNames returns them: the names found, and the kinds it read.
    const names = {
        [ROLE]: 'Western Sales Partner User',
        [PSL]: 'DocGen Runtime Community User',
        'resolved:00E': 'true',
        'resolved:0PL': 'true',
        'resolved:00e': 'true',
        'resolved:0PS': 'true',
    };
    const row = (fields: Partial<HistoryRow>): HistoryRow => ({
        id: 'a008d00000LOG09AAA',
        name: 'LOG-0000009',
        ...fields,
    });

    it('shows a role id logged without its name, and a permission set license id, by their names', () => {
        const changes = fieldChanges(
            JSON.stringify({ roleId: null }),
            JSON.stringify({ roleId: ROLE, permissionSetLicenseIds: [PSL] }),
            names,
        );
        expect(changes).toEqual([
            { key: 'roleId', field: 'Role', before: '(none)', after: 'Western Sales Partner User' },
            {
                key: 'permissionSetLicenseIds',
                field: 'Permission set licenses',
                before: '(none)',
                after: 'DocGen Runtime Community User',
            },
        ]);
        const sections = detailSections(
            row({ action: 'LICENSE_CHANGE', snapshot: JSON.stringify({ permissionSetLicenseIds: [PSL] }) }),
            names,
        );
        expect(sections.find((section) => section.key === 'snapshot')?.text).toBe(
            'Permission set licenses: DocGen Runtime Community User',
        );
    });

    it('says a role or permission set license the org no longer has is deleted, with its id', () => {
        expect(withNames(`role ${GONE_ROLE}, license ${GONE_PSL}`, names)).toBe(
            `role Deleted role (${GONE_ROLE}), license Deleted permission set license (${GONE_PSL})`,
        );
        expect(withNames(`${PROFILE} ${SET}`, names)).toBe(
            `Deleted profile (${PROFILE}) Deleted permission set (${SET})`,
        );
        const removed = detailSections(row({ removed: JSON.stringify([GONE_PSL]) }), names);
        expect(removed[0].text).toContain(`Deleted permission set license (${GONE_PSL})`);
        expect(
            fieldChanges('{}', JSON.stringify({ roleId: GONE_ROLE }), names)?.find((c) => c.key === 'roleId')?.after,
        ).toBe(`Deleted role (${GONE_ROLE})`);
        // A 15-character id is a role too.
        expect(missingName(GONE_ROLE.slice(0, 15), names)).toBe(`Deleted role (${GONE_ROLE.slice(0, 15)})`);
    });

    it('keeps the id when Apex did not read that kind (no View Roles, an older server), or for other objects', () => {
        const unread = { [PSL]: 'DocGen Runtime Community User' };
        expect(withNames(`role ${GONE_ROLE}`, unread)).toBe(`role ${GONE_ROLE}`);
        expect(withNames(`role ${GONE_ROLE}`, null)).toBe(`role ${GONE_ROLE}`);
        expect(missingName('0058d00000USER9AAA', names)).toBeNull();
        expect(missingName('a008d00000LOG01AAA', names)).toBeNull();
        // The prefixes are case-sensitive: 00e is a profile, 00E a role.
        expect(missingName(PROFILE, { 'resolved:00E': 'true' })).toBeNull();
    });
});
