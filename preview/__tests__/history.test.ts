/**
 * The sample org's History is the preview's stand-in for `HistoryController`: the log rows the
 * other sample methods write (and the earlier ones the preview page seeds), newest first, with
 * the filters, paging limits and refusal of `HistoryService`.
 */
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import OFFSET_LIMIT from '@salesforce/label/c.CCSA_History_Offset_Limit';
import { formatLabel } from 'c/labelFormat';
import {
    getHistory,
    getHistoryFilterOptions,
    LOG_OBJECT_API_NAME,
    MAX_OFFSET,
    searchHistoryUsers,
} from '../sample-org/apex/HistoryController';
import { activateSite } from '../sample-org/apex/ReadinessController';
import { generateSampleOrg, seedHistoricalLogs, SAMPLE_NOW } from '../sample-org/data/generate';
import { addJobRows, createJob, startJob } from '../sample-org/apex/JobController';
import { configureEngine, drainJobs, resetEngine } from '../sample-org/jobEngine';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import { enableUsers } from '../sample-org/apex/UserSetupController';
import { insertLogRecord } from '../sample-org/logWriter';
import type { Contact, Id, Profile, SetupAssistantLog, User } from '../sample-org/types';
import { changeRow } from 'c/jobRunner';

beforeEach(() => {
    resetSampleOrg();
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => window.history.pushState({}, '', '/'));

describe('seeded history', () => {
    it('is deterministic, closed, numbered from 1 and before the sample org\u2019s now', () => {
        const first = seedHistoricalLogs(generateSampleOrg());
        const second = seedHistoricalLogs(generateSampleOrg());
        expect(first).toEqual(second);
        expect(first.map((log) => log.Name)).toEqual([
            'LOG-0000001',
            'LOG-0000002',
            'LOG-0000003',
            'LOG-0000004',
            'LOG-0000005',
            'LOG-0000006',
        ]);
        expect(new Set(first.map((log) => log.Id)).size).toBe(first.length);
        for (const log of first) {
            expect(log.Id).toMatch(/^a00\w{15}$/);
            expect(Date.parse(log.CreatedDate)).toBeLessThan(SAMPLE_NOW);
            // An open license change (Snapshot or Applied) would block the next one.
            expect(['Snapshot', 'Applied']).not.toContain(log.Status__c);
        }
        expect(first.filter((log) => log.Status__c === 'Failed')).toHaveLength(2);
        const fresh = generateSampleOrg();
        expect(fresh.Setup_Assistant_Log__c).toEqual([]);
    });

    it('is added once: an org that already holds History (restored after a reload) gets no copy', () => {
        const restored = generateSampleOrg();
        const seeded = seedHistoricalLogs(restored);
        expect(seedHistoricalLogs(restored)).toEqual([]);
        expect(restored.Setup_Assistant_Log__c).toEqual(seeded);
        expect(new Set(restored.Setup_Assistant_Log__c.map((log) => log.Name)).size).toBe(seeded.length);
    });
});

describe('sample org History', () => {
    it('lists the logs newest first, with names and links', async () => {
        const seeded = seedHistoricalLogs(org);
        const page = await getHistory({ filter: null });
        expect(page).toMatchObject({
            total: seeded.length,
            offset: 0,
            pageSize: 50,
            hasMore: false,
            maxOffset: MAX_OFFSET,
            objectApiName: LOG_OBJECT_API_NAME,
        });
        expect(page.rows.map((row) => row.name)).toEqual([
            'LOG-0000006',
            'LOG-0000005',
            // Same second: the later insert first (Id DESC).
            'LOG-0000004',
            'LOG-0000003',
            'LOG-0000002',
            'LOG-0000001',
        ]);
        const admin = org.User.find((u) => u.Id === org.defaultRunningUserId);
        expect(page.rows.every((row) => row.actingUserName === admin?.Name)).toBe(true);
        const change = page.rows.find((row) => row.action === 'LICENSE_CHANGE');
        expect(change?.targetUserName).toBe(org.User.find((u) => u.Id === change?.targetUserId)?.Name);
        expect(JSON.parse(change?.removed as string)).toHaveLength(1);
        // Apex leaves nulls out.
        expect(page.rows[0]).not.toHaveProperty('error');
    });

    it('shows what the other sample methods write, newest first', async () => {
        seedHistoricalLogs(org);
        const failedBefore = (await getHistory({ filter: { status: 'Failed' } })).total;
        // An unknown site: the policy refuses it (SITE_NOT_FOUND), logged Refused, not Failed.
        await activateSite({ networkId: '0DB00000000zzzzAAA' });
        const page = await getHistory({ filter: { status: 'Refused' } });
        expect(page.rows[0]).toMatchObject({ action: 'ACTIVATE_SITE', status: 'Refused', name: 'LOG-0000007' });
        expect(page.rows[0].error).toContain('0DB00000000zzzzAAA');
        expect((await getHistory({ filter: { status: 'Failed' } })).total).toBe(failedBefore);
    });

    it('filters by action, user name or id, and days in the admin\u2019s time zone', async () => {
        const seeded = seedHistoricalLogs(org);
        expect((await getHistory({ filter: { action: 'ENABLE_USER' } })).total).toBe(2);
        const enabled = seeded.find(
            (log) => log.Action__c === 'ENABLE_USER' && log.Target_User__c,
        ) as SetupAssistantLog;
        const user = org.User.find((u) => u.Id === enabled.Target_User__c);
        const byName = await getHistory({ filter: { userSearch: ` ${user?.LastName.toUpperCase()} ` } });
        expect(byName.rows.map((row) => row.id)).toContain(enabled.Id);
        expect(byName.rows.every((row) => row.targetUserName?.includes(user?.LastName as string))).toBe(true);
        const byId = await getHistory({ filter: { targetUserId: user?.Id } });
        expect(byId.rows.map((row) => row.id)).toEqual([enabled.Id]);
        expect((await getHistory({ filter: { userSearch: "O'Nobody" } })).total).toBe(0);

        // SAMPLE_NOW is 2025-06-02 09:00 UTC (02:00 in Los Angeles); the seeded rows are 2 to 21 days earlier.
        const lastWeek = await getHistory({ filter: { fromDate: '2025-05-26', toDate: '2025-06-02' } });
        expect(lastWeek.rows.map((row) => row.action)).toEqual(['SHOW_ALL_SETTINGS', 'LICENSE_CHANGE']);
        expect((await getHistory({ filter: { toDate: '2025-05-13' } })).total).toBe(2);
    });

    it('pages within the limits and refuses an offset past 2,000', async () => {
        seedHistoricalLogs(org);
        const first = await getHistory({ filter: { pageSize: 4 } });
        expect(first.rows).toHaveLength(4);
        expect(first.hasMore).toBe(true);
        const second = await getHistory({ filter: { pageSize: 4, offset: 4 } });
        expect(second.rows).toHaveLength(2);
        expect(second.hasMore).toBe(false);
        expect((await getHistory({ filter: { pageSize: 5000 } })).pageSize).toBe(200);
        await expect(getHistory({ filter: { offset: MAX_OFFSET + 1 } })).rejects.toMatchObject({
            body: { message: formatLabel(OFFSET_LIMIT, String(MAX_OFFSET)) },
        });
    });

    it('offers the distinct actions and outcomes present', async () => {
        expect(await getHistoryFilterOptions()).toEqual({ actions: [], statuses: [] });
        seedHistoricalLogs(org);
        expect(await getHistoryFilterOptions()).toEqual({
            actions: ['ACTIVATE_SITE', 'CONFIRM_READINESS_STEP', 'ENABLE_USER', 'LICENSE_CHANGE', 'SHOW_ALL_SETTINGS'],
            statuses: ['Completed', 'Created', 'Failed'],
        });
    });

    it('refuses a user without the admin permission set', async () => {
        window.history.pushState({}, '', '/?as=jprice&latency=0');
        const denied = {
            body: {
                message: formatLabel(
                    ACCESS_DENIED,
                    'Contracts Community Setup Admin',
                    'Manage_Contracts_Community_Users',
                ),
            },
        };
        await expect(getHistory({ filter: null })).rejects.toMatchObject(denied);
        await expect(getHistoryFilterOptions()).rejects.toMatchObject(denied);
        await expect(searchHistoryUsers({ searchTerm: null })).rejects.toMatchObject(denied);
    });

    it('offers the users a log names as its target, by name, with LIKE wildcards taken literally', async () => {
        expect(await searchHistoryUsers({ searchTerm: null })).toEqual([]);
        const seeded = seedHistoricalLogs(org);
        const targets = new Set(seeded.map((log) => log.Target_User__c).filter(Boolean));
        // And who a row without a target user is about (`Subject_Id__c`: a failed enable's contact).
        const named = new Set(
            seeded
                .filter((log) => !log.Target_User__c)
                .map((log) => log.Subject_Id__c)
                .filter((id): id is Id => !!id),
        );
        expect(named.size).toBeGreaterThan(0);
        const everyone = await searchHistoryUsers({ searchTerm: '  ' });
        expect(everyone.length).toBe(new Set([...targets, ...named]).size);
        expect(everyone.every((row) => targets.has(row.id) || named.has(row.id))).toBe(true);
        expect(everyone.filter((row) => targets.has(row.id)).length).toBe(targets.size);
        expect(everyone.map((row) => row.name)).toEqual(
            [...everyone.map((row) => row.name)].sort((a, b) => a.localeCompare(b)),
        );
        const [first] = everyone;
        const user = org.User.find((u) => u.Id === first.id);
        const byName = await searchHistoryUsers({ searchTerm: user?.LastName.toUpperCase() ?? '' });
        expect(byName.map((row) => row.id)).toContain(first.id);
        expect(byName[0]).toMatchObject({ username: expect.any(String), profileName: expect.any(String) });
        expect(await searchHistoryUsers({ searchTerm: '%' })).toEqual([]);
        expect(await searchHistoryUsers({ searchTerm: '_' })).toEqual([]);
    });

    it('reads a 15-character user id in the filter as its 18-character form, as the Apex Id field does', async () => {
        const seeded = seedHistoricalLogs(org);
        const logged = seeded.find((log) => log.Target_User__c) as SetupAssistantLog;
        const byLongId = await getHistory({ filter: { targetUserId: logged.Target_User__c } });
        const byShortId = await getHistory({ filter: { targetUserId: (logged.Target_User__c as Id).slice(0, 15) } });
        expect(byLongId.total).toBeGreaterThan(0);
        expect(byShortId.rows.map((row) => row.id)).toEqual(byLongId.rows.map((row) => row.id));
    });

    it('lists a license change a job refused with its user named in Before only, and the user filter finds it', async () => {
        resetEngine();
        configureEngine({ autoRun: false, persist: false, failureRate: 0 });
        const internal = org.User.find((u) => u.UserType === 'Standard' && u.IsActive) as (typeof org.User)[number];
        const target = org.Profile.find((p) => p.Name === 'Customer Community Plus User - Contracts')?.Id as Id;
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });
        const item = {
            userId: internal.Id,
            profileId: internal.ProfileId,
            isActive: true,
            contactId: null,
            permissionSetIds: [],
            permissionSetLicenseIds: [],
            acknowledgedIrreversible: true,
        };
        await addJobRows({ jobId: job.id, rows: [changeRow(item, internal.Name)] });
        await startJob({ jobId: job.id });
        drainJobs();

        const page = await getHistory({ filter: { action: 'LICENSE_CHANGE', status: 'Refused' } });
        expect(page.total).toBe(1);
        const [row] = page.rows;
        // As `JobChain.refusedChangeLog`: nothing was done to the user, so no target; Before names them,
        // and the page's names resolve them from there (`HistoryService.resolveNames`).
        expect(row.targetUserId).toBeUndefined();
        expect(row.targetUserName).toBeUndefined();
        expect(JSON.parse(row.before ?? '{}')).toEqual({ jobId: job.id, userId: internal.Id });
        expect(row.error).toMatch(/^USER_NOT_EXTERNAL: /);
        expect(page.names?.[internal.Id]).toBe(internal.Name);

        // The log writer filled who the row is about from Before (`SetupAssistantLogWriter.fillSubjects`):
        // the user filters find it by that user's id (the picker's), name and username; the picker
        // offers that user.
        const written = org.Setup_Assistant_Log__c.find((log) => log.Id === row.id) as SetupAssistantLog;
        expect(written).toMatchObject({
            Subject_Id__c: internal.Id,
            Subject_Name__c: internal.Name,
            Subject_Username__c: internal.Username,
        });
        const refusedIds = [row.id];
        expect((await getHistory({ filter: { targetUserId: internal.Id } })).rows.map((r) => r.id)).toEqual(refusedIds);
        expect(
            (await getHistory({ filter: { targetUserId: internal.Id.slice(0, 15), status: 'Refused' } })).rows.map(
                (r) => r.id,
            ),
        ).toEqual(refusedIds);
        expect(
            (await getHistory({ filter: { userSearch: internal.Name.toUpperCase() } })).rows.map((r) => r.id),
        ).toEqual(refusedIds);
        expect((await getHistory({ filter: { userSearch: internal.Username } })).rows.map((r) => r.id)).toEqual(
            refusedIds,
        );
        // The other criteria still apply to it.
        expect((await getHistory({ filter: { targetUserId: internal.Id, status: 'Completed' } })).total).toBe(0);
        expect((await searchHistoryUsers({ searchTerm: internal.Name })).map((user) => user.id)).toContain(internal.Id);
    });

    it('finds an enable refused for a contact by the contact and its name, not by the name the browser planned', async () => {
        seedHistoricalLogs(org);
        const contact = org.Contact.find((c) => !org.User.some((u) => u.ContactId === c.Id)) as Contact;
        const contactName = `${contact.FirstName ?? ''} ${contact.LastName}`.trim();
        const internalProfile = org.Profile.find((p) =>
            org.User.some((u) => u.UserType === 'Standard' && u.ProfileId === p.Id),
        ) as Profile;
        const [result] = await enableUsers({
            requests: [
                {
                    ContactId: contact.Id,
                    ProfileId: internalProfile.Id,
                    Username: 'refused.history@example.com.ccsa',
                    Email: 'refused.history@example.com',
                    Alias: 'rhist',
                    CommunityNickname: 'refused.history.ccsa',
                    FirstName: 'Planned',
                    LastName: 'Person',
                    TimeZoneSidKey: 'America/Los_Angeles',
                    LocaleSidKey: 'en_US',
                    LanguageLocaleKey: 'en_US',
                    EmailEncodingKey: 'UTF-8',
                    UserPermissionsSFContentUser: true,
                    permissionSetIds: [],
                    permissionSetLicenseIds: [],
                },
            ],
        });
        expect(result.status).toBe('Refused');
        const log = org.Setup_Assistant_Log__c[org.Setup_Assistant_Log__c.length - 1];
        expect(log).toMatchObject({ Action__c: 'ENABLE_USER', Status__c: 'Refused', Target_User__c: null });
        // The log writer names the contact as the org holds it, never the planned name the browser sent.
        expect(log).toMatchObject({
            Subject_Id__c: contact.Id,
            Subject_Name__c: contactName,
            Subject_Username__c: null,
        });

        const ids = async (filter: Record<string, string>): Promise<string[]> =>
            (await getHistory({ filter })).rows.map((row) => row.id);
        // By the contact's id (the picker's), 15 or 18 characters; by its name; not by the planned name.
        expect(await ids({ targetUserId: contact.Id })).toEqual([log.Id]);
        expect(await ids({ targetUserId: contact.Id.slice(0, 15) })).toEqual([log.Id]);
        expect(await ids({ userSearch: contactName.toLowerCase() })).toEqual([log.Id]);
        expect(await ids({ userSearch: 'planned pers' })).toEqual([]);
        expect(await ids({ userSearch: contactName, status: 'Refused', action: 'ENABLE_USER' })).toEqual([log.Id]);
        expect(await ids({ userSearch: contactName, action: 'LICENSE_CHANGE' })).toEqual([]);
        // The picker offers the contact, without a username.
        const offered = await searchHistoryUsers({ searchTerm: contactName });
        expect(offered).toContainEqual({ id: contact.Id, name: contactName });
    });

    it('finds the oldest of 2,500 refused rows by user, contact, name and username: no scan of the newest', async () => {
        seedHistoricalLogs(org);
        const internal = org.User.find((u) => u.UserType === 'Standard' && u.IsActive) as User;
        const contact = org.Contact.find((c) => !org.User.some((u) => u.ContactId === c.Id)) as Contact;
        const contactName = `${contact.FirstName ?? ''} ${contact.LastName}`.trim();
        const admin = org.User.find((u) => u.Id === org.defaultRunningUserId) as User;
        const at = (i: number): string => new Date(SAMPLE_NOW - (3000 - i) * 60 * 1000).toISOString();
        // The oldest two name the user and the contact; 2,500 newer refused rows name someone else.
        const other = org.User.find((u) => u.UserType === 'Standard' && u.IsActive && u.Id !== internal.Id) as User;
        const rows: Array<{ before: object; id: string }> = [
            { before: { userId: internal.Id }, id: 'a00000000000OLD001' },
            { before: { contactId: contact.Id }, id: 'a00000000000OLD002' },
        ];
        for (let i = 0; i < 2500; i++)
            rows.push({ before: { userId: other.Id }, id: `a0000000000${String(i).padStart(7, '0')}` });
        rows.forEach((row, i) => {
            insertLogRecord(org, {
                Id: row.id,
                Name: `LOG-${String(900000 + i)}`,
                Action__c: i === 1 ? 'ENABLE_USER' : 'LICENSE_CHANGE',
                Status__c: 'Refused',
                Target_User__c: null,
                Snapshot__c: null,
                Before__c: JSON.stringify(row.before),
                After__c: null,
                Restored__c: null,
                Removed__c: null,
                Error__c: 'REFUSED: test',
                CreatedDate: at(i),
                CreatedById: admin.Id,
            });
        });
        const ids = async (filter: Record<string, string>): Promise<string[]> =>
            (await getHistory({ filter: { ...filter, status: 'Refused' } })).rows.map((row) => row.id);
        expect(await ids({ targetUserId: internal.Id })).toEqual(['a00000000000OLD001']);
        expect(await ids({ userSearch: internal.Username })).toEqual(['a00000000000OLD001']);
        expect(await ids({ userSearch: internal.Name })).toEqual(['a00000000000OLD001']);
        expect(await ids({ targetUserId: contact.Id })).toEqual(['a00000000000OLD002']);
        expect(await ids({ userSearch: contactName })).toEqual(['a00000000000OLD002']);
        expect((await getHistory({ filter: { targetUserId: other.Id, status: 'Refused' } })).total).toBe(2500);
        expect((await searchHistoryUsers({ searchTerm: contactName })).map((row) => row.id)).toContain(contact.Id);
    });

    it('neither breaks nor widens on a hostile user filter: SOQL metacharacters, wildcards, quotes, 10,000 characters', async () => {
        const seeded = seedHistoricalLogs(org);
        expect(seeded.length).toBeGreaterThan(0);
        const hostile = [
            '%',
            '_',
            '%%',
            '\\',
            '\\%',
            "'",
            "' OR Name LIKE '%",
            "%' OR Id != null OR Name LIKE '",
            '") OR (Id != null',
            '*',
            'x'.repeat(10000),
            '%'.repeat(10000),
        ];
        for (const term of hostile) {
            const page = await getHistory({ filter: { userSearch: term } });
            expect({ term: term.slice(0, 40), total: page.total }).toEqual({ term: term.slice(0, 40), total: 0 });
            expect(await searchHistoryUsers({ searchTerm: term })).toEqual([]);
        }
        // A long term that does occur is still not widened: 255 characters at most are searched.
        const user = org.User.find((u) => u.Id === seeded.find((log) => log.Target_User__c)?.Target_User__c) as User;
        expect((await getHistory({ filter: { userSearch: user.Name + ' '.repeat(9000) } })).total).toBeGreaterThan(0);
        expect((await getHistory({ filter: { userSearch: user.Name + 'x'.repeat(9000) } })).total).toBe(0);
    });

    it('names a log another log names by its LOG- name, on the page or not (admin walk)', async () => {
        const admin = org.User.find((u) => u.Id === org.defaultRunningUserId) as User;
        const log = (Id: string, Name: string, Action__c: string, Before__c: string | null) => ({
            Id,
            Name,
            Action__c,
            Status__c: 'Completed',
            Target_User__c: null,
            Snapshot__c: null,
            Before__c,
            After__c: null,
            Restored__c: null,
            Removed__c: null,
            Error__c: null,
            Subject_Id__c: null,
            Subject_Name__c: null,
            Subject_Username__c: null,
            CreatedDate: new Date(SAMPLE_NOW).toISOString(),
            CreatedById: admin.Id,
        });
        org.Setup_Assistant_Log__c.push(
            log('a00000000000LOG998', 'LOG-0000998', 'LICENSE_CHANGE', null),
            log(
                'a00000000000LOG997',
                'LOG-0000997',
                'LICENSE_CHANGE_APPLY',
                JSON.stringify({ licenseChangeLogId: 'a00000000000LOG998' }),
            ),
        );
        const page = await getHistory({ filter: { action: 'LICENSE_CHANGE_APPLY' } });
        expect(page.rows.map((row) => row.id)).not.toContain('a00000000000LOG998');
        expect(page.names).toMatchObject({ a00000000000LOG998: 'LOG-0000998' });
    });

    it('names the roles and permission set licenses a log holds only by id', async () => {
        const role = org.UserRole[0];
        const license = org.PermissionSetLicense[0];
        const admin = org.User.find((u) => u.Id === org.defaultRunningUserId) as User;
        org.Setup_Assistant_Log__c.push({
            Id: 'a00000000000LOG999',
            Name: 'LOG-0000999',
            Action__c: 'LICENSE_CHANGE',
            Status__c: 'Completed',
            Target_User__c: null,
            Snapshot__c: JSON.stringify({ permissionSetLicenseIds: [license.Id] }),
            Before__c: JSON.stringify({ roleId: null }),
            After__c: JSON.stringify({ roleId: role.Id, permissionSetLicenseIds: [license.Id, '0PL000000000GONEAA'] }),
            Restored__c: null,
            Removed__c: null,
            Error__c: null,
            Subject_Id__c: null,
            Subject_Name__c: null,
            Subject_Username__c: null,
            CreatedDate: new Date(SAMPLE_NOW).toISOString(),
            CreatedById: admin.Id,
        });
        const page = await getHistory({ filter: null });
        expect(page.names).toMatchObject({
            [role.Id]: role.Name,
            [license.Id]: license.MasterLabel,
            'resolved:00E': 'true',
            'resolved:0PL': 'true',
        });
        expect(page.names).not.toHaveProperty('0PL000000000GONEAA');

        // Without View Roles, Apex does not read roles (a user-mode query would fail): no name, no "deleted".
        window.history.pushState({}, '', '/?without=VIEW_ROLES&latency=0');
        const withoutRoles = await getHistory({ filter: null });
        expect(withoutRoles.names).not.toHaveProperty(role.Id);
        expect(withoutRoles.names).not.toHaveProperty('resolved:00E');
        expect(withoutRoles.names).toMatchObject({ [license.Id]: license.MasterLabel, 'resolved:0PL': 'true' });
    });
});
