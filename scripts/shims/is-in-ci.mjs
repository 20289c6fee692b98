// Bundled in place of the `is-in-ci` package that Ink consults. Ink draws no
// frame until exit when CI is set, which leaves an operator on a real terminal
// staring at a blank screen (CI runners and some dev containers set CI=true).
// A terminal is interactive whatever the environment says; piped output keeps
// Ink's CI behaviour (the final frame only).
const flagged = (key) => key in process.env && process.env[key] !== '0' && process.env[key] !== 'false';

export default (flagged('CI') || flagged('CONTINUOUS_INTEGRATION')) && process.stdout.isTTY !== true;
