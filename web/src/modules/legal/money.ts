/** 服务费 travels in 分 (integer); people read and type 元 with two decimals. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 12000.00, with thousands separators: 1,200,000 分 → "12,000.00". */
export function formatYuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
