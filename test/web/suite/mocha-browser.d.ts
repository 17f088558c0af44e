// Mocha's browser build (test/web/run.mjs resolves this name to mocha/mocha.js through its plugin); it sets the global `mocha`.
declare module 'mocha-browser';
