using ClosedXML.Excel;
using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>招商引资签约项目表 as 商务局 and the counties' 招商 offices send them.</summary>
public sealed class SigningVariantTests
{
    [Fact]
    public void Reads_contract_amounts_in_yi_regions_written_as_province_and_city_and_foreign_investment()
    {
        using MemoryStream file = RealWorld.Book(workbook =>
        {
            IXLWorksheet sheet = workbook.AddWorksheet("签约项目");
            sheet.Title(1, "2022年萍乡市招商引资签约项目表", 9);
            sheet.Put(2, "填报单位：市商务局", null, null, null, "时间：2022年1-12月");
            sheet.Put(3, "序号", "项目名称", "所属县区", "签约时间", "合同投资额（亿元）", "产业链", "来源地", "是否“5020”项目", "利用外资（万美元）");
            sheet.Put(4, 1, "佳禾智能产业园", "经开区", "2022年3月18日", 50, "电子信息", "广东深圳", "是", 2000);
            sheet.Put(5, 2, "新材料产业基地", "湘东", 2022.11, 1.2, "新材料", "浙江杭州", "否", null);
            sheet.Put(6, 3, "智能装备制造", "上栗县", new DateTime(2022, 6, 30), "8000万", "装备制造", "湖南长沙", "否", "—");
            sheet.Put(7, 4, "港资食品加工", "莲花县", "2022-09", 0.5, "食品", "香港", "否", 1500);
            sheet.Put(8, 5, "赣西物流枢纽", "安源区", "2022/12/5", 3, "现代物流", "江西南昌", "√", null);
            sheet.Put(9, null, "合计", null, null, 55.5, null, null, null, 3500);
        });

        IngestionOutcome outcome = RealWorld.Read(file, department: null).Clean();

        Assert.Equal(("swj", RealWorld.December2022), (outcome.DepartmentId!, outcome.Period!.Value));
        Assert.Equal(
            [
                ("佳禾智能产业园", "萍乡经开区", 500000m, "粤港澳大湾区", true, (decimal?)2000m, new DateOnly(2022, 3, 18)),
                ("新材料产业基地", "湘东区", 12000m, "长三角", false, null, new DateOnly(2022, 11, 1)),
                ("智能装备制造", "上栗县", 8000m, "长株潭", false, null, new DateOnly(2022, 6, 30)),
                ("港资食品加工", "莲花县", 5000m, "粤港澳大湾区", false, 1500m, new DateOnly(2022, 9, 1)),
                ("赣西物流枢纽", "安源区", 30000m, "其他", true, null, new DateOnly(2022, 12, 5)),
            ],
            outcome.Signings.Select(s => (s.Name, s.County, s.Amount, s.SourceRegion!, s.Is5020, s.ForeignAmountUsd, s.SignedOn!.Value)));
    }

    [Fact]
    public void Reads_the_5020_mark_from_a_project_type_column()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约")
            .Put(1, "芦溪县2022年1-12月招商引资签约项目")
            .Put(2, "序号", "项目名称", "县区", "项目类型", "签约金额（万元）", "签约日期")
            .Put(3, 1, "中材锂电隔膜", "芦溪县", "5020项目", "1.2亿", "2022.3")
            .Put(4, 2, "电瓷配件", "芦溪县", "一般项目", 3000, "2022.10")
            .Put(5, 3, "锂电配套", "芦溪县", "“5020”项目", 52000, "2022年12月"));

        IngestionOutcome outcome = RealWorld.Read(file, department: "luxi").Clean();

        Assert.Equal(
            [(12000m, true, new DateOnly(2022, 3, 1)), (3000m, false, new DateOnly(2022, 10, 1)), (52000m, true, new DateOnly(2022, 12, 1))],
            outcome.Signings.Select(s => (s.Amount, s.Is5020, s.SignedOn!.Value)));
    }

    [Fact]
    public void Reads_a_total_investment_header_and_an_investor_column_and_skips_the_total_on_top()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("Sheet1")
            .Put(1, "湘东区2022年招商引资签约项目情况表")
            .Put(2, "统计时间：2022年1-12月", null, null, null, "单位：亿元")
            .Put(3, "序号", "签约项目名称", "投资方", "投资方所在地", "投资总额", "其中：外资（万美元）", "是否5020项目", "落户县区")
            .Put(4, "合计", null, null, null, 13.8, 0, null, null)
            .Put(5, 1, "陶瓷新材料", "佛山某陶瓷有限公司", "广东佛山", 8.8, null, "否", "湘东区")
            .Put(6, 2, "冷链物流园", "湘东供销社", "本地", 5, null, "否", "湘东区"));

        IngestionOutcome outcome = RealWorld.Read(file, department: "xiangdong").Clean();

        Assert.Equal(
            [("陶瓷新材料", 88000m, "粤港澳大湾区"), ("冷链物流园", 50000m, "其他")],
            outcome.Signings.Select(s => (s.Name, s.Amount, s.SourceRegion!)));
    }

    // ★ and "是（50亿元以上）" were "已忽略" with a warning, and three 5020 projects counted as one.
    [Fact]
    public void Reads_a_star_a_5020_label_and_yes_with_a_remark_as_5020_marks()
    {
        using MemoryStream file = RealWorld.Book(workbook => workbook.AddWorksheet("签约项目")
            .Put(1, "2022年1-12月招商引资签约项目表")
            .Put(2, "序号", "项目名称", "县区", "签约时间", "签约金额（万元）", "是否5020项目")
            .Put(3, 1, "某锂电项目", "芦溪县", new DateTime(2022, 3, 1), 500000, "★")
            .Put(4, 2, "某电瓷项目", "湘东区", new DateTime(2022, 5, 1), 120000, "5020项目")
            .Put(5, 3, "某物流项目", "安源区", new DateTime(2022, 6, 1), 20000, "否")
            .Put(6, 4, "某新材料项目", "上栗县", new DateTime(2022, 7, 1), 600000, "是（50亿元以上）")
            .Put(7, 5, "某食品项目", "莲花县", new DateTime(2022, 8, 1), 30000, "否（未达标准）"));

        IngestionOutcome outcome = RealWorld.Read(file, department: "swj").Clean();

        Assert.Equal([true, true, false, true, false], outcome.Signings.Select(s => s.Is5020));
    }
}
