using ClosedXML.Excel;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// The workbooks behind the committed <c>Fixtures/real-world/*.xls</c>: each was saved as .xlsx from here and
/// converted with LibreOffice (<c>soffice --headless --convert-to xls</c>), which also computes the formulas.
/// Tests read both the .xls and this in-memory .xlsx and expect the same records. Depends on ClosedXML only,
/// so a throwaway console project can compile this file to regenerate the .xlsx (see Fixtures/README.md).
/// </summary>
internal static class RealWorldFixtures
{
    public const string CityXls = "real-world/fgw-city-2022-12.xls";
    public const string MetricsXls = "real-world/metrics-gxj-2022-12.xls";
    public const string SigningsXls = "real-world/signings-xiangdong-2022-12.xls";

    public static IReadOnlyDictionary<string, Action<XLWorkbook>> Builders { get; } = new Dictionary<string, Action<XLWorkbook>>
    {
        [CityXls] = City,
        [MetricsXls] = Metrics,
        [SigningsXls] = Signings,
    };

    /// <summary>
    /// 市发改委's workbook: instructions, a 汇总 sheet, then one sheet per county without a county column. 安源区
    /// has a split plan (合计 / 其中：中央预算内), a 栏次 row, SUM totals on top and a hidden 1-11月 column; 湘东区
    /// has no field column but 一、工业项目 sections with SUM subtotals; 莲花县 is in 亿元 with a ☆ marker.
    /// </summary>
    public static void City(XLWorkbook workbook)
    {
        IXLWorksheet notes = workbook.AddWorksheet("填报说明");
        notes.Put(1, "填报说明");
        notes.Put(2, "1. 各县区每月5日前报送，金额单位万元（另有注明的除外）。");
        notes.Put(3, "2. 累计完成投资为自年初至本月底累计数，不含以前年度。");
        notes.Column(1).Width = 80;

        IXLWorksheet summary = workbook.AddWorksheet("汇总");
        summary.Put(1, "全市2022年1-12月重大项目汇总表");
        summary.Put(2, "县区", "项目个数", "年度计划投资", "累计完成投资", "完成率");
        summary.Put(3, "安源区", 3, 21000, 23138.5, 1.1018);
        summary.Put(4, "湘东区", 3, 23000, 22200.25, 0.9652);
        summary.Put(5, "莲花县", 2, 20500, 20200, 0.9854);
        summary.Range("E3:E5").Style.NumberFormat.Format = "0.0%";

        IXLWorksheet anyuan = workbook.AddWorksheet("安源区");
        anyuan.Put(1, "安源区2022年1-12月重大项目调度表");
        anyuan.Range("A1:I1").Merge();
        anyuan.Put(2, "填报单位：萍乡市发展和改革委员会", null, null, null, null, null, null, "单位：万元");
        anyuan.Put(3, "序号", "项目名称", "所属领域", "年度计划投资", null, "1-11月累计完成投资", "1-12月累计完成投资", "完成率", "是否开工");
        anyuan.Put(4, null, null, null, "合计", "其中：中央预算内");
        anyuan.Range("D3:E3").Merge();
        foreach (string column in new[] { "A", "B", "C", "F", "G", "H", "I" })
        {
            anyuan.Range($"{column}3:{column}4").Merge();
        }

        anyuan.Put(5, "栏次", "甲", "乙", 1, 2, 3, 4, 5, 6);
        anyuan.Put(6, null, "合计");
        foreach (string column in new[] { "D", "E", "F", "G" })
        {
            anyuan.Cell($"{column}6").FormulaA1 = $"SUM({column}7:{column}9)";
        }

        anyuan.Put(7, 1, "安源区城市更新一期", "公共服务", 6000, 1000, 5500, 6300, 1.05, "是");
        anyuan.Put(8, 2, "安源区物流园", "服务业", 3000, 0, 2700, 2950.5, 0.9835, "是");
        anyuan.Put(9, 3, "萍乡光伏组件产业园", "工业", 12000, 2000, 12500, 13888, 1.1573, "是");
        anyuan.Range("H7:H9").Style.NumberFormat.Format = "0.0%";
        anyuan.Column(6).Hide();
        anyuan.SheetView.FreezeRows(5);

        IXLWorksheet xiangdong = workbook.AddWorksheet("湘东区");
        xiangdong.Put(1, "湘东区2022年1-12月重大项目调度表");
        xiangdong.Range("A1:F1").Merge();
        xiangdong.Put(2, "序号", "项目名称", "项目级别", "2022年计划投资（万元）", "1-12月完成投资（万元）", "形象进度");
        xiangdong.Put(3, "一、工业项目");
        xiangdong.Put(4, 1, "湘东区陶瓷新材料产业园", "省重点、省大中型", 10000, 9900, "一期投产");
        xiangdong.Put(5, 2, "湘东区耐火材料技改", "市重点", 5000, 5100.25, "设备安装");
        xiangdong.Put(6, null, "小计");
        xiangdong.Cell("D6").FormulaA1 = "SUM(D4:D5)";
        xiangdong.Cell("E6").FormulaA1 = "SUM(E4:E5)";
        xiangdong.Put(7, "二、重大基础设施项目");
        xiangdong.Put(8, 3, "湘东区高铁站前路网", null, 8000, 7200, "路基完成");
        xiangdong.Put(9, null, "小计");
        xiangdong.Cell("D9").FormulaA1 = "SUM(D8)";
        xiangdong.Cell("E9").FormulaA1 = "SUM(E8)";
        xiangdong.Put(11, "填表人：李娟    联系电话：0799-6721043");

        IXLWorksheet lianhua = workbook.AddWorksheet("莲花县");
        lianhua.Put(1, "莲花县2022年重大项目进展情况表");
        lianhua.Put(2, "时间：2022年1-12月");
        lianhua.Put(3, "项目名称", "项目类别", "年度计划投资（亿元）", "累计完成投资（亿元）", "计划开工时间");
        lianhua.Put(4, "☆莲花县荷花博览园", "服务业", 0.8, 0.72, "2022.3");
        lianhua.Put(5, "莲花县高洲光伏电站", "新型基础设施", 1.25, 1.3, "2022.10");
    }

