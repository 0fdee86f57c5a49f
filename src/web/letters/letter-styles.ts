// Print CSS for letters. All positions are millimetres from the top-left corner of the A4 sheet
// (the page has no margin of its own), so the address lands where the envelope window is.
//
// Envelope: the Dutch EA5/6 (110 × 220 mm) with its window on the left ("venster links"), the
// usual envelope for an A4 letter folded in three. Its window is 90 × 40 mm, 20 mm from the
// left and 15 mm from the bottom edge, so 55–95 mm from the top of the envelope. A folded A4 is
// 99 mm high and can slide about 11 mm in the envelope, and 10 mm sideways; the part of the
// letter that shows through the window in every position is therefore 20–100 mm from the left
// and 55–84 mm from the top. The address block (return line included) stays inside that area.
// Address format after PostNL's addressing tips (https://www.postnl.nl/en/sending/sending-a-parcel/addressing-tips/):
// a sans-serif type of 10–12 pt, no bold or italics, one space inside the postcode, two before
// the town, the town in capitals, and with window envelopes the return address on one line at
// the top left of the window.

/** The part of the sheet that is always visible through the window, in mm. */
export const WINDOW_SAFE_AREA = { left: 20, top: 55, right: 100, bottom: 84 } as const;

export const LETTER_STYLES = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html { font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.sheet { position: relative; width: 210mm; padding: 92mm 20mm 12mm 24mm; break-before: page; }
.sheet:first-child { break-before: auto; }
.sender { position: absolute; left: 24mm; top: 14mm; width: 92mm; font-size: 13pt; font-weight: 700; line-height: 1.25; margin: 0; }
.logo { position: absolute; right: 20mm; top: 12mm; width: 70mm; height: 28mm; background-repeat: no-repeat; background-position: right top; background-size: contain; }
.window { position: absolute; left: 24mm; top: 56mm; width: 75mm; height: 28mm; overflow: hidden; }
.return { font-size: 7pt; line-height: 1.2; margin: 0 0 1.5mm; white-space: nowrap; overflow: hidden; }
.address { font-size: 10pt; line-height: 1.3; margin: 0; }
.address span { display: block; }
.meta { border-collapse: collapse; margin: 0 0 7mm; }
.meta th { text-align: left; font-weight: 400; padding: 0 6mm 0.8mm 0; vertical-align: top; }
.meta td { padding: 0 0 0.8mm; font-weight: 700; }
.body p { margin: 0 0 3mm; }
.codebox { display: flex; align-items: center; justify-content: space-between; gap: 6mm; border: 0.5mm solid #000; padding: 4mm 5mm; margin: 5mm 0 6mm; break-inside: avoid; }
.codebox p { margin: 0 0 1.5mm; }
.code { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 21pt; font-weight: 700; letter-spacing: 0.6mm; margin: 0 0 2mm; white-space: nowrap; }
.qr svg { display: block; width: 28mm; height: 28mm; }
.closing p { margin: 0; }
.signature { width: 55mm; height: 17mm; margin: 1.5mm 0; background-repeat: no-repeat; background-position: left center; background-size: contain; }
.no-signature { height: 10mm; }
`;

/** The images go in the stylesheet once, not in every letter: 200 letters share one copy. */
export function imageStyles(logoDataUrl: string | null, signatureDataUrl: string | null): string {
  const safe = (url: string) => (/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(url) ? url : '');
  return [
    logoDataUrl ? `.logo { background-image: url("${safe(logoDataUrl)}"); }` : '',
    signatureDataUrl ? `.signature { background-image: url("${safe(signatureDataUrl)}"); }` : '',
  ].join('\n');
}
