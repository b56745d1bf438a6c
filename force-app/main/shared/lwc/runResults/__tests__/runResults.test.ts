import { createElement } from 'lwc';
import RunResults from 'c/runResults';

function render(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-run-results', { is: RunResults });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-run-results', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the progress while running, and nothing else without rows', async () => {
        const element = render({ running: true, progress: 40, progressLabel: 'Enabling users' });
        await Promise.resolve();
        const bar = element.shadowRoot!.querySelector('lightning-progress-bar') as unknown as { value: number };
        expect(bar.value).toBe(40);
        expect(element.shadowRoot!.querySelector('.results')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the results, the failures and no progress once done', async () => {
        const element = render({
            resultsLabel: 'Results',
            rows: [{ key: 'a', status: 'Failed' }],
            columns: [{ label: 'Status', fieldName: 'status' }],
            errors: ['Nickname taken'],
            errorTitle: 'Some rows failed',
        });
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('lightning-progress-bar')).toBeNull();
        expect(root.querySelector('h2')?.textContent).toBe('Results');
        expect((root.querySelector('lightning-datatable') as unknown as { data: unknown[] }).data).toHaveLength(1);
        expect((root.querySelector('c-error-panel') as unknown as { friendlyMessage: string }).friendlyMessage).toBe(
            'Some rows failed',
        );
        await expect(element).toBeAccessible();
    });
});
