// pdfjs-dist's ES module build, typed where it is used (src/hosts/pdf/pdfPages.ts: PdfJs).
declare module 'pdfjs-dist/build/pdf.mjs';
