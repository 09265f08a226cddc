/**
 * pdf-lib with fontkit (which embeds the CJK font), loaded when the first PDF is made or marked
 * rather than at start-up: together they cost about 37 MB of RSS (NFR-9), and only watermarked
 * downloads and meeting minutes use them. Node caches the modules, so later calls are cheap.
 */
export async function loadPdfLib() {
  const [pdfLib, fontkit] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  return { ...pdfLib, fontkit: fontkit.default };
}
