// Reads the package's Custom Labels from source, for Jest and the local preview.
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { XMLParser } = require('fast-xml-parser');

const ROOT = join(__dirname, '..', '..');

function labelFiles(dir, found = []) {
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) {
            labelFiles(full, found);
        } else if (entry.endsWith('.labels-meta.xml')) {
            found.push(full);
        }
    }
    return found;
}

/**
 * @returns {Map<string, string>} every Custom Label of force-app, by API name
 */
function readLabels(root = ROOT) {
    const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
    const labels = new Map();
    for (const file of labelFiles(join(root, 'force-app'))) {
        const xml = parser.parse(readFileSync(file, 'utf8'));
        for (const label of xml.CustomLabels?.labels ?? []) {
            labels.set(String(label.fullName), String(label.value));
        }
    }
    return labels;
}

module.exports = { readLabels };
