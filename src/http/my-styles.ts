// One stylesheet for the tab, the portfolio and their notices, served from /me/styles.css
// (the CSP allows styles from this server only). Sizes are in rem so 200% zoom reflows; the
// text colours meet WCAG AA contrast on their backgrounds.
export const MY_STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font:1rem/1.55 "Segoe UI",system-ui,-apple-system,sans-serif;color:#1b1b1b;background:#f4f6f6}
h1,h2,h3{line-height:1.25;color:#0b4f4a}
h1{font-size:1.6rem;margin:0}
h2{font-size:1.25rem;margin:0 0 .75rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
a{color:#0b5c56}
:focus-visible{outline:3px solid #1f5fa8;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:1}
.skip:focus{left:1rem}
.masthead{background:#0f6e67;color:#fff;padding:1rem 1.25rem}
.masthead h1{color:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
main>section,main>p.lead{margin-top:1rem}
section{background:#fff;border:1px solid #d5dedd;border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1rem}
.lead{font-size:1.1rem;margin:.5rem 0 1rem}
.loading{color:#3d4a48}
.totals{display:flex;flex-wrap:wrap;gap:.75rem;list-style:none;margin:0;padding:0}
.totals li{flex:1 1 9rem;background:#e8f3f2;border-radius:.5rem;padding:.75rem 1rem}
.total-number{display:block;font-size:2rem;font-weight:700;color:#0b4f4a;line-height:1.1}
.total-label{color:#2f3b39}
.button,button{display:inline-block;font:inherit;font-weight:600;padding:.55rem 1rem;border-radius:.4rem;border:2px solid #0f6e67;background:#0f6e67;color:#fff;text-decoration:none;cursor:pointer;margin:.25rem .25rem .25rem 0}
.button.secondary,button.secondary{background:#fff;color:#0b4f4a}
.button[aria-disabled=true]{opacity:.55;pointer-events:none}
.actions{margin:.5rem 0 0}
.chart{width:100%;height:auto;max-width:42rem;display:block;margin:.5rem 0}
details{margin:.5rem 0}
summary{cursor:pointer;color:#0b5c56;font-weight:600}
table{border-collapse:collapse;margin:.5rem 0;min-width:16rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border-bottom:1px solid #d5dedd;padding:.3rem .75rem .3rem 0;text-align:left}
.num{text-align:right}
.values-profile{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
.values-profile li{display:grid;grid-template-columns:minmax(10rem,16rem) 6rem minmax(4rem,1fr);gap:.75rem;align-items:center}
.value-name{font-weight:600}
.value-count{color:#2f3b39}
.minibar{width:100%;height:.75rem}
blockquote{margin:.25rem 0 .5rem;padding:.25rem .75rem;border-left:4px solid #9cc9c4;color:#2f3b39}
.awards,.nominations{list-style:none;padding:0;margin:0}
.awards li,.nominations li{margin:0 0 .75rem}
.awards p,.nominations p{margin:0}
.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0 0 1rem}
select,input{font:inherit;padding:.4rem .5rem;border:1px solid #6b7977;border-radius:.3rem;background:#fff;color:#1b1b1b;max-width:100%}
label{font-weight:600}
.slips{list-style:none;margin:0;padding:0}
.slip{border-top:1px solid #e1e8e7;padding:.75rem 0}
.slip:first-child{border-top:0}
.slip p{margin:0 0 .25rem}
.slip-meta{color:#2f3b39}
.slip-message{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.05rem}
.slip-quote{color:#3d4a48;font-style:italic}
.private{background:#f1e8f2;color:#5e2863;border-radius:.25rem;padding:0 .35rem;font-size:.9rem}
.badges{list-style:none;display:flex;flex-wrap:wrap;gap:.35rem;padding:0;margin:.35rem 0 0}
.badges li{background:#e8f3f2;color:#0b4f4a;border:1px solid #9cc9c4;border-radius:1rem;padding:.05rem .6rem;font-size:.9rem}
.pager{display:flex;justify-content:space-between;margin-top:.75rem}
.empty{color:#2f3b39}
.notice{border-left:6px solid #b34700}
.notice-page main{max-width:40rem}
.notice-page h1{margin:1.5rem 0 1rem}
.portfolio>header{padding:1rem 0}
.eyebrow{margin:0;color:#0b5c56;font-weight:700;text-transform:uppercase;letter-spacing:.08em;font-size:.85rem}
.person-name{font-size:1.3rem;font-weight:600;margin:.25rem 0}
.details{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:.5rem 0}
.details dt{font-size:.85rem;color:#3d4a48}
.details dd{margin:0;font-weight:600}
.period{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:flex-end;margin:0 0 .5rem}
.period div{display:flex;flex-direction:column}
.problem{color:#8a2a00;font-weight:600}
.value-totals{columns:2 16rem;margin:.25rem 0 0}
.count{font-weight:400;color:#3d4a48}
footer{color:#3d4a48;font-size:.9rem;margin-top:1.5rem}
@media (max-width:40rem){.values-profile li{grid-template-columns:1fr auto}.values-profile .minibar{grid-column:1 / -1}}
@media print{
  body{background:#fff;font-size:11pt}
  .no-print,.skip,.masthead,nav,form,button,.actions{display:none !important}
  main{max-width:none;padding:0}
  section{border:0;padding:0;margin:0 0 1rem}
  .value-section{break-before:page}
  .slip{break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`;
