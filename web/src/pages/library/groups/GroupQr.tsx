import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The join link drawn as a QR code in the browser; only the link text is stored. */
export function GroupQr({ link, size = 160 }: { link: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(link, { width: size, margin: 1 })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [link, size]);
  if (!src) return <Skeleton.Image style={{ width: size, height: size }} />;
  return <img src={src} width={size} height={size} alt="加群二维码" data-testid="library-group-qr" />;
}
