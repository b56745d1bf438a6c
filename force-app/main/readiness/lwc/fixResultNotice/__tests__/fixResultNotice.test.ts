import { createElement } from 'lwc';
import FixResultNotice from 'c/fixResultNotice';

function render(result: unknown): HTMLElement {
    const element = createElement('c-fix-result-notice', { is: FixResultNotice });
    (element as unknown as { result: unknown }).result = result;
    document.body.appendChild(element);
    return element;
}

describe('c-fix-result-notice', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows nothing without a result', () => {
        const element = render(undefined);
        expect(element.shadowRoot!.querySelector('[role]')).toBeNull();
    });

    it('says what the fix did', async () => {
        const element = render({ ok: true, message: 'Contracts Portal is now active.' });
        await Promise.resolve();
        expect(element.shadowRoot!.querySelector('.fix-done')?.textContent?.trim()).toBe(
            'Contracts Portal is now active.',
        );
        expect(element.shadowRoot!.querySelector('.fix-refused')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a refusal with the Setup page to do it by hand', async () => {
        const element = render({
            ok: false,
            message: 'Insufficient access.',
            setupUrl: '/lightning/setup/SetupNetworks/home',
        });
        await Promise.resolve();
        const refusal = element.shadowRoot!.querySelector('.fix-refused')!;
        expect(refusal.querySelector('.refusal-message')?.textContent).toBe('Insufficient access.');
        expect(refusal.querySelector('a')?.getAttribute('href')).toBe('/lightning/setup/SetupNetworks/home');
        expect(refusal.querySelector('a')?.getAttribute('aria-label')).toBe('Open in Setup: All Sites');
        await expect(element).toBeAccessible();
    });
});
