import { createElement } from 'lwc';
import UpgradeVerdict from 'c/upgradeVerdict';
import type { VerdictRow } from 'c/upgradeVerdict';

function row(overrides: Partial<VerdictRow> = {}): VerdictRow {
    return {
        userId: '005A',
        name: 'Casey Customer',
        userUrl: '/lightning/r/User/005A/view',
        licenseName: 'Customer Community',
        pathLabel: 'Profile change',
        canChange: true,
        requiresAcknowledgement: true,
        acknowledged: false,
        blockers: [],
        warnings: [{ key: 'w0', text: 'Customer Community Plus requires a role.' }],
        actions: [{ key: 'a0', text: 'Change the profile.' }],
        notes: [{ key: 'n0', text: 'Joins All Customer Portal Users.' }],
        steps: [],
        ...overrides,
    };
}

function render(value: VerdictRow): HTMLElement {
    const element = createElement('c-upgrade-verdict', { is: UpgradeVerdict });
    (element as unknown as { row: VerdictRow }).row = value;
    document.body.appendChild(element);
    return element;
}

describe('c-upgrade-verdict', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows what the assistant will do and asks for the acknowledgement', async () => {
        const element = render(row());
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('.path')?.textContent).toBe('Profile change');
        expect(root.querySelector('.warnings li')?.textContent).toContain('requires a role');
        expect(root.querySelector('.actions li')?.textContent).toBe('Change the profile.');
        expect(root.querySelector('.notes li')).not.toBeNull();
        expect(root.querySelector('.blockers')).toBeNull();
        const handler = jest.fn();
        element.addEventListener('acknowledge', handler);
        root.querySelector('lightning-input.acknowledge')!.dispatchEvent(
            new CustomEvent('change', { detail: { checked: true } }),
        );
        expect(handler.mock.calls[0][0].detail).toEqual({ userId: '005A', checked: true });
        // It names whose change it is (admin walk: 50 identical checkboxes).
        expect((root.querySelector('lightning-input.acknowledge') as unknown as { label: string }).label).toBe(
            'I understand that this change for Casey Customer cannot be undone.',
        );
        await expect(element).toBeAccessible();
    });

    it('shows blockers, the partner offer and linked manual steps, and disables the acknowledgement', async () => {
        const element = render(
            row({
                canChange: false,
                pathLabel: 'Disable and re-enable as customer',
                blockers: [{ key: 'b0', text: 'Account Acme is not a partner account.' }],
                partnerAccountId: '001A',
                steps: [
                    { key: 's0', text: 'Open the contact of Casey.', url: '/lightning/r/Contact/003A/view' },
                    { key: 's1', text: 'Disable the customer user.' },
                ],
            }),
        );
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('.blockers li')?.textContent).toContain('not a partner account');
        expect(root.querySelector('.steps a')?.getAttribute('href')).toBe('/lightning/r/Contact/003A/view');
        expect(root.querySelectorAll('.steps li')).toHaveLength(2);
        expect((root.querySelector('lightning-input.acknowledge') as unknown as { disabled: boolean }).disabled).toBe(
            true,
        );
        const handler = jest.fn();
        element.addEventListener('enablepartner', handler);
        (root.querySelector('lightning-button.enable-partner') as HTMLElement).click();
        expect(handler.mock.calls[0][0].detail).toEqual({ accountId: '001A' });
        await expect(element).toBeAccessible();
    });

    it('offers the roles the admin may choose, and tells the panel which one', async () => {
        const element = render(
            row({
                roleOptions: [
                    { label: 'Lowest role of the account (Salesforce default)', value: '' },
                    { label: 'Customer Acme Executive', value: '00E1' },
                ],
                chosenRoleId: '',
            }),
        );
        await Promise.resolve();
        const root = element.shadowRoot!;
        const picker = root.querySelector('lightning-combobox.role-choice') as unknown as {
            options: { value: string }[];
            value: string;
        } & HTMLElement;
        expect(picker.options.map((option) => option.value)).toEqual(['', '00E1']);
        expect(picker.value).toBe('');
        const handler = jest.fn();
        element.addEventListener('rolechange', handler);
        picker.dispatchEvent(new CustomEvent('change', { detail: { value: '00E1' } }));
        expect(handler.mock.calls[0][0].detail).toEqual({ userId: '005A', roleId: '00E1' });
        await expect(element).toBeAccessible();
    });

    it('offers no role picker where the seed leaves the role to Salesforce or the user keeps one', async () => {
        const element = render(row({ roleOptions: [] }));
        await Promise.resolve();
        expect(element.shadowRoot!.querySelector('lightning-combobox.role-choice')).toBeNull();
    });
});
