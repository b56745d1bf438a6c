/**
 * The "New customer" form and its typed rows (admin walk-through): Edit never loses a customer,
 * the form trims what it keeps, typed rows after a Check wait for the next one, and a duplicate
 * account is found and chosen as the admin reads it.
 */
import { createElement } from 'lwc';
import EnableUsers from 'c/enableUsers';
import searchContacts from '@salesforce/apex/UserSetupController.searchContacts';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';
import findExistingCustomers from '@salesforce/apex/UserSetupController.findExistingCustomers';
import FACTS from './data/UserSetupController.getEnablementFacts.json';

jest.mock('@salesforce/apex/UserSetupController.searchContacts', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserSetupController.getEnablementFacts', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/UserSetupController.createAccountsAndContacts', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/UserSetupController.enableUsers', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserSetupController.findExistingCustomers', () => ({ default: jest.fn() }), {
    virtual: true,
});

const mocked = (method: unknown): jest.Mock => method as jest.Mock;

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function render(): HTMLElement {
    const element = createElement('c-enable-users', { is: EnableUsers });
    document.body.appendChild(element);
    return element;
}

/** The panel's own markup, else the run bar's (Run, the run-locked line, the job notice). */
const $ = <T = HTMLElement>(element: HTMLElement, selector: string): T =>
    (element.shadowRoot!.querySelector(selector) ??
        element.shadowRoot!.querySelector('c-run-bar')?.shadowRoot?.querySelector(selector) ??
        null) as unknown as T;

function fire(target: unknown, name: string, detail?: unknown): void {
    (target as Element).dispatchEvent(new CustomEvent(name, { detail }));
}

async function typeCustomer(element: HTMLElement, values: Record<string, string>): Promise<void> {
    for (const [field, value] of Object.entries(values)) {
        fire($(element, `lightning-input[data-field="${field}"]`), 'change', { value });
    }
    await flush();
}

async function addCustomer(element: HTMLElement, values: Record<string, string>): Promise<void> {
    await typeCustomer(element, values);
    $(element, 'button.add-customer').click();
    await flush();
}

const customer = (firstName: string): Record<string, string> => ({
    accountName: 'Initech',
    firstName,
    lastName: 'Ng',
    email: `${firstName.toLowerCase()}@initech.example`,
});

/** The typed rows as listed: their text. */
const listed = (element: HTMLElement): string[] =>
    [...element.shadowRoot!.querySelectorAll('.new-customer-row .customer-text')].map((row) => row.textContent!);
const keys = (element: HTMLElement): string[] =>
    [...element.shadowRoot!.querySelectorAll('.new-customer-row')].map((row) => (row as HTMLElement).dataset.key!);
const formValue = (element: HTMLElement, field: string): string =>
    $<{ value: string }>(element, `lightning-input[data-field="${field}"]`).value;
const reason = (element: HTMLElement): string => $(element, '.add-customer-reason').textContent!.trim();
const focused = (element: HTMLElement): Element | null => element.shadowRoot!.activeElement;
const editOf = (element: HTMLElement, key: string): HTMLButtonElement =>
    $<HTMLButtonElement>(element, `button.edit-customer[data-key="${key}"]`);

