import { countedLabel, formatLabel, joinSentences, pluralLabel } from 'c/labelFormat';

describe('formatLabel', () => {
    it('fills placeholders by position, in any order and more than once', () => {
        expect(formatLabel('{1} before {0}, then {1}', 'a', 'b')).toBe('b before a, then b');
    });

    it('formats numbers and keeps text without placeholders unchanged', () => {
        expect(formatLabel('{0} seats left', 12)).toBe('12 seats left');
        expect(formatLabel('No placeholders')).toBe('No placeholders');
    });

    it('leaves a placeholder visible when its value is missing', () => {
        expect(formatLabel('Hello {0} and {1}', 'Ada', null)).toBe('Hello Ada and {1}');
        expect(formatLabel('Hello {0}')).toBe('Hello {0}');
    });

    it("reads '' as one apostrophe, as Apex String.format does, and leaves a lone ' and the values alone", () => {
        expect(formatLabel("Make it on the user''s page: {0}", "O'Brien")).toBe("Make it on the user's page: O'Brien");
        expect(formatLabel("The user's page")).toBe("The user's page");
        expect(formatLabel("{0}''", "it''s")).toBe("it''s'");
    });

    it("keeps one full stop when a value that ends a sentence is followed by the label's own", () => {
        expect(formatLabel('The contact belongs to the account {0}.', 'Acme Inc.')).toBe(
            'The contact belongs to the account Acme Inc.',
        );
        expect(formatLabel('It stopped: {0}. Resume it.', 'Insufficient access.')).toBe(
            'It stopped: Insufficient access. Resume it.',
        );
        expect(formatLabel('Waiting for {0}.', 'the site…')).toBe('Waiting for the site…');
    });

    it("keeps the label's full stop after a value without one, and a missing value as written", () => {
        expect(formatLabel('The contact belongs to the account {0}.', 'Acme')).toBe(
            'The contact belongs to the account Acme.',
        );
        expect(formatLabel('Version {0}.{1}', 'v1', 2)).toBe('Version v1.2');
        expect(formatLabel('Hello {0}.')).toBe('Hello {0}.');
    });
});

describe('pluralLabel', () => {
    const one = '{0} user selected';
    const many = '{0} users selected';

    it('uses the label for one when the count is exactly one', () => {
        expect(pluralLabel(1, one, many)).toBe('1 user selected');
        expect(pluralLabel(2300, one, many)).toBe('2,300 users selected');
        expect(pluralLabel(1, 'One seat is left for {1}', '{0} seats are left for {1}', 'Plus')).toBe(
            'One seat is left for Plus',
        );
    });

    it('uses the label for many for zero and for more than one', () => {
        expect(pluralLabel(0, one, many)).toBe('0 users selected');
        expect(pluralLabel(2, one, many)).toBe('2 users selected');
        expect(pluralLabel(2, one, many)).not.toContain('user selected');
    });
});

describe('countedLabel', () => {
    const labels = ['{0}: 1 seat left', '{0}: {1} seats left', 'No seat left on {0}'] as const;

    it('chooses the label for one when the count is one, as a number or as text', () => {
        expect(countedLabel(1, ...labels)).toBe(labels[0]);
        expect(countedLabel('1', ...labels)).toBe(labels[0]);
        expect(formatLabel(countedLabel(1, labels[0], labels[1]), 'Customer Community Plus', 1)).toBe(
            'Customer Community Plus: 1 seat left',
        );
    });

    it('chooses many for more than one, and none for zero only when there is one', () => {
        expect(formatLabel(countedLabel(3, ...labels), 'Plus', 3)).toBe('Plus: 3 seats left');
        expect(countedLabel(0, ...labels)).toBe(labels[2]);
        expect(countedLabel(0, labels[0], labels[1])).toBe(labels[1]);
        expect(countedLabel(undefined, labels[0], labels[1])).toBe(labels[1]);
    });
});

describe('joinSentences', () => {
    it('never doubles a full stop when a part already ends with one', () => {
        expect(joinSentences('The run failed.', 'Try again.')).toBe('The run failed. Try again.');
        expect(joinSentences('The run failed.', 'Try again.')).not.toContain('..');
    });

    it('ends a part without a full stop with one, and leaves out empty parts', () => {
        expect(joinSentences('The run failed', null, '  ', 'Try again')).toBe('The run failed. Try again.');
        expect(joinSentences('Done!', 'Why?')).toBe('Done! Why?');
    });
});
