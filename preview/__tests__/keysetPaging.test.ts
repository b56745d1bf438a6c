/**
 * Keyset paging of the picker searches over the sample org (the stand-in for
 * `UserSetupSelector.searchContacts` and `LicenseUpgradeSelector.searchExternalUsers`): each page
 * continues after the last row of the page before (`ORDER BY Name, Id`), so "Select all matching"
 * is no longer stopped near 2,000 rows by SOQL's OFFSET ceiling. The default sample org (300
 * contacts) never shows it: here the org is grown to 2,500 contacts, many names held several
 * times so that ties fall across page boundaries.
 */
import { createElement } from 'lwc';
import RecordPicker from 'c/recordPicker';
import { SelectionModel, collectAllMatching } from 'c/selectionModel';
import { searchContacts } from '../sample-org/apex/UserSetupController';
import { searchUpgradeCandidates } from '../sample-org/apex/LicenseUpgradeController';
import { newRecordId, resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import type { Contact, User } from '../sample-org/types';

type ContactFact = Apex.UserSetupService.ContactFact;
type Row = ContactFact & { name: string };

/** Grows the org to `total` contacts: copies of the generated ones (same names, new ids and emails). */
function growContacts(total: number): void {
    const generated = [...org.Contact];
    for (let i = 0; org.Contact.length < total; i++) {
        const source = generated[i % generated.length];
        const copy: Contact = { ...source, Id: newRecordId(org, 'Contact'), Email: `copy${i}@large.example` };
        org.Contact.push(copy);
    }
}

/** The enable-users adapter over the sample org: the cursor is the last row's name and id. */
const searchRows = async (term: string, after: Row | undefined): Promise<Row[]> =>
    (
        await searchContacts({ searchTerm: term || null, afterName: after?.name ?? null, afterId: after?.id ?? null })
    ).map((c) => ({ ...c, name: c.name ?? '' }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
    resetSampleOrg();
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => {
    window.history.pushState({}, '', '/');
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
});

describe('searchContacts on an org of 2,500 contacts', () => {
    it('pages through every contact, 200 a page, without a gap or a repeat, past 2,000', async () => {
        growContacts(2500);
        const result = await collectAllMatching<Row>((after) => searchRows('', after), {
            pageSize: 200,
            limit: 10000,
        });
        expect(result.truncated).toBe(false);
        expect(result.records).toHaveLength(2500);
        expect(new Set(result.records.map((r) => r.id))).toEqual(new Set(org.Contact.map((c) => c.Id)));
        // Names repeat (copies): in order by name without case, then id.
        const key = (r: Row) => `${r.name.toUpperCase()}\u0000${r.id}`;
        const keys = result.records.map(key);
        expect(keys).toEqual([...keys].sort());
        expect(new Set(result.records.map((r) => r.name)).size).toBeLessThan(2500);
    });

    it('lets "Select all matching" of the picker select all 2,500', async () => {
        growContacts(2500);
        const element = createElement('c-record-picker', { is: RecordPicker }) as unknown as HTMLElement & {
            search: typeof searchRows;
            columns: unknown[];
            selection: SelectionModel<Row>;
        };
        element.search = searchRows;
        element.columns = [{ label: 'Name', fieldName: 'name' }];
        element.selection = SelectionModel.empty<Row>();
        let selection = element.selection;
        element.addEventListener('selectionchange', (event) => {
            selection = (event as CustomEvent<{ selection: SelectionModel<Row> }>).detail.selection;
            element.selection = selection;
        });
        document.body.appendChild(element);
        const shadow = element.shadowRoot as ShadowRoot;
        (shadow.querySelector('lightning-button.search') as HTMLElement).click();
        await flush();
        (shadow.querySelector('lightning-button.select-all') as HTMLElement).click();
        for (let i = 0; i < 20 && shadow.querySelector('.collecting'); i++) {
            await flush();
        }
        await flush();
        expect(selection.count).toBe(2500);
        expect(new Set(selection.ids)).toEqual(new Set(org.Contact.map((c) => c.Id)));
        expect(shadow.querySelector('.selected-count')?.textContent).toBe('2,500 contacts selected');
        expect(shadow.querySelector('.picker-notice')).toBeNull();
    });
});

describe('searchUpgradeCandidates pages by a cursor', () => {
    /** A second external user with the same name as an existing one (a namesake, another id). */
    function namesakeOf(user: User): User {
        const copy: User = {
            ...user,
            Id: newRecordId(org, 'User'),
            Username: `namesake.${user.Username}`,
            CommunityNickname: `namesake${user.CommunityNickname ?? ''}`.slice(0, 40),
        };
        org.User.push(copy);
        return copy;
    }

    it('continues after the last user of a page, breaking ties between equal names by id', async () => {
        const all = await searchUpgradeCandidates({});
        expect(all.length).toBeGreaterThan(3);
        const original = org.User.find((u) => u.Id === all[1].id) as User;
        const twin = namesakeOf(original);
        const withTwin = await searchUpgradeCandidates({});
        const twins = withTwin.filter((o) => o.name === original.Name).map((o) => o.id);
        expect(twins).toEqual([original.Id, twin.Id].sort());
        // Every page after a row is the rest of the list: no gap, no repeat.
        for (const [index, row] of withTwin.entries()) {
            const after = await searchUpgradeCandidates({ afterName: row.name, afterId: row.id });
            expect(after.map((o) => o.id)).toEqual(withTwin.slice(index + 1).map((o) => o.id));
        }
    });

    it('applies the cursor with the license filter and the term, the term matched literally', async () => {
        const community = await searchUpgradeCandidates({ licenseName: 'Customer Community' });
        expect(community.length).toBeGreaterThan(1);
        const rest = await searchUpgradeCandidates({
            licenseName: 'Customer Community',
            afterName: community[0].name,
            afterId: community[0].id,
        });
        expect(rest.map((o) => o.id)).toEqual(community.slice(1).map((o) => o.id));
        expect(await searchUpgradeCandidates({ searchTerm: '%' })).toEqual([]);
    });
});
