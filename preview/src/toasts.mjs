// Shows `lightning__showtoast` events the way Lightning Experience does: SLDS toasts at the top
// of the page, dismissible, gone after a few seconds unless sticky.

import { iconHref } from './icons';

const ICONS = { info: 'info', success: 'success', warning: 'warning', error: 'error' };
const DISMISS_AFTER_MS = { info: 3000, success: 3000, warning: 10000, error: 10000 };

/** `{0}`-style placeholders filled from messageData, as the platform does. */
function fill(message, messageData) {
    return String(message ?? '').replace(/\{(\d+)\}/g, (match, index) => {
        const value = messageData?.[Number(index)];
        if (value === undefined || value === null) {
            return match;
        }
        return typeof value === 'object' ? (value.label ?? value.url ?? '') : String(value);
    });
}

function iconSvg(name) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'slds-icon slds-icon_small');
    svg.setAttribute('aria-hidden', 'true');
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    use.setAttribute('href', iconHref('utility', name));
    svg.appendChild(use);
    return svg;
}

export function showToast(container, { title, message, messageData, variant = 'info', mode = 'dismissible' }) {
    const kind = ICONS[variant] ? variant : 'info';
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${kind}`;
    toast.setAttribute('role', 'status');

    const figure = document.createElement('span');
    figure.className = `slds-icon_container slds-icon-utility-${kind} slds-m-right_small slds-no-flex slds-align-top`;
    figure.appendChild(iconSvg(ICONS[kind]));
    toast.appendChild(figure);

    const content = document.createElement('div');
    content.className = 'slds-notify__content';
    if (title) {
        const heading = document.createElement('h2');
        heading.className = 'slds-text-heading_small';
        heading.textContent = fill(title, messageData);
        content.appendChild(heading);
    }
    const body = document.createElement('p');
    body.textContent = fill(message, messageData);
    content.appendChild(body);
    toast.appendChild(content);

    const close = document.createElement('button');
    close.className = 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close';
    close.title = 'Close';
    close.appendChild(iconSvg('close'));
    const assistive = document.createElement('span');
    assistive.className = 'slds-assistive-text';
    assistive.textContent = 'Close';
    close.appendChild(assistive);
    close.addEventListener('click', () => toast.remove());
    toast.appendChild(close);

    container.appendChild(toast);
    if (mode !== 'sticky') {
        setTimeout(() => toast.remove(), DISMISS_AFTER_MS[kind]);
    }
    return toast;
}

/** Listens for toasts from any component on the page. */
export function installToastContainer(root) {
    const container = document.createElement('div');
    container.className = 'slds-notify_container slds-is-fixed';
    root.appendChild(container);
    root.addEventListener('lightning__showtoast', (event) => {
        showToast(container, event.detail ?? {});
    });
    return container;
}
