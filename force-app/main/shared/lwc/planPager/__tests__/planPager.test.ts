import { createElement } from 'lwc';
import PlanPager from 'c/planPager';

function render(props: { text: string; isFirst: boolean; isLast: boolean }): HTMLElement {
    const element = createElement('c-plan-pager', { is: PlanPager });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-plan-pager', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the page text and disables previous on the first page', async () => {
        const element = render({ text: 'Page 1 of 3', isFirst: true, isLast: false });
        await Promise.resolve();
        const root = element.shadowRoot as ShadowRoot;
        expect(root.querySelector('.page-text')?.textContent).toBe('Page 1 of 3');
        const previous = root.querySelector('.previous-page') as HTMLElement & { disabled: boolean };
        const next = root.querySelector('.next-page') as HTMLElement & { disabled: boolean };
        expect(previous.disabled).toBe(true);
        expect(next.disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('asks the parent for the previous and the next page', async () => {
        const element = render({ text: 'Page 2 of 3', isFirst: false, isLast: false });
        const onPrevious = jest.fn();
        const onNext = jest.fn();
        element.addEventListener('previous', onPrevious);
        element.addEventListener('next', onNext);
        await Promise.resolve();
        const root = element.shadowRoot as ShadowRoot;
        (root.querySelector('.previous-page') as HTMLElement).click();
        (root.querySelector('.next-page') as HTMLElement).click();
        expect(onPrevious).toHaveBeenCalledTimes(1);
        expect(onNext).toHaveBeenCalledTimes(1);
    });

    it('gives the focus to Previous when Next reaches the last page (Next is then disabled), and the other way round', async () => {
        const element = render({ text: 'Page 2 of 3', isFirst: false, isLast: false });
        await Promise.resolve();
        const root = element.shadowRoot as ShadowRoot;
        const previous = root.querySelector('.previous-page') as HTMLElement;
        const next = root.querySelector('.next-page') as HTMLElement;
        const focusPrevious = jest.spyOn(previous, 'focus');
        const focusNext = jest.spyOn(next, 'focus');
        // The parent answers Next with the last page.
        element.addEventListener('next', () => Object.assign(element, { text: 'Page 3 of 3', isLast: true }));
        element.addEventListener('previous', () =>
            Object.assign(element, { text: 'Page 1 of 3', isFirst: true, isLast: false }),
        );
        next.click();
        await Promise.resolve();
        expect(focusPrevious).toHaveBeenCalledTimes(1);
        previous.click();
        await Promise.resolve();
        await Promise.resolve();
        expect(focusNext).toHaveBeenCalledTimes(1);
    });
});
