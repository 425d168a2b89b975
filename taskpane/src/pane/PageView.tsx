import * as React from 'react';
import { Button, Caption1 } from '@fluentui/react-components';
import type { PageBox } from '../../../src/core/grid';
import type { HostApi } from '../hostApi';
import { useStyles } from './styles';

/** A PDF's page with the finding's place marked (a box on each line it covers): drawn on request. */
export function PageView({ host, page, boxes }: { host: HostApi; page: number; boxes: PageBox[] }) {
  const styles = useStyles();
  const [image, setImage] = React.useState<{ url: string; width: number; height: number } | null | undefined>(undefined);
  const [busy, setBusy] = React.useState(false);
  if (image === undefined)
    return (
      <Button
        size="small"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          host.pageImage!(page)
            .then((img) => setImage(img ?? null))
            .catch(() => setImage(null))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? `正在显示第${page}页…` : `查看第${page}页`}
      </Button>
    );
  if (!image)
    return (
      <Caption1 block as="p">
        无法显示第{page}页。
      </Caption1>
    );
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  return (
    <div className={styles.page}>
      <img data-testid="page-image" src={image.url} alt={`第${page}页`} className={styles.pageImage} />
      {boxes.map((box, i) => (
        <div
          key={i}
          data-testid={i ? 'page-box-more' : 'page-box'}
          aria-label="问题所在位置"
          className={styles.pageBox}
          // Where on this page: computed from the box, so inline.
          style={{
            left: pct(box.x - 2, image.width),
            top: pct(box.y - 2, image.height),
            width: pct(box.w + 4, image.width),
            height: pct(box.h + 4, image.height),
          }}
        />
      ))}
    </div>
  );
}
