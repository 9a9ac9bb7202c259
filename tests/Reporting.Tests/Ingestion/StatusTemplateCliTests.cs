using ClosedXML.Excel;
using Reporting.Cli;
using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;

namespace Reporting.Tests.Ingestion;

public sealed class StatusTemplateCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-status-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Reports_on_time_late_rejected_and_missing_departments_by_the_beijing_deadline()
    {
        var ledger = new FolderLedgerStore(_root);
        var period = new ReportingPeriod(2022, 12);
        async Task Add(string department, SubmissionResult status, DateTimeOffset at, int projects = 1)
        {
            var record = new SubmissionRecord
            {
                Department = department, FileName = "f.xlsx", UploadPath = "uploads/" + department + "/f.xlsx", Sha256 = Guid.NewGuid().ToString("N"), Size = 1,
                ReceivedAt = at, Period = period, Status = status, ProjectCount = projects, ArchivePath = "archive/x/y.xlsx",
            };
            await ledger.UpsertAsync(LedgerTables.Submissions, department, record.Sha256, record);
        }

        // Deadline: 5 January 2023, end of day in Beijing = 2023-01-05T15:59:59Z.
        await Add("anyuan", SubmissionResult.Accepted, new DateTimeOffset(2023, 1, 5, 15, 59, 0, TimeSpan.Zero));
        await Add("xiangdong", SubmissionResult.AcceptedWithWarnings, new DateTimeOffset(2023, 1, 5, 16, 0, 1, TimeSpan.Zero));
        await Add("lianhua", SubmissionResult.Rejected, new DateTimeOffset(2023, 1, 3, 0, 0, 0, TimeSpan.Zero));

        IReadOnlyList<DepartmentSubmissionStatus> statuses = await new SubmissionStatusService(ledger, TestWorkbooks.Options).GetStatusAsync(period, default);

        Assert.Equal(TestWorkbooks.Options.Departments.Count, statuses.Count);
        Assert.Equal(SubmissionState.OnTime, statuses.Single(s => s.DepartmentId == "anyuan").State);
        Assert.Equal(SubmissionState.Late, statuses.Single(s => s.DepartmentId == "xiangdong").State);
        Assert.Equal(SubmissionState.Rejected, statuses.Single(s => s.DepartmentId == "lianhua").State);
        Assert.Equal(SubmissionState.Missing, statuses.Single(s => s.DepartmentId == "luxi").State);
        Assert.Equal("莲花县", statuses.Single(s => s.DepartmentId == "lianhua").DepartmentName);
    }

    [Fact]
    public void Writes_a_template_with_drop_downs_that_reads_back_once_filled()
    {
        var stream = new MemoryStream();
        TemplateWriter.Write(DatasetKind.Projects, TestWorkbooks.Options, stream, new ReportingPeriod(2022, 12));
        stream.Position = 0;

        using (var workbook = new XLWorkbook(stream))
        {
            IXLWorksheet sheet = workbook.Worksheet(TemplateWriter.DataSheetName);
            Assert.Equal("时间：2022年1-12月", sheet.Cell(2, 1).GetString());
            Assert.True(sheet.DataValidations.Count() >= 2);
            Assert.Equal(XLWorksheetVisibility.Hidden, workbook.Worksheet("选项").Visibility);
            sheet.Cell(6, 1).Value = 1;
            sheet.Cell(6, 3).Value = "安源路改造";
            sheet.Cell(6, 4).Value = "安源区";
            sheet.Cell(6, 5).Value = "重大基础设施";
            sheet.Cell(6, 10).Value = 1000;
            sheet.Cell(6, 11).Value = 800;
            sheet.Cell(6, 12).Value = "是";
            stream = new MemoryStream();
            workbook.SaveAs(stream);
        }

        stream.Position = 0;
        IngestionOutcome outcome = TestWorkbooks.Read(stream);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Findings));
        ProjectRecord project = Assert.Single(outcome.Projects);
        Assert.Equal(("安源路改造", 1000m, 800m, ProjectLevels.Provincial), (project.Name, project.AnnualPlan, project.Completed, project.Levels.Single()));
    }

    [Fact]
    public async Task Cli_ingest_exits_0_when_accepted_and_3_when_rejected()
    {
        Directory.CreateDirectory(_root);
        string good = Path.Combine(_root, "good.xlsx");
        string bad = Path.Combine(_root, "bad.xlsx");
        await File.WriteAllBytesAsync(good, TestWorkbooks.ProjectWorkbook(rows: [[1, "一", "安源区", "工业", 10, 5, "是"]]).ToArray());
        await File.WriteAllBytesAsync(bad, TestWorkbooks.ProjectWorkbook(rows: [[1, "一", "外地", "工业", 10, 5, "是"]]).ToArray());
        string store = Path.Combine(_root, "store");

        (int goodCode, string goodOutput) = await Run("ingest", good, "--department", "anyuan", "--store", store);
        (int badCode, string badOutput) = await Run("ingest", good, bad, "--department", "anyuan", "--store", store);
        (int dryCode, _) = await Run("ingest", bad, "--department", "anyuan", "--dry-run");
        (int templateCode, _) = await Run("template", "signings", "--out", Path.Combine(_root, "t.xlsx"));
        (int argsCode, _) = await Run("ingest", good, "--period", "2022-13");

        Assert.Equal(CliApp.Ok, goodCode);
        Assert.Contains("已接收", goodOutput, StringComparison.Ordinal);
        Assert.Equal(CliApp.Rejected, badCode);
        Assert.Contains("此前已处理", badOutput, StringComparison.Ordinal);
        Assert.Contains("county.unknown", badOutput, StringComparison.Ordinal);
        Assert.Equal(CliApp.Rejected, dryCode);
        Assert.Equal(CliApp.Ok, templateCode);
        Assert.True(File.Exists(Path.Combine(_root, "t.xlsx")));
        Assert.Equal(CliApp.BadArguments, argsCode);
    }

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        int code = await CliApp.CreateRootCommand().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
