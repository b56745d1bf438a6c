// Brings in @sa11y/jest's `toBeAccessible()` matcher types for test files.
import '@sa11y/jest';
