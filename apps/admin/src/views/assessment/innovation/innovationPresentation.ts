/** Prize money is kept in fen; the page shows and takes yuan with two decimals. */
export function fenToYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Yuan typed in the form to whole fen; nothing typed stays undefined (a certificate-only award). */
export function yuanToFen(yuan: number | undefined | null): number | undefined {
  return yuan === undefined || yuan === null ? undefined : Math.round(yuan * 100);
}
