import { createElement } from 'lwc';
import RunBar from 'c/runBar';
import RUN_LOCKED from '@salesforce/label/c.CCSA_Run_Locked';

type Props = Partial<{
    lockedText: string;
    runLabel: string;
    runDisabled: boolean;
    canFit: boolean;
    fitLabel: string;
    locked: boolean;
    jobNotice: string;
    spaced: boolean;
}>;

type Button = HTMLElement & { label: string; disabled: boolean; variant: string };

function render(props: Props): HTMLElement {
    const element = createElement('c-run-bar', { is: RunBar });
    Object.assign(element, { runLabel: 'Enable users', ...props });
    document.body.appendChild(element);
    return element;
}

const $ = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null =>
    element.shadowRoot!.querySelector<T>(selector);

describe('c-run-bar', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows Run alone, enabled, with the panel label', async () => {
        const element = render({});
        await Promise.resolve();
        const run = $<Button>(element, 'lightning-button.run') as Button;
        expect(run.label).toBe('Enable users');
        expect(run.variant).toBe('brand');
        expect(run.disabled).toBe(false);
        expect(run.className).toBe('run');
        expect($(element, '.run-fit')).toBeNull();
        expect($(element, '.run-locked')).toBeNull();
        expect($(element, '.job-notice')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('disables Run when the panel says so', async () => {
        const element = render({ runDisabled: true });
        await Promise.resolve();
        expect(($<Button>(element, 'lightning-button.run') as Button).disabled).toBe(true);
    });

    it('offers the rows that fit with the panel label', async () => {
        const element = render({ canFit: true, fitLabel: 'Enable the 3 that fit' });
        await Promise.resolve();
        const fit = $<Button>(element, 'lightning-button.run-fit') as Button;
        expect(fit.label).toBe('Enable the 3 that fit');
        expect(fit.className).toBe('run-fit slds-m-left_small');
        await expect(element).toBeAccessible();
    });

    it('keeps a top margin on both buttons when spaced', async () => {
        const element = render({ canFit: true, fitLabel: 'Enable the 3 that fit', spaced: true });
        await Promise.resolve();
        expect(($(element, 'lightning-button.run') as HTMLElement).className).toBe('run slds-m-top_small');
        expect(($(element, 'lightning-button.run-fit') as HTMLElement).className).toBe(
            'run-fit slds-m-top_small slds-m-left_small',
        );
    });

    it('says why Run stays disabled after a run, and what the job does', async () => {
        const element = render({ runDisabled: true, locked: true, jobNotice: 'Job JOB-0001 started: 250 rows.' });
        await Promise.resolve();
        expect($(element, '.run-locked')?.textContent).toBe(RUN_LOCKED);
        const notice = $(element, '.job-notice') as HTMLElement;
        expect(notice.textContent).toBe('Job JOB-0001 started: 250 rows.');
        expect(notice.getAttribute('role')).toBe('status');
        await expect(element).toBeAccessible();
    });

    it("says it in the panel's own words when the panel gives them (admin re-walk: Check or Validate)", async () => {
        const element = render({ runDisabled: true, locked: true, lockedText: 'Check again before another run.' });
        await Promise.resolve();
        expect($(element, '.run-locked')?.textContent).toBe('Check again before another run.');
    });

    it('keeps a slot for the panel lines between the buttons and the locked line', async () => {
        const element = render({ canFit: true, fitLabel: 'Enable the 3 that fit', locked: true, jobNotice: 'Job' });
        await Promise.resolve();
        const order = [...element.shadowRoot!.children].map((child) => child.className || child.tagName.toLowerCase());
        expect(order).toEqual([
            'run',
            'run-fit slds-m-left_small',
            'slot',
            expect.stringMatching(/run-locked/),
            expect.stringMatching(/job-notice/),
        ]);
    });

    it('asks the panel to run all the ready rows, or those that fit', async () => {
        const element = render({ canFit: true, fitLabel: 'Change the 1 that fit' });
        const onRun = jest.fn();
        const onRunFit = jest.fn();
        element.addEventListener('run', onRun);
        element.addEventListener('runfit', onRunFit);
        await Promise.resolve();
        ($(element, 'lightning-button.run') as HTMLElement).click();
        expect(onRun).toHaveBeenCalledTimes(1);
        expect(onRunFit).not.toHaveBeenCalled();
        ($(element, 'lightning-button.run-fit') as HTMLElement).click();
        expect(onRunFit).toHaveBeenCalledTimes(1);
        expect(onRun).toHaveBeenCalledTimes(1);
    });
});