    /// <summary>市工信局's indicators: a bare 1-12月 value header, units per row, growth as numbers, words and percent cells, section rows.</summary>
    public static void Metrics(XLWorkbook workbook)
    {
        IXLWorksheet sheet = workbook.AddWorksheet("工业经济");
        sheet.Put(1, "2022年1-12月萍乡市工业经济运行主要指标");
        sheet.Range("A1:H1").Merge();
        sheet.Put(2, "填报单位：市工信局");
        sheet.Put(3, "序号", "指标名称", "单位", "1-12月", "上年同期", "同比增长（%）", "占规上工业比重", "上年同期比重");
        sheet.Put(4, "一", "工业增加值");
        sheet.Put(5, 1, "规模以上工业增加值", "亿元", 520.3, 494.6, 5.2, "—", "—");
        sheet.Put(6, 2, "电子信息产业工业增加值", "亿元", 63.5, 50.92, "增长24.7%", 0.122, 0.083);
        sheet.Put(7, "二", "重点产业");
        sheet.Put(8, 3, "锂电产业营业收入", "亿元", 310.25, 75.67, 3.07);
        sheet.Put(9, 4, "锂电产业利润", "亿元", 20.1, 6.81, 195);
        sheet.Put(10, 5, "亿元以上技改项目数", "个", 93, 71);
        sheet.Put(11, 6, "陶瓷产业营业收入", "亿元", 120, 124, "下降3.2%");
        sheet.Range("G6:H6").Style.NumberFormat.Format = "0.0%";
        sheet.Cell("F8").Style.NumberFormat.Format = "0%";
        sheet.Put(13, "注：增速按可比价计算。");
        sheet.Put(14, "填表人：袁超    联系电话：0799-6836021");
    }

    /// <summary>湘东区's signings: no county column, 项目类型 with "5020项目", amounts in 亿元, date cells, a 合计 formula one row short.</summary>
    public static void Signings(XLWorkbook workbook)
    {
        IXLWorksheet sheet = workbook.AddWorksheet("签约项目");
        sheet.Put(1, "湘东区2022年招商引资签约项目情况表");
        sheet.Put(2, "统计时间：2022年1-12月", null, null, null, "单位：亿元、万美元");
        sheet.Put(3, "序号", "项目名称", "项目类型", "签约日期", "合同投资额", "投资方", "投资方所在地", "产业链", "其中：外资");
        sheet.Put(4, 1, "陶瓷新材料产业园", "5020项目", new DateTime(2022, 3, 18), 52, "佛山某陶瓷有限公司", "广东佛山", "新材料", null);
        sheet.Put(5, 2, "冷链物流园", "一般项目", new DateTime(2022, 6, 16), 1.5, "湖南某物流集团", "湖南株洲", "现代物流", null);
        sheet.Put(6, 3, "电子元器件", "亿元以上项目", new DateTime(2022, 11, 25), 3.2, "香港某电子有限公司", "香港", "电子信息", 800);
        sheet.Range("D4:D6").Style.NumberFormat.Format = "yyyy\"年\"m\"月\"d\"日\"";
        sheet.Put(7, null, "合计");

        // The clerk added row 6 later and the SUM did not grow with it: the total is 3.2亿 short.
        sheet.Cell("E7").FormulaA1 = "SUM(E4:E5)";
    }
}
