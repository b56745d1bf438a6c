import {
    focusIfLost,
    jobStartedEvent,
    revealStart,
    runCompletedEvent,
    startedRun,
    stoppedRun,
    unloadGuard,
} from 'c/runState';

describe('c/runState', () => {
    it('starts a run: busy, progress shown from 0, no step, no errors', () => {
        expect(startedRun()).toEqual({
            busy: true,
            running: true,
            progress: 0,
            step: '',
            stepDone: 0,
            stepTotal: 0,
            runErrors: undefined,
        });
    });

    it('resets the fields of a panel a run left behind, and leaves the others', () => {
        const panel = {
            busy: false,
            running: false,
            progress: 100,
            step: 'Creating users',
            stepDone: 120,
            stepTotal: 120,
            runErrors: ['DUPLICATE_USERNAME'] as string[] | undefined,
            ranSinceCheck: true,
        };
        Object.assign(panel, startedRun());
        expect(panel).toEqual({ ...startedRun(), ranSinceCheck: true });
    });

    it('stops a run: not busy, no progress bar', () => {
        const panel = { ...startedRun(), progress: 40, stepDone: 2, stepTotal: 5 };
        Object.assign(panel, stoppedRun());
        expect(panel).toMatchObject({ busy: false, running: false, progress: 40, stepDone: 2, stepTotal: 5 });
    });

    it('gives a new object each time, so that a panel cannot share it', () => {
        expect(startedRun()).not.toBe(startedRun());
        expect(stoppedRun()).not.toBe(stoppedRun());
    });

    it('builds runcompleted for the shell: bubbles, composed, what ran and the users', () => {
        const event = runCompletedEvent('licenseChange', ['005000000000001AAA']);
        expect(event.type).toBe('runcompleted');
        expect(event.bubbles).toBe(true);
        expect(event.composed).toBe(true);
        expect(event.detail).toEqual({ kind: 'licenseChange', userIds: ['005000000000001AAA'] });
    });

    it('builds jobstarted for the jobs panel: bubbles, composed, the kind and the job', () => {
        const event = jobStartedEvent('ENABLE_USERS', 'a01000000000001AAA');
        expect(event.type).toBe('jobstarted');
        expect(event.bubbles).toBe(true);
        expect(event.composed).toBe(true);
        expect(event.detail).toEqual({ kind: 'ENABLE_USERS', jobId: 'a01000000000001AAA' });
    });

    describe('unloadGuard', () => {
        it('asks the browser to confirm leaving only while held (admin re-walk: a reload mid-run)', () => {
            const guard = unloadGuard();
            const leave = (): Event => {
                const event = new CustomEvent('beforeunload', { cancelable: true });
                window.dispatchEvent(event);
                return event;
            };
            expect(leave().defaultPrevented).toBe(false);
            guard.hold();
            guard.hold();
            expect(leave().defaultPrevented).toBe(true);
            guard.release();
            expect(leave().defaultPrevented).toBe(false);
            guard.release();
        });
    });

    describe('focusIfLost', () => {
        afterEach(() => {
            while (document.body.firstChild) {
                document.body.removeChild(document.body.firstChild);
            }
        });

        function panel(): HTMLElement {
            const root = document.createElement('div');
            const heading = document.createElement('h2');
            heading.className = 'plan-heading';
            heading.tabIndex = -1;
            const retry = document.createElement('button');
            retry.className = 'retry';
            const other = document.createElement('input');
            other.className = 'other';
            root.append(heading, retry, other);
            document.body.appendChild(root);
            return root;
        }

        it('lands the focus on the first target found when it was lost to the body', () => {
            const root = panel();
            expect(document.activeElement).toBe(document.body);
            expect(focusIfLost(root, ['a.export', 'button.retry', 'h2.plan-heading'])).toBe(true);
            expect(document.activeElement).toBe(root.querySelector('button.retry'));
        });

        it('leaves the focus where the admin put it', () => {
            const root = panel();
            const other = root.querySelector('input.other') as HTMLElement;
            other.focus();
            expect(focusIfLost(root, ['h2.plan-heading'])).toBe(false);
            expect(document.activeElement).toBe(other);
        });

        it('counts a focused button that its action disabled as lost, also inside a shadow root', () => {
            const root = panel();
            const host = document.createElement('div');
            const shadow = host.attachShadow({ mode: 'open' });
            const run = document.createElement('button');
            run.className = 'run';
            shadow.appendChild(run);
            root.appendChild(host);
            run.focus();
            // The browser moves it to the body only at its next rendering update, after the panel rendered.
            run.disabled = true;
            expect(document.activeElement).toBe(host);
            expect(focusIfLost(root, ['h2.plan-heading'])).toBe(true);
            expect(document.activeElement).toBe(root.querySelector('h2.plan-heading'));
            // An enabled button inside a shadow root keeps the focus.
            run.disabled = false;
            run.focus();
            expect(focusIfLost(root, ['h2.plan-heading'])).toBe(false);
            run.blur();
        });

        it('counts a focused button in a panel now hidden as lost, through shadow roots (admin walk: a hand-over)', () => {
            const root = panel();
            const tab = document.createElement('div');
            const host = document.createElement('div');
            const shadow = host.attachShadow({ mode: 'open' });
            const upgrade = document.createElement('button');
            shadow.appendChild(upgrade);
            tab.appendChild(host);
            document.body.appendChild(tab);
            upgrade.focus();
            expect(focusIfLost(root, ['h2.plan-heading'])).toBe(false);
            tab.className = 'slds-hide';
            expect(focusIfLost(root, ['h2.plan-heading'])).toBe(true);
            expect(document.activeElement).toBe(root.querySelector('h2.plan-heading'));
        });

        it('does nothing when no target is rendered', () => {
            const root = panel();
            expect(focusIfLost(root, ['a.export'])).toBe(false);
            expect(focusIfLost(null, ['h2.plan-heading'])).toBe(false);
            expect(document.activeElement).toBe(document.body);
        });
    });

    describe('revealStart', () => {
        afterEach(() => {
            document.body.replaceChildren();
        });

        /** A list whose top is `top` px from the window's top, with a scroll margin. */
        function list(top: number, margin = ''): { element: HTMLElement; scrolled: jest.Mock } {
            const element = document.createElement('div');
            if (margin) element.style.scrollMarginTop = margin;
            document.body.appendChild(element);
            element.getBoundingClientRect = () => ({ top }) as DOMRect;
            const scrolled = jest.fn();
            element.scrollIntoView = scrolled;
            return { element, scrolled };
        }

        it('brings the start into view, from its top, when it is above the window', () => {
            const { element, scrolled } = list(-2400);
            expect(revealStart(element)).toBe(true);
            expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
        });

        it('leaves the window where it is when the start is in view', () => {
            const { element, scrolled } = list(120);
            expect(revealStart(element)).toBe(false);
            expect(scrolled).not.toHaveBeenCalled();
        });

        it('counts a start under the fixed header (its scroll margin) as hidden', () => {
            const { element, scrolled } = list(40, '90px');
            expect(revealStart(element)).toBe(true);
            expect(scrolled).toHaveBeenCalledTimes(1);
            expect(revealStart(list(100, '90px').element)).toBe(false);
        });

        it('does nothing without an element or where scrolling is not offered', () => {
            expect(revealStart(null)).toBe(false);
            expect(revealStart(undefined)).toBe(false);
            const element = document.createElement('div');
            Object.defineProperty(element, 'scrollIntoView', { value: undefined });
            expect(revealStart(element)).toBe(false);
        });
    });
});
