// The stylesheet of the digest pages (read-out and printable), served from /digest/styles.css
// (the CSP allows styles from this server only). The read-out is made to be screen-shared at a
// meeting: very large type, near-black on white (well above WCAG AAA contrast), nothing faint,
// and sizes that follow the window so it fills a shared screen. Sizes are in rem or clamp() so
// zooming reflows; colours are the same family as the "My recognition" pages.
export const DIGEST_STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font:1rem/1.5 "Segoe UI",system-ui,-apple-system,sans-serif;color:#111;background:#fff}
h1,h2,h3{line-height:1.2;color:#0b4f4a;margin:0}
a{color:#0b4f4a}
:focus-visible{outline:4px solid #1f5fa8;outline-offset:3px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:3}
.skip:focus{left:1rem}
.digest-head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem;background:#0b4f4a;color:#fff;padding:.75rem clamp(1rem,3vw,2.5rem)}
.digest-head h1{color:#fff;font-size:clamp(1.25rem,2vw,1.75rem)}
.eyebrow{margin:0;font-weight:700;text-transform:uppercase;letter-spacing:.08em;font-size:.85rem}
.digest-head .eyebrow{color:#d9f0ed}
.digest-links{display:flex;flex-wrap:wrap;gap:.5rem}
.digest-links a{color:#fff;font-weight:600}
.button,button{display:inline-block;font:inherit;font-weight:700;padding:.6rem 1.1rem;border-radius:.4rem;border:2px solid #0b4f4a;background:#0b4f4a;color:#fff;text-decoration:none;cursor:pointer}
.button.secondary,button.secondary{background:#fff;color:#0b4f4a}
button:disabled{opacity:.45;cursor:default}
table{border-collapse:collapse;margin:.5rem 0;min-width:18rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border-bottom:1px solid #c9d3d2;padding:.35rem .9rem .35rem 0;text-align:left;vertical-align:top}
.num{text-align:right}
details{margin:.5rem 0}
summary{cursor:pointer;color:#0b4f4a;font-weight:700}
.chart{width:100%;height:auto;display:block;margin:.5rem 0}
.badges{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.75rem 0 0}
.badges li{border:2px solid #0b4f4a;color:#0b4f4a;border-radius:2rem;padding:.1rem .9rem;font-weight:600}
.figures{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0}
.figures li{flex:1 1 11rem;border:2px solid #0b4f4a;border-radius:.5rem;padding:.75rem 1rem}
.figure{display:block;font-size:clamp(2rem,4vw,3.25rem);font-weight:800;line-height:1.05;color:#0b4f4a}
.figure-label{display:block;font-weight:600}
.change{display:block;color:#333}
.award{border-left:8px solid #b34700;padding:.25rem 0 .25rem 1rem;margin:1rem 0}
.award p{margin:.25rem 0}
.award .winners{font-size:clamp(1.3rem,2.4vw,2rem);font-weight:800}
blockquote{margin:.25rem 0;padding:0;font-style:italic}
.empty{font-size:1.25rem}
.notice{max-width:42rem;margin:2rem auto;padding:0 1.25rem}
.notice h1{margin:1.5rem 0 1rem;font-size:1.75rem}
.notice p{font-size:1.1rem}

/* The read-out: one slide at a time once its script runs; without it, every slide in turn. */
.readout-page{min-height:100vh;display:flex;flex-direction:column}
.stage{flex:1;width:100%;max-width:90rem;margin:0 auto;padding:clamp(1rem,3vw,2.5rem) clamp(1rem,4vw,3.5rem) 7rem}
.slide{padding:0 0 2.5rem}
.slide[hidden]{display:none}
.slide:focus{outline:none}
.summary-slide h2{font-size:clamp(1.6rem,3vw,2.5rem);margin:0 0 1rem}
.summary-slide h3,.charts-slide h3{font-size:clamp(1.3rem,2.2vw,1.9rem);margin:1.25rem 0 .5rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:1rem 3rem;align-items:start}
.hint{font-size:1.1rem;margin:1.5rem 0 0}
kbd{font:inherit;font-weight:700;border:2px solid #111;border-radius:.3rem;padding:0 .35rem}
.slide-number{margin:0 0 .5rem;font-weight:700;font-size:1.1rem;color:#333}
.js-readout .slide-number{display:none}
.slip-slide .recipient{font-size:clamp(2.25rem,5.5vw,5rem);font-weight:800;color:#0b4f4a;margin:0}
.slip-slide .recipient-title{display:block;font-size:clamp(1.25rem,2.4vw,2.25rem);font-weight:600;color:#222;margin:.35rem 0 0}
.slip-slide .message{font-size:clamp(1.6rem,3.4vw,3.25rem);line-height:1.35;font-weight:500;margin:clamp(1rem,3vw,2.5rem) 0;padding-left:clamp(.75rem,1.5vw,1.5rem);border-left:clamp(6px,.7vw,12px) solid #0b4f4a;white-space:pre-wrap;overflow-wrap:anywhere;font-style:normal}
.slip-slide .from{font-size:clamp(1.2rem,2.2vw,2rem);margin:0}
.slip-slide .quote{font-size:clamp(1rem,1.6vw,1.4rem);color:#333;margin:.5rem 0 0}
.slip-slide .badges li{font-size:clamp(1rem,1.6vw,1.4rem)}
.controls{position:fixed;left:0;right:0;bottom:0;display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:.75rem clamp(1rem,4vw,3.5rem);background:#fff;border-top:3px solid #0b4f4a;z-index:2}
.controls[hidden]{display:none}
.controls button{font-size:clamp(1rem,1.6vw,1.35rem);min-width:9rem}
.counter{margin:0;font-size:clamp(1.2rem,2.2vw,1.9rem);font-weight:800;color:#111;text-align:center}

/* The printable digest. */
.print-page main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.print-page section{margin:0 0 1.5rem}
.print-page h2{font-size:1.4rem;margin:1.25rem 0 .6rem}
.print-page h3{font-size:1.1rem;margin:1rem 0 .4rem}
.print-page .chart{max-width:42rem}
.print-page .actions{margin:1rem 0}
.recipient-group h2{margin-bottom:0}
.count{font-weight:400;color:#333}
.recipient-group .recipient-title{margin:.1rem 0 .5rem;font-weight:600;color:#222}
.print-slips{list-style:none;margin:0;padding:0}
.print-slip{border-top:1px solid #c9d3d2;padding:.75rem 0}
.print-slip p{margin:0 0 .25rem}
.print-slip .message{font-size:1.1rem;white-space:pre-wrap;overflow-wrap:anywhere}
.print-slip .badges li{font-size:.9rem;padding:0 .6rem;border-width:1px}
.fairness-note{color:#333}
.reach-figure{font-size:1.15rem;font-weight:600;margin:.5rem 0}
.charts-slide .reach-figure{font-size:clamp(1.1rem,1.8vw,1.5rem)}
footer{color:#333;font-size:.9rem;margin-top:2rem}

@media (max-width:40rem){.controls button{min-width:0}}
@page{margin:15mm}
@media print{
  body{font-size:11pt;background:#fff}
  .no-print,.skip,.controls,.digest-links,button,.actions{display:none !important}
  .digest-head{background:#fff;color:#111;padding:0 0 .5rem;border-bottom:2px solid #111}
  .digest-head h1,.digest-head .eyebrow{color:#111}
  .print-page main{max-width:none;padding:0}
  details>summary{display:none}
  details{display:block}
  .recipient-group{break-before:page}
  .print-slip,.award,table,figure,.chart{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`;
