import { FACTS_CHUNK_SIZE, fetchInChunks, mergeEnablementFacts, mergeUpgradeFacts } from 'c/chunkedFacts';

type EnablementFacts = Apex.UserSetupService.EnablementFacts;
type UpgradeFacts = Apex.LicenseUpgradeService.UpgradeFacts;

const contact = (id: string): Apex.UserSetupService.ContactFact => ({
    id,
    lastName: id,
    accountOwnerHasRole: true,
});

function enablementFacts(ids: string[], taken: string[], seats: number): EnablementFacts {
    return {
        contacts: ids.map(contact),
        takenUsernames: taken,
        takenNicknames: taken.map((name) => name.split('@')[0]),
        profiles: [
            {
                id: '00e1',
                name: 'CC Plus',
                licenseName: 'Customer Community Plus',
                permissionsApiEnabled: true,
                licenseSeatsLeft: seats,
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
}

describe('fetchInChunks', () => {
    it('asks 200 at a time, one call after the other, with progress', async () => {
        const ids = Array.from({ length: 450 }, (_, i) => `id${i}`);
        const calls: number[] = [];
        const progress: string[] = [];
        const answers = await fetchInChunks(
            ids,
            async (chunk) => {
                calls.push(chunk.length);
                return chunk[0];
            },
            ({ done, total }) => progress.push(`${done}/${total}`),
        );
        expect(FACTS_CHUNK_SIZE).toBe(200);
        expect(calls).toEqual([200, 200, 50]);
        expect(answers).toEqual(['id0', 'id200', 'id400']);
        expect(progress).toEqual(['0/450', '200/450', '400/450', '450/450']);
    });

    it('makes no call for no items, and refuses a bad size', async () => {
        const fetch = jest.fn();
        expect(await fetchInChunks([], fetch)).toEqual([]);
        expect(fetch).not.toHaveBeenCalled();
        await expect(fetchInChunks([1], fetch, undefined, 0)).rejects.toThrow(RangeError);
    });

    it('fails the whole read when a chunk fails, and stops there', async () => {
        const fetch = jest.fn(async (chunk: number[]) => {
            if (chunk[0] === 2) {
                throw new Error('Choose between 1 and 200 users at a time');
            }
            return chunk.length;
        });
        await expect(fetchInChunks([0, 1, 2, 3, 4, 5], fetch, undefined, 2)).rejects.toThrow('between 1 and 200');
        expect(fetch).toHaveBeenCalledTimes(2);
    });
});

describe('mergeEnablementFacts', () => {
    it('joins the contacts and taken names of every chunk, and keeps the latest org facts', () => {
        const merged = mergeEnablementFacts([
            enablementFacts(['a', 'b'], ['ann@x.example'], 10),
            enablementFacts(['c', 'b'], ['ann@x.example', 'cy@x.example'], 9),
        ]);
        expect(merged.contacts.map((c) => c.id)).toEqual(['a', 'b', 'c']);
        expect(merged.takenUsernames).toEqual(['ann@x.example', 'cy@x.example']);
        expect(merged.takenNicknames).toEqual(['ann', 'cy']);
        expect(merged.profiles[0].licenseSeatsLeft).toBe(9);
        expect(merged.roleBasedInsertChunkSize).toBe(50);
    });

    it('refuses nothing to merge', () => {
        expect(() => mergeEnablementFacts([])).toThrow(RangeError);
        expect(() => mergeUpgradeFacts([])).toThrow(RangeError);
    });
});

describe('mergeUpgradeFacts', () => {
    it('joins the users, keeps the latest target and any incomplete person account count', () => {
        const target = (seats: number) =>
            ({
                profileId: '00e1',
                profileName: 'P',
                licenseName: 'Customer Community Plus',
                seatsAvailable: seats,
                siteIds: [],
            }) as Apex.LicenseUpgradeService.TargetFact;
        const facts = (ids: string[], seats: number, incomplete: boolean): UpgradeFacts =>
            ({
                target: target(seats),
                users: ids.map((id) => ({ id }) as unknown as Apex.LicenseUpgradeService.UserFact),
                personAccountCountIncomplete: incomplete,
            }) as UpgradeFacts;
        const merged = mergeUpgradeFacts([facts(['u1', 'u2'], 5, false), facts(['u3'], 4, true)]);
        expect(merged.users.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
        expect(merged.target.seatsAvailable).toBe(4);
        expect(merged.personAccountCountIncomplete).toBe(true);
        expect(mergeUpgradeFacts([facts(['u1'], 5, false)]).personAccountCountIncomplete).toBe(false);
    });
});
