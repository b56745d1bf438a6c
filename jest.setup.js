// Every Jest run: real Custom Label text (so tests read what admins read), and the sa11y
// accessibility matcher (`await expect(element).toBeAccessible()`).
const { registerSa11yMatcher } = require('@sa11y/jest');
const { readLabels } = require('./scripts/lib/labels');

for (const [name, value] of readLabels()) {
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: value }), { virtual: true });
}

registerSa11yMatcher();
