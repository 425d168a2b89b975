import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { useStyles } from './styles';

/**
 * Small pieces the tabs share: a file picker (a button opening the browser's file dialog, what was
 * chosen beside it) and the question asked before sheets of the workbook are replaced.
 */

export function FilePicker({
  button,
  chosen,
  label,
  accept,
  multiple,
  onFiles,
  testId,
}: {
  button: string;
  chosen: string;
  label: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
  testId?: string;
}) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()}>{button}</Button>
        <Text data-testid={testId}>{chosen}</Text>
      </div>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        className={styles.hiddenInput}
        tabIndex={-1}
        onChange={(e) => onFiles([...(e.target.files ?? [])])}
      />
    </>
  );
}

/** Sheets of these names are in the workbook: replace them (deleting what they hold), or not. */
export function OverwriteBar({ sheets, onOverwrite, onCancel }: { sheets: string[]; onOverwrite: () => void; onCancel: () => void }) {
  return (
    <MessageBar intent="warning">
      <MessageBarBody>工作簿中已有工作表：{sheets.join('、')}。覆盖将删除其中的内容。</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onOverwrite}>
          覆盖
        </Button>
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
