/**
 * Where a document page asks for its PDF link: the hidden paragraph src/components/PdfDownload.astro
 * writes, with the PDF's href. The outputs worker finds it to know the page wants a PDF; the
 * build then replaces it with the link, or removes it when no PDF could be made.
 */
export const PDF_PLACEHOLDER = /<p class="pdf-download" data-pdf-download="([^"]*)" hidden(?:="")?><\/p>/;
