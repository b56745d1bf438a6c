import { createElement } from 'lwc';
import EnablePortalUserAction from 'c/enablePortalUserAction';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';

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
        await expect(element).toBeAccessible();
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
