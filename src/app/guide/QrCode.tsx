import QRCode from 'qrcode';
import { useMemo } from 'preact/hooks';

/** Blank modules around the code, as the QR specification asks. */
const QUIET_ZONE_MODULES = 4;

/**
 * A QR code drawn as SVG on the device, with no network: each dark module is a square of one
 * path, so it prints sharp at any size.
 */
export function QrCode({
  text,
  label,
  sizePx = 160,
}: {
  text: string;
  label: string;
  sizePx?: number;
}) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col))
          d += `M${col + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h1v1h-1z`;
      }
    }
    return { size: modules.size + 2 * QUIET_ZONE_MODULES, path: d };
  }, [text]);
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={sizePx}
      height={sizePx}
      shape-rendering="crispEdges"
      data-testid="qr-code"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
