using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Mailbox;
using Reporting.Tests.Ingestion;

namespace Reporting.Tests.Mailbox;

/// <summary>The period of a mailed spreadsheet: workbook, else subject, else the month before the message (README.md, "Period").</summary>
public sealed class MailPeriodTests
{
    private static readonly ReportingPeriod s_december = new(2022, 12);

    [Theory]
    [InlineData("安源区2022年12月调度表", 2022, 12)]
    [InlineData("Re: 安源区2022年1-12月重大项目调度表", 2022, 12)]
    [InlineData("转发：2022.11 调度表", 2022, 11)]
    [InlineData("报送2022-10报表", 2022, 10)]
    [InlineData("12月报表", 2022, 12)]
    [InlineData("1-11月份数据", 2022, 11)]
    [InlineData("安源区 12 月份调度表", 2022, 12)]
    public void A_subject_names_a_period_or_a_month_of_the_latest_year(string subject, int year, int month) =>
        Assert.Equal(new ReportingPeriod(year, month), MailPeriod.FromSubject(subject, s_december));

    [Theory]
    [InlineData("安源区调度表")]
    [InlineData("2023年1月3日报送的数据")]
    [InlineData("2023-01-03 报送")]
    [InlineData("11月和12月的报表")]
    [InlineData("")]
    public void A_subject_without_one_clear_period_names_none(string subject) =>
        Assert.Null(MailPeriod.FromSubject(subject, s_december));

    [Fact]
    public void A_month_after_the_guess_belongs_to_the_year_before() =>
        Assert.Equal(new ReportingPeriod(2022, 12), MailPeriod.FromSubject("12月报表", new ReportingPeriod(2023, 1)));

    [Theory]
    [InlineData("2023-01-01T00:30:00+08:00", 2022, 12)]
    [InlineData("2022-12-31T16:30:00Z", 2022, 12)]
    [InlineData("2022-12-31T15:30:00Z", 2022, 11)]
    [InlineData("2023-02-03T09:00:00+08:00", 2023, 1)]
    public void Without_one_the_guess_is_the_month_before_the_beijing_date(string sent, int year, int month) =>
        Assert.Equal(new ReportingPeriod(year, month), MailPeriod.Guess(DateTimeOffset.Parse(sent, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_date_header_far_from_the_arrival_is_a_wrong_clock_and_the_arrival_counts()
    {
        var arrived = new DateTimeOffset(2023, 1, 3, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(arrived, MailPeriod.SentAt(new IncomingMessage { Handle = "1", Date = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero), ArrivedAt = arrived }));
        Assert.Equal(arrived.AddHours(-2), MailPeriod.SentAt(new IncomingMessage { Handle = "1", Date = arrived.AddHours(-2), ArrivedAt = arrived }));
        Assert.Equal(arrived, MailPeriod.SentAt(new IncomingMessage { Handle = "1", ArrivedAt = arrived }));
    }

    [Fact]
    public void The_subject_is_stated_and_checked_against_the_workbook_the_date_only_guessed()
    {
        var sent = new DateTimeOffset(2023, 1, 2, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal((s_december, (ReportingPeriod?)null, "邮件主题中"), MailPeriod.For("2022年12月调度表", sent) is var s ? (s.Stated!.Value, s.Guess, s.Where) : default);
        Assert.Equal(((ReportingPeriod?)null, s_december), MailPeriod.For("调度表", sent) is var g ? (g.Stated, g.Guess!.Value) : default);
    }

    [Fact]
    public void A_guess_is_used_only_when_the_workbook_states_no_period_and_never_conflicts()
    {
        IngestionOutcome silent = Read(Workbook(periodLine: "填报单位：安源区"), new IngestionContext { Department = "anyuan", FallbackPeriod = new ReportingPeriod(2022, 11), Options = TestWorkbooks.Options });
        IngestionOutcome stated = Read(Workbook(periodLine: "时间：2022年1-12月"), new IngestionContext { Department = "anyuan", FallbackPeriod = new ReportingPeriod(2022, 11), Options = TestWorkbooks.Options });

        Assert.True(silent.Accepted, string.Join("; ", silent.Findings.Select(f => f.Message)));
        Assert.Equal(new ReportingPeriod(2022, 11), silent.Period);
        Assert.True(stated.Accepted, string.Join("; ", stated.Findings.Select(f => f.Message)));
        Assert.Equal(s_december, stated.Period);
    }

    [Fact]
    public void A_month_only_the_headers_name_takes_the_latest_year_not_after_the_guess()
    {
        IngestionOutcome outcome = Read(Workbook(periodLine: "填报单位：安源区", completed: "1-11月累计完成投资"), new IngestionContext { Department = "anyuan", FallbackPeriod = new ReportingPeriod(2023, 1), Options = TestWorkbooks.Options });

        Assert.True(outcome.Accepted, string.Join("; ", outcome.Findings.Select(f => f.Message)));
        Assert.Equal(new ReportingPeriod(2022, 11), outcome.Period);
    }

    [Fact]
    public void A_subject_stating_another_period_than_the_workbook_is_a_conflict_naming_the_subject()
    {
        IngestionOutcome outcome = Read(
            Workbook(periodLine: "时间：2022年1-12月"), new IngestionContext { Department = "anyuan", Period = new ReportingPeriod(2022, 11), PeriodSource = MailPeriod.SubjectSource, Options = TestWorkbooks.Options });

        Assert.False(outcome.Accepted);
        Assert.StartsWith("报表期间不一致：邮件主题中指定为2022年1-11月", outcome.Single(RuleIds.PeriodConflict).Message, StringComparison.Ordinal);
    }

    private static IngestionOutcome Read(MemoryStream workbook, IngestionContext context) => new WorkbookIngestor().Read(workbook, "调度表.xlsx", context);

    // No year anywhere (title, sheet, headers, file name): only the line under the title may state a period.
    private static MemoryStream Workbook(string periodLine, string completed = "累计完成投资") => TestWorkbooks.Xlsx(workbook =>
        workbook.AddWorksheet("项目表")
            .Put(1, "重大项目调度表")
            .Put(2, periodLine)
            .Put(3, "单位：万元")
            .Put(4, [.. TestWorkbooks.ProjectHeader.Select(h => h == "累计完成投资" ? completed : h)])
            .Put(5, 1, "安源区智能制造产业园", "安源区", "工业", 12000, 13000, "是"));
}
