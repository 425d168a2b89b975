import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { HostApi } from '../hostApi';
import type { PaneAction } from './state';

/** 起草情况说明: the narrative drafted from the tables into a new sheet. */
export function DraftTab({
  host,
  busy,
  dispatch,
  run,
}: {
  host: HostApi;
  busy: boolean;
  dispatch: React.Dispatch<PaneAction>;
  run: (what: () => Promise<void>) => Promise<void>;
}) {
  return (
    <>
      <Text>从本工作簿的公开表起草“情况说明”各部分（金额、占比、结构、“三公”、空表说明），写入新工作表；表中没有的内容留【请填写…】。</Text>
      <Button
        onClick={() =>
          run(async () => {
            const r = await host.draft!(false);
            dispatch({
              type: 'notice',
              text: r.written.length
                ? `已起草情况说明，写入工作表“${r.written[0]}”；【请填写…】处需补充。`
                : `工作表“${r.conflicts[0]}”已存在，请先重命名或删除后再起草。`,
            });
          })
        }
        disabled={busy}
      >
        起草情况说明
      </Button>
    </>
  );
}
