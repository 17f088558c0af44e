// Mocha's browser build, set up before the test files are evaluated (each bundle imports this first). The
// build is loaded through test/web/run.mjs's plugin (module "mocha-browser"), which hides `module`,
// `exports` and `define` from its UMD wrapper: else it writes over the bundle's own exports.
import 'mocha-browser';

mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 } as Mocha.MochaOptions);
