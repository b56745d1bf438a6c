import { formatLabel } from 'c/labelFormat';

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
});
