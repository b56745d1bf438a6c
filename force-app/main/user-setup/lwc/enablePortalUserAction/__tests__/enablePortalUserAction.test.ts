import { createElement } from 'lwc';
import EnablePortalUserAction from 'c/enablePortalUserAction';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';
import getUserOfContact from '@salesforce/apex/UserDoctorController.getUserOfContact';
import getDoctorFacts from '@salesforce/apex/UserDoctorController.getDoctorFacts';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const NavigationMixin = Object.assign(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        <T extends new (...args: any[]) => object>(Base: T) =>
            class extends Base {
                [Navigate](pageReference: unknown): void {
                    mockNavigate(pageReference);
                }
            },
        { Navigate, GenerateUrl: Symbol('GenerateUrl') },
    );
    return { NavigationMixin, CurrentPageReference: jest.fn() };
});

jest.mock(
    'lightning/actions',
    () => ({
        CloseActionScreenEvent: class extends CustomEvent<null> {
            constructor() {
                super('close', { bubbles: true, composed: true });
            }
        },
    }),
    { virtual: true },
);
jest.mock(
    '@salesforce/apex/UserSetupController.getEnablementFacts',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);

jest.mock('@salesforce/apex/UserDoctorController.getUserOfContact', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock(
    '@salesforce/apex/UserDoctorController.getDoctorFacts',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);

const mocked = (method: unknown): jest.Mock => method as jest.Mock;

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('c-enable-portal-user-action', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    beforeEach(() => {
        mocked(getUserOfContact).mockResolvedValue(null);
    });

    it('runs the compact enable flow for the record, checked at once', async () => {
        const element = createElement('c-enable-portal-user-action', { is: EnablePortalUserAction });
        (element as unknown as { recordId: string }).recordId = '003000000000001AAA';
        document.body.appendChild(element);
        await flush();
        const flow = element.shadowRoot!.querySelector('c-enable-users') as unknown as {
            contactIds: string[];
            compact: boolean;
        };
        expect(flow.contactIds).toEqual(['003000000000001AAA']);
        expect(flow.compact).toBe(true);
        expect(getEnablementFacts).toHaveBeenCalledWith(
            expect.objectContaining({ contactIds: ['003000000000001AAA'] }),
        );
        expect(getUserOfContact).toHaveBeenCalledWith({ contactId: '003000000000001AAA' });
        expect(element.shadowRoot!.querySelector('c-user-doctor-panel')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('examines the user of a contact that has one, instead of the enable flow', async () => {
        mocked(getUserOfContact).mockResolvedValue('005000000000001AAA');
        const element = createElement('c-enable-portal-user-action', { is: EnablePortalUserAction });
        (element as unknown as { recordId: string }).recordId = '003000000000001AAA';
        document.body.appendChild(element);
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();
        await flush();
        const doctor = element.shadowRoot!.querySelector('c-user-doctor-panel') as unknown as { userId: string };
        expect(doctor.userId).toBe('005000000000001AAA');
        expect(getDoctorFacts).toHaveBeenCalledWith({ userId: '005000000000001AAA' });
        expect(element.shadowRoot!.querySelector('c-enable-users')).toBeNull();
        expect(getEnablementFacts).not.toHaveBeenCalled();
        expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('falls back to the enable flow when the lookup fails', async () => {
        mocked(getUserOfContact).mockRejectedValue({ body: { message: 'denied' } });
        const element = createElement('c-enable-portal-user-action', { is: EnablePortalUserAction });
        (element as unknown as { recordId: string }).recordId = '003000000000001AAA';
        document.body.appendChild(element);
        await flush();
        expect(element.shadowRoot!.querySelector('c-enable-users')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('c-user-doctor-panel')).toBeNull();
    });

    it("hands the doctor's user over to the assistant's License upgrades tab and closes", async () => {
        mocked(getUserOfContact).mockResolvedValue('005000000000001AAA');
        const element = createElement('c-enable-portal-user-action', { is: EnablePortalUserAction });
        (element as unknown as { recordId: string }).recordId = '003000000000001AAA';
        document.body.appendChild(element);
        await flush();
        const closed = jest.fn();
        element.addEventListener('close', closed);
        const doctor = element.shadowRoot!.querySelector('c-user-doctor-panel')!;
        doctor.dispatchEvent(new CustomEvent('upgrade', { detail: { userId: '005000000000001AAA' } }));
        expect(closed).toHaveBeenCalled();
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Setup_Assistant' },
            state: { c__tab: 'licenseUpgrades', c__userIds: '005000000000001AAA' },
        });
    });

    it('closes the action screen', async () => {
        const element = createElement('c-enable-portal-user-action', { is: EnablePortalUserAction });
        document.body.appendChild(element);
        await flush();
        expect(element.shadowRoot!.querySelector('c-enable-users')).toBeNull();
        const closed = jest.fn();
        element.addEventListener('close', closed);
        (element.shadowRoot!.querySelector('lightning-button.close') as HTMLElement).click();
        expect(closed).toHaveBeenCalled();
    });
});
