import * as fs from 'fs';
import * as path from 'path';

/**
 * A LibreOffice profile that recalculates every formula of a workbook it opens, as Excel does.
 * LibreOffice's own default for .xlsx is never to recalculate on load: it shows the values the file
 * carries. A workbook whose figures a test typed through exceljs (which computes nothing) would then
 * show the values from before the typing; a person typing in a spreadsheet program never sees that.
 * Returns the -env argument that makes soffice use the profile.
 */
export function recalculatingProfile(dir: string): string {
  const user = path.join(dir, 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `-env:UserInstallation=file://${dir}`;
}
