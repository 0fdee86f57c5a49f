// Print CSS for the paper questionnaire: large type, real boxes, questions never split over two
// pages. Inline in the document because Chromium prints it without fetching anything.

export const PAPER_MARGIN = { top: '32mm', bottom: '16mm', left: '16mm', right: '16mm' } as const;

export const PAPER_STYLES = `
@page { size: A4; }
* { box-sizing: border-box; }
html { font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 11.5pt; line-height: 1.35; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 19pt; line-height: 1.2; margin: 0 0 1.5mm; }
.sub { font-size: 12.5pt; margin: 0 0 5mm; }
.howto { border: 0.4mm solid #000; padding: 3mm 4mm; margin: 0 0 4mm; break-inside: avoid; }
.howto h2 { font-size: 12.5pt; margin: 0 0 1.5mm; }
.howto ul { margin: 0 0 2mm 5mm; padding: 0; }
.howto li { margin: 0 0 0.8mm; }
.howto p { margin: 0 0 1.5mm; }
.sample { display: inline-block; width: 4mm; height: 4mm; border: 0.35mm solid #000; vertical-align: -0.5mm; position: relative; }
.sample--ticked::before, .sample--ticked::after { content: ''; position: absolute; left: 50%; top: -0.4mm; width: 0.4mm; height: 4.4mm; background: #000; }
.sample--ticked::before { transform: rotate(45deg); }
.sample--ticked::after { transform: rotate(-45deg); }
.sample--filled { background: #000; }
.block { margin: 6mm 0 0; }
.block-head { break-inside: avoid; break-after: avoid; }
.block-head > h2 { font-size: 14pt; margin: 0 0 2mm; padding: 1.5mm 2.5mm; background: #e4e4e4; break-after: avoid; }
.intro { margin: 0 0 3mm; }
.route { font-weight: 700; border-left: 1.3mm solid #000; padding: 1mm 0 1mm 2.5mm; margin: 0 0 3mm; break-after: avoid; }
.route-arrow { font-size: 13pt; }
.q { display: flex; gap: 3mm; break-inside: avoid; margin: 0 0 4.5mm; }
.qn { flex: none; width: 9mm; font-weight: 700; font-size: 12.5pt; }
.qb { flex: 1; min-width: 0; }
.qb .route { margin-bottom: 1.5mm; }
.qt { font-weight: 700; margin: 0 0 1.5mm; }
.qh, .hint { margin: 0 0 1.5mm; font-size: 10.5pt; }
.matrix .qh { display: block; font-weight: 400; }
.opts { list-style: none; margin: 0; padding: 0; }
.opts li { display: flex; align-items: center; gap: 2.5mm; margin: 0 0 1.6mm; }
.opts--row { display: flex; flex-wrap: wrap; column-gap: 12mm; }
.box { display: inline-block; flex: none; width: 5mm; height: 5mm; border: 0.35mm solid #000; background: #fff; vertical-align: middle; }
.jump { font-weight: 700; white-space: nowrap; }
.na { font-style: italic; }
.mark { border-collapse: collapse; margin: 1mm 0 0; }
.mark td { text-align: center; padding: 0.4mm 1.6mm; font-size: 11pt; }
.mark td.end-low { text-align: left; font-size: 10pt; padding-left: 0; }
.mark td.end-high { text-align: right; font-size: 10pt; padding-right: 0; }
.mark td.mark-na { text-align: left; padding-left: 6mm; vertical-align: bottom; white-space: nowrap; }
.mark td.mark-na .box { margin-right: 2mm; }
.digits { display: flex; align-items: flex-end; margin: 0 0 1.5mm; }
.digit { display: inline-block; width: 7.5mm; height: 9mm; border: 0.35mm solid #000; margin-right: -0.35mm; background: #fff; }
.comma { font-size: 16pt; padding: 0 1.5mm; }
.lines .line { border-bottom: 0.3mm solid #000; height: 9mm; }
.matrix { width: 100%; border-collapse: collapse; margin: 0 0 4.5mm; }
.matrix thead { display: table-header-group; }
.matrix th { font-size: 9pt; font-weight: 400; line-height: 1.15; vertical-align: bottom; text-align: center; padding: 0 0.5mm 1.5mm; width: 17mm; }
.matrix th.na { font-style: italic; }
.matrix td { text-align: center; padding: 2mm 0.5mm; border-top: 0.25mm solid #888; vertical-align: middle; }
.matrix tr { break-inside: avoid; }
.matrix tbody tr:nth-child(even) td { background: #f0f0f0; }
.matrix .m-n { width: 9mm; text-align: left; font-weight: 700; font-size: 12.5pt; }
.matrix .m-s { width: auto; text-align: left; font-weight: 700; padding-right: 2mm; }
.end { margin: 8mm 0 0; font-weight: 700; font-size: 13pt; break-inside: avoid; }
`;
