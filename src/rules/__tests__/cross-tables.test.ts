import { workbookFromTsv } from '../../../tests/helpers/grid';
import { table01, table02, table03, table05, table06, table09 } from '../../../tests/helpers/tables';
import { checkWorkbook } from '../../check';
import { crossEqual } from '../cross-equal';
import { crossLe } from '../cross-le';

const run = (tsv: string, rule = crossEqual) => checkWorkbook(workbookFromTsv(tsv), { rules: [rule] }).findings;

const t01 = (inc: string, gen: string, soc: string) =>
  table01({ 一般公共预算财政拨款收入: inc, 本年收入合计: inc, 总计: inc }, { 一般公共服务支出: gen, 社会保障和就业支出: soc, 本年支出合计: inc, 总计: inc });
const t02 = (total: string) => table02([['合计', '', total, total]]);
const t03 = (gen: string, soc: string, total: string) =>
  table03([
    ['合计', '', total, total],
    ['201', '一般公共服务支出', gen, gen],
    ['208', '社会保障和就业支出', soc, soc],
  ]);

describe('cross-equal: 公开01 ↔ 02/03', () => {
  test('consistent tables pass', () => {
    expect(run(t01('100.00', '60.00', '40.00') + t02('100.00') + t03('60.00', '40.00', '100.00'))).toEqual([]);
  });
  test('公开01 本年收入合计 ≠ 公开02 合计', () => {
    const fs = run(t01('100.00', '60.00', '40.00') + t02('101.00') + t03('60.00', '40.00', '100.00'));
    expect(fs.map((f) => f.message).sort()).toEqual([
      '公开01「一般公共预算财政拨款收入」 + 公开01「政府性基金预算财政拨款收入」 + 公开01「国有资本经营预算财政拨款收入」 100.00 ≠ 公开02「合计·财政拨款收入」 101.00，差 -1.00',
      '公开01「本年收入合计」 100.00 ≠ 公开02「合计·本年收入合计」 101.00，差 -1.00',
    ]);
  });
  test('a class of 公开01 differs from 公开03, class by class', () => {
    const fs = run(t01('100.00', '60.00', '40.00') + t02('100.00') + t03('50.00', '50.00', '100.00'));
    expect(fs.map((f) => [f.table, f.message])).toEqual([
      ['公开01', '公开01「201 一般公共服务支出」支出·金额 60.00 ≠ 公开03「201 一般公共服务支出」本年支出合计 50.00，差 10.00'],
      ['公开01', '公开01「208 社会保障和就业支出」支出·金额 40.00 ≠ 公开03「208 社会保障和就业支出」本年支出合计 50.00，差 -10.00'],
    ]);
  });
  test('a class listed in 公开03 but blank in 公开01 compares with zero', () => {
    const extra = table03([
      ['合计', '', '100.00', '100.00'],
      ['201', '一般公共服务支出', '60.00', '60.00'],
      ['208', '社会保障和就业支出', '30.00', '30.00'],
      ['221', '住房保障支出', '10.00', '10.00'],
    ]);
    const fs = run(t01('100.00', '60.00', '40.00') + t02('100.00') + extra);
    expect(fs.map((f) => f.message)).toContain('公开01「221 住房保障支出」支出·金额 0.00 ≠ 公开03「221 住房保障支出」本年支出合计 10.00，差 -10.00');
  });
  test('公开05 基本支出 = 公开06 人员经费 + 公用经费', () => {
    const t05 = table05([['合计', '', '12.00', '12.00', '']]);
    const ok = table06([['301', '工资福利支出', '10.00']], [['302', '商品和服务支出', '2.00']], ['10.00', '2.00']);
    expect(run(t05 + ok)).toEqual([]);
    const bad = table06([['301', '工资福利支出', '10.00']], [['302', '商品和服务支出', '3.00']], ['10.00', '3.00']);
    expect(run(t05 + bad).map((f) => f.table)).toEqual(['公开05']);
  });
});

describe('cross-le: 05 ≤ 03, 06 三公 items ≤ 09', () => {
  test('公开05 cannot exceed 公开03 for the same code', () => {
    const t3 = table03([
      ['合计', '', '100.00', '100.00'],
      ['201', '一般公共服务支出', '100.00', '100.00'],
    ]);
    expect(
      run(
        t3 +
          table05([
            ['合计', '', '100.00', '100.00', ''],
            ['201', '一般公共服务支出', '100.00', '100.00', ''],
          ]),
        crossLe,
      ),
    ).toEqual([]);
    const fs = run(
      t3 +
        table05([
          ['合计', '', '100.00', '100.00', ''],
          ['201', '一般公共服务支出', '120.00', '100.00', '20.00'],
        ]),
      crossLe,
    );
    expect(fs.map((f) => [f.table, f.message])).toEqual([
      ['公开05', '公开05「201 一般公共服务支出」小计 120.00 大于 公开03 同科目本年支出合计 100.00，超出 20.00'],
      ['公开05', '公开05「201 一般公共服务支出」项目支出 20.00 大于 公开03 同科目项目支出 0.00，超出 20.00'],
    ]);
  });
  test('公开06 公务用车运行维护费 above 公开09 决算数 is an error', () => {
    const t9 = table09(['2.58', '', '2.58', '', '2.58', ''], ['2.58', '', '2.58', '', '2.58', '']);
    const ok = table06(
      [],
      [
        ['302', '商品和服务支出', '2.58'],
        ['30231', '公务用车运行维护费', '2.58'],
      ],
      ['', '2.58'],
    );
    expect(run(ok + t9, crossLe)).toEqual([]);
    const bad = table06(
      [],
      [
        ['302', '商品和服务支出', '3.00'],
        ['30231', '公务用车运行维护费', '3.00'],
      ],
      ['', '3.00'],
    );
    expect(run(bad + t9, crossLe).map((f) => f.message)).toEqual(['公开06「30231·决算数」 3.00 大于 公开09「决算数·公务用车运行费」 2.58，超出 0.42']);
  });
});