describe('c-enable-users: typed customers', () => {
    beforeEach(() => {
        mocked(searchContacts).mockResolvedValue(FACTS.contacts);
        mocked(getEnablementFacts).mockResolvedValue({ ...FACTS, contacts: [] });
        mocked(findExistingCustomers).mockResolvedValue({ contacts: [], accounts: [] });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    // Admin walk: Edit on customer A, then Edit on customer B: A was gone (6 rows became 5), and a
    // saved edit moved the row to the end of the list. There was no Cancel.
    it('keeps the row in the list while it is edited; Edit of another row switches while nothing is typed, Save replaces in place', async () => {
        const element = render();
        await flush();
        for (const name of ['Al', 'Bea', 'Cy']) {
            // eslint-disable-next-line no-await-in-loop
            await addCustomer(element, customer(name));
        }
        const [al, bea, cy] = keys(element);

        editOf(element, al).click();
        await flush();
        expect(keys(element)).toEqual([al, bea, cy]);
        expect(formValue(element, 'firstName')).toBe('Al');
        expect($(element, `.new-customer-row[data-key="${al}"] .customer-editing`).textContent).toBe(
            'Editing in the form',
        );
        expect($(element, 'button.add-customer')).toBeNull();
        expect($(element, 'button.save-customer').getAttribute('aria-describedby')).toBe(
            $(element, '.add-customer-reason').id,
        );
        expect($(element, 'button.cancel-customer')).not.toBeNull();
        await expect(element).toBeAccessible();

        // Nothing changed in the form: Edit of Bea takes Bea, Al stays as it was.
        editOf(element, bea).click();
        await flush();
        expect(keys(element)).toEqual([al, bea, cy]);
        expect(formValue(element, 'firstName')).toBe('Bea');
        expect($(element, `.new-customer-row[data-key="${al}"] .customer-editing`)).toBeNull();
        expect($(element, `.new-customer-row[data-key="${bea}"] .customer-editing`)).not.toBeNull();

        // Save: in place, the form blank again, the focus on the row's Edit, said politely.
        await typeCustomer(element, { lastName: 'Nguyen' });
        $(element, 'button.save-customer').click();
        await flush();
        expect(keys(element)).toEqual([al, bea, cy]);
        expect(listed(element)).toEqual([
            'Al Ng <al@initech.example>, Initech',
            'Bea Nguyen <bea@initech.example>, Initech',
            'Cy Ng <cy@initech.example>, Initech',
        ]);
        expect(formValue(element, 'lastName')).toBe('');
        expect($(element, 'button.add-customer')).not.toBeNull();
        expect($(element, '.customer-editing')).toBeNull();
        expect(focused(element)).toBe(editOf(element, bea));
        expect($(element, '.customer-notice').textContent).toBe('Saved Bea Nguyen (bea@initech.example).');
    });

    it('puts the focus back on the first field after Add customer, for the next one (admin walk)', async () => {
        const element = render();
        await flush();
        const first = $(element, 'lightning-input[data-field="accountName"]') as HTMLElement;
        const focus = jest.spyOn(first, 'focus');
        await addCustomer(element, customer('Ann'));
        expect(listed(element)).toHaveLength(1);
        expect(focus).toHaveBeenCalled();
    });

    it('refuses the same customer twice, and says so (admin re-walk)', async () => {
        const element = render();
        await flush();
        await addCustomer(element, customer('Ann'));
        await addCustomer(element, { ...customer('Ann'), email: ' ANN@initech.example ' });
        expect(listed(element)).toHaveLength(1);
        expect(reason(element)).toBe('This customer is already in the list: change a field, or clear the form.');
        // A field changed: a customer of its own.
        await addCustomer(element, customer('Bo'));
        expect(listed(element)).toHaveLength(2);
    });

    it('refuses an Edit that would lose the typing in the form, and says so where the form says why it waits', async () => {
        const element = render();
        await flush();
        for (const name of ['Al', 'Bea']) {
            // eslint-disable-next-line no-await-in-loop
            await addCustomer(element, customer(name));
        }
        const [al, bea] = keys(element);

        // A half-typed new customer: Edit does not overwrite it.
        await typeCustomer(element, { accountName: 'Globex', lastName: 'Ode' });
        editOf(element, al).focus();
        editOf(element, al).click();
        await flush();
        expect(formValue(element, 'accountName')).toBe('Globex');
        expect(formValue(element, 'lastName')).toBe('Ode');
        expect($(element, '.customer-editing')).toBeNull();
        // Add mode has no Save or Cancel: the line names Add and Clear (review).
        expect(reason(element)).toBe('Add or clear the customer in the form first.');
        expect($(element, '.customer-notice').textContent).toBe('Add or clear the customer in the form first.');
        // On the button that ends the form's typing, which the line describes.
        expect(focused(element)).toBe($(element, 'button.add-customer'));
        await expect(element).toBeAccessible();
        // Clear empties the form: Edit works again.
        $(element, 'button.clear-customer').click();
        await flush();
        expect(formValue(element, 'accountName')).toBe('');
        expect($(element, 'button.clear-customer')).toBeNull();
        editOf(element, al).click();
        await flush();
        expect($(element, 'button.save-customer')).not.toBeNull();
        $(element, 'button.cancel-customer').click();
        await flush();
        // Typed again and added.
        await typeCustomer(element, { accountName: 'Globex', lastName: 'Ode', email: 'ode@globex.example' });
        expect(reason(element)).toBe('');
        await addCustomer(element, {});
        expect(keys(element)).toHaveLength(3);

        // Changes to the row edited: Edit of another row keeps them, the focus goes to Save.
        editOf(element, al).click();
        await flush();
        await typeCustomer(element, { firstName: 'Alan' });
        editOf(element, bea).click();
        await flush();
        expect(formValue(element, 'firstName')).toBe('Alan');
        expect($(element, `.new-customer-row[data-key="${al}"] .customer-editing`)).not.toBeNull();
        expect(reason(element)).toBe('Save or cancel the customer in the form first.');
        expect(focused(element)).toBe($(element, 'button.save-customer'));
        expect(listed(element)[1]).toBe('Bea Ng <bea@initech.example>, Initech');

        // Cancel: the row as it was, the form blank, the focus on the row's Edit.
        $(element, 'button.cancel-customer').click();
        await flush();
        expect(listed(element)[0]).toBe('Al Ng <al@initech.example>, Initech');
        expect(formValue(element, 'firstName')).toBe('');
        expect($(element, '.customer-editing')).toBeNull();
        expect(focused(element)).toBe(editOf(element, al));
        expect(keys(element)).toHaveLength(3);
    });

    it('re-validates a Save as "Add customer" does: an invalid email leaves the row unchanged', async () => {
        const element = render();
        await flush();
        await addCustomer(element, customer('Al'));
        const [al] = keys(element);
        editOf(element, al).click();
        await flush();
        await typeCustomer(element, { email: 'al@initech' });
        const emailFocus = jest.spyOn($(element, 'lightning-input[data-field="email"]'), 'focus');
        expect($(element, 'button.save-customer').getAttribute('aria-disabled')).toBe('true');
        $(element, 'button.save-customer').click();
        await flush();
        expect(emailFocus).toHaveBeenCalled();
        expect(listed(element)).toEqual(['Al Ng <al@initech.example>, Initech']);
        expect(formValue(element, 'email')).toBe('al@initech');
    });

    it('keeps the choice on a match when the saved edit leaves the email and the account as they were', async () => {
        mocked(findExistingCustomers).mockResolvedValue({
            contacts: [],
            accounts: [{ id: '001GLX', name: 'Initech', ownerHasRole: true }],
        });
        const element = render();
        await flush();
        await addCustomer(element, customer('Al'));
        const [al] = keys(element);
        $(element, 'lightning-button.check').click();
        await flush();
        $(element, 'lightning-button.use-existing').click();
        await flush();
        const decision = (): string | undefined => $(element, '.customer-decision')?.textContent ?? undefined;
        expect(decision()).toBe('Will be created under the existing account Initech.');

        // The first name: the same records match, the choice stays.
        editOf(element, al).click();
        await flush();
        await typeCustomer(element, { firstName: 'Alan' });
        $(element, 'button.save-customer').click();
        await flush();
        expect(decision()).toBe('Will be created under the existing account Initech.');
        expect($(element, 'lightning-button.use-existing')).toBeNull();

        // The email: another contact may match, the admin chooses again.
        editOf(element, al).click();
        await flush();
        await typeCustomer(element, { email: 'alan@initech.example' });
        $(element, 'button.save-customer').click();
        await flush();
        expect(decision()).toBeUndefined();
        expect($(element, 'lightning-button.use-existing')).not.toBeNull();
    });
    // Admin walk: " jd@x.com " showed "Enter a valid email address." under the field (its own check
    // of the value with spaces) while the reason line was empty and "Add customer" took it; the
    // list then showed "Doe < jd@x.com >" and the plan "jd@x.com.ccsa".
    it('trims each field when it is left: the field, the reason line, "Add customer", the list and the plan agree', async () => {
        const element = render();
        await flush();
        const email = $<HTMLElement & { reportValidity(): boolean }>(element, 'lightning-input[data-field="email"]');
        const report = jest.spyOn(email, 'reportValidity');
        await typeCustomer(element, { accountName: '  Acme Test ', lastName: 'Doe', email: ' jd@x.com ' });
        for (const field of ['accountName', 'lastName', 'email']) {
            fire($(element, `lightning-input[data-field="${field}"]`), 'blur');
        }
        await flush();
        expect(formValue(element, 'accountName')).toBe('Acme Test');
        expect(formValue(element, 'email')).toBe('jd@x.com');
        // The input judges the value it now holds, not the one with spaces.
        expect(report).toHaveBeenCalled();
        expect(reason(element)).toBe('');
        await addCustomer(element, {});
        expect(listed(element)).toEqual(['Doe <jd@x.com>, Acme Test']);
        $(element, 'lightning-button.check').click();
        await flush();
        const plan = $<{ data: Array<Record<string, string>> }>(element, 'c-plan-table.plan-table').data;
        expect(plan.map((row) => row.Username)).toEqual(['jd@x.com.ccsa']);
        await expect(element).toBeAccessible();
    });
    // Admin walk: adding or editing a typed customer after a Check removed the whole plan (the plan,
    // the ready count and the Run bar were gone; only Check was left), without a word.
    it('keeps the plan when a typed customer is added, saved or removed after the Check; Run waits for the next Check', async () => {
        const element = render();
        await flush();
        await addCustomer(element, customer('Al'));
        await addCustomer(element, customer('Bea'));
        const [al, bea] = keys(element);
        $(element, 'lightning-button.check').click();
        await flush();
        const planNames = (): string[] =>
            $<{ data: Array<Record<string, string>> }>(element, 'c-plan-table.plan-table').data.map((row) => row.name);
        const run = (): { disabled: boolean } => $<{ disabled: boolean }>(element, 'lightning-button.run');
        const waiting = (): string | undefined =>
            $(element, '.unchecked-customers-run')?.textContent?.trim() ?? undefined;
        expect(planNames()).toEqual(['Al Ng', 'Bea Ng']);
        expect(run().disabled).toBe(false);
        expect(waiting()).toBeUndefined();

        // Added after the Check: the plan and its counts stay, the new row waits, and so does Run.
        await addCustomer(element, customer('Cy'));
        expect($(element, 'section.plan')).not.toBeNull();
        expect(planNames()).toEqual(['Al Ng', 'Bea Ng']);
        expect($(element, '.ready-count').textContent).toBe('2 of 2 rows are ready.');
        expect(waiting()).toBe(
            '1 new customer added or changed since the Check is not in the plan yet: Check again to plan it before you run.',
        );
        expect(run().disabled).toBe(true);
        await expect(element).toBeAccessible();

        // Saved with other values after the Check: it waits too (its old values are not planned).
        editOf(element, bea).click();
        await flush();
        await typeCustomer(element, { lastName: 'Nguyen' });
        $(element, 'button.save-customer').click();
        await flush();
        expect(planNames()).toEqual(['Al Ng']);
        expect(waiting()).toBe(
            '2 new customers added or changed since the Check are not in the plan yet: Check again to plan them before you run.',
        );
        expect(run().disabled).toBe(true);

        // The next Check plans them all.
        $(element, 'lightning-button.check').click();
        await flush();
        expect(planNames()).toEqual(['Al Ng', 'Bea Nguyen', 'Cy Ng']);
        expect(waiting()).toBeUndefined();
        expect(run().disabled).toBe(false);

        // Removed after the Check: it leaves the plan, as a removed contact does; nothing waits.
        $<HTMLButtonElement>(element, `button.remove-customer[data-key="${al}"]`).click();
        await flush();
        expect(planNames()).toEqual(['Bea Nguyen', 'Cy Ng']);
        expect($(element, '.ready-count').textContent).toBe('2 of 2 rows are ready.');
        expect(waiting()).toBeUndefined();
        expect(run().disabled).toBe(false);
    });
    // Admin walk: "nimbus freight co" was not matched to the existing "Nimbus Freight Co.", and after
    // "Use the existing one" the red "already exists" message stayed under the decision.
    // Review: a customer added while the Check's duplicate lookup ran was planned Ready without it
    // (the Check now also plans the customers its lookup saw, one snapshot); an edit not saved was
    // run with its old values; the form's buttons stayed live during a Check or a run.
    it('locks the typed customers while a Check reads them, and holds Run while an edit is not saved', async () => {
        const element = render();
        await flush();
        await addCustomer(element, customer('Al'));
        let answer: (value: unknown) => void = () => undefined;
        mocked(findExistingCustomers).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
        $(element, 'lightning-button.check').click();
        await flush();
        // The lookup runs: the form and the list are locked (a click is ignored as well).
        expect($<HTMLButtonElement>(element, 'button.add-customer').getAttribute('aria-disabled')).toBe('true');
        expect(editOf(element, keys(element)[0]).disabled).toBe(true);
        // Add (the form empty), Edit and Remove are ignored: nothing changes what the Check reads.
        $(element, 'button.add-customer').click();
        editOf(element, keys(element)[0]).click();
        $<HTMLButtonElement>(element, 'button.remove-customer').click();
        await flush();
        expect(listed(element)).toHaveLength(1);
        expect($(element, 'button.save-customer')).toBeNull();
        answer({ contacts: [], accounts: [] });
        for (let i = 0; i < 6; i++) {
            // eslint-disable-next-line no-await-in-loop
            await flush();
        }
        const planNames = (): string[] =>
            $<{ data: Array<Record<string, string>> }>(element, 'c-plan-table.plan-table').data.map((row) => row.name);
        expect(planNames()).toEqual(['Al Ng']);

        // An edit not saved: Run waits, and says why; Cancel gives Run back.
        const run = (): { disabled: boolean } => $<{ disabled: boolean }>(element, 'lightning-button.run');
        expect(run().disabled).toBe(false);
        editOf(element, keys(element)[0]).click();
        await flush();
        expect(run().disabled).toBe(false);
        await typeCustomer(element, { lastName: 'Ngo' });
        await flush();
        expect(run().disabled).toBe(true);
        expect($(element, '.customer-edit-run').textContent!.trim()).toBe(
            'A customer in the form has changes not saved: save or cancel them before you run.',
        );
        $(element, 'button.cancel-customer').click();
        await flush();
        expect(run().disabled).toBe(false);
        expect($(element, '.customer-edit-run')).toBeNull();
    });

    it('matches an account typed without case or its trailing period, and drops the problem once the admin chose', async () => {
        const org = [{ id: '001NMB', name: 'Nimbus Freight Co.', ownerHasRole: true }];
        // As `Name IN :names`: the names asked, without case.
        mocked(findExistingCustomers).mockImplementation(
            async ({ customers }: { customers: Array<{ accountName: string }> }) => {
                const asked = new Set(customers.map((typed) => typed.accountName.trim().toLowerCase()));
                return { contacts: [], accounts: org.filter((account) => asked.has(account.name.toLowerCase())) };
            },
        );
        const element = render();
        await flush();
        await addCustomer(element, { accountName: 'nimbus freight co', lastName: 'Doe', email: 'jd@nimbus.example' });
        $(element, 'lightning-button.check').click();
        await flush();
        expect(
            mocked(findExistingCustomers).mock.calls[0][0].customers.map(
                (typed: { accountName: string }) => typed.accountName,
            ),
        ).toEqual(['nimbus freight co', 'nimbus freight co.']);
        expect($(element, '.customer-duplicate').textContent).toContain(
            'An account named Nimbus Freight Co. already exists.',
        );
        $(element, 'lightning-button.use-existing').click();
        await flush();
        expect($(element, '.customer-decision').textContent).toBe(
            'Will be created under the existing account Nimbus Freight Co.',
        );
        expect($(element, '.customer-duplicate')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
