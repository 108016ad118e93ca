// The "Print or save as PDF" button of the printable digest and the portfolio (inline handlers
// are not allowed by the CSP). Served as /digest/print.js and /me/portfolio.js.
export {}; // a module, so its names stay its own
document.getElementById('print')?.addEventListener('click', () => window.print());
