using Reporting.Core.Ingestion;

namespace Reporting.Tests.Ingestion.RealWorld;

/// <summary>
/// A county department's upload holding none of its own county's rows (安源区's table uploaded from 莲花县's folder) was
/// accepted and counted: 莲花县 then had no data and 安源区's list came from the wrong office. It is refused with the question;
/// a county list with a few projects of another county is read as written.
/// </summary>
public sealed class UploadCountyTests
{
    private static MemoryStream Projects(params (string Name, string County)[] rows) => RealWorld.Book(workbook =>
    {
        var sheet = workbook.AddWorksheet("调度表")
            .Put(1, "时间：2022年1-12月", null, null, "单位：万元")
            .Put(2, "序号", "项目名称", "县区", "所属领域", "年度计划投资", "累计完成投资");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Put(3 + i, i + 1, rows[i].Name, rows[i].County, "工业", 10000, 9000);
        }
    });

    [Fact]
    public void Refuses_a_county_upload_none_of_whose_rows_is_that_countys()
    {
        using MemoryStream file = Projects(("安源区新能源电池项目", "安源区"), ("安源区污水处理厂", "安源区"), ("湘东区电瓷产业园", "湘东区"));

        IngestionOutcome outcome = RealWorld.Read(file, department: "lianhua");

        Finding error = outcome.OnlyError();
        Assert.Equal((RuleIds.DepartmentOtherCounty, (string?)null), (error.RuleId, error.Sheet));
        Assert.Equal(
            "本文件上传到莲花县，但其中3行全部属于安源区、湘东区，没有一行是莲花县的。可能选错了上传单位，或上传了其他县区的表。"
            + "请确认：莲花县的表请重新选择文件上传；安源区、湘东区的表请由该县区上传。",
            error.Message);
    }

    [Fact]
    public void Reads_a_county_list_with_one_project_of_another_county_as_written()
    {
        using MemoryStream county = Projects(("莲花县光伏电站", "莲花县"), ("经开区锂电配套项目", "萍乡经开区"));

        Assert.Equal(["莲花县", "萍乡经开区"], RealWorld.Read(county, department: "lianhua").Clean().Projects.Select(p => p.County));
    }
}
