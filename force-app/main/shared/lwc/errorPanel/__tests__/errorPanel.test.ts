import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';
import ERROR_TITLE from '@salesforce/label/c.CCSA_Error_Title';
import SHOW_DETAILS from '@salesforce/label/c.CCSA_Error_Show_Details';
import HIDE_DETAILS from '@salesforce/label/c.CCSA_Error_Hide_Details';

type ErrorPanelElement = HTMLElement & { errors: unknown; friendlyMessage?: string };

function render(props: Partial<ErrorPanelElement>): ErrorPanelElement {
    const element = createElement('c-error-panel', { is: ErrorPanel }) as unknown as ErrorPanelElement;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

const flush = (): Promise<void> => Promise.resolve();

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('renders nothing when there is no error', async () => {
        const element = render({ errors: undefined });
        await flush();
        expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
    });

    it('shows one message directly, under the default title', async () => {
        const element = render({ errors: { body: { message: 'Access denied' } } });
        await flush();
        const alert = element.shadowRoot?.querySelector('[role="alert"]');
        expect(alert?.querySelector('h2')?.textContent).toBe(ERROR_TITLE);
        expect(alert?.querySelector('.message')?.textContent).toBe('Access denied');
        expect(alert?.querySelector('.toggle')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lists several messages behind a toggle, under the friendly message', async () => {
        const element = render({
            friendlyMessage: 'The users could not be enabled.',
            errors: [new Error('First'), { body: [{ message: 'Second' }] }],
        });
        await flush();
        const root = element.shadowRoot!;
        expect(root.querySelector('h2')?.textContent).toBe('The users could not be enabled.');
        const toggle = root.querySelector('button.toggle') as HTMLButtonElement;
        expect(toggle.textContent?.trim()).toBe(SHOW_DETAILS);
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(root.querySelector('.details')).toBeNull();

        toggle.click();
        await flush();
        const items = Array.from(root.querySelectorAll('.details li')).map((li) => li.textContent);
        expect(items).toEqual(['First', 'Second']);
        expect(toggle.textContent?.trim()).toBe(HIDE_DETAILS);
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        await expect(element).toBeAccessible();
    });
});
