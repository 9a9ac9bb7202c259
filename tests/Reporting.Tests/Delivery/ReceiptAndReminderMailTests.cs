using System.Text;
using MimeKit;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion;
using Reporting.Infrastructure.Mail;

namespace Reporting.Tests.Delivery;

public sealed class ReceiptAndReminderMailTests
{
    // The messages as the senders put them on the wire: encoding is part of what a clerk receives.
    private static MimeMessage Receipt(ReportingOptions options, ReceiptMailContent content, string recipient) =>
        MimeMessages.Create(ReceiptMail.Create(options, content, recipient));

    private static MimeMessage Reminder(
        ReportingOptions options, DepartmentOptions department, ReportingPeriod period, IReadOnlyCollection<DatasetKind> missing, DateOnly deadline, DateOnly today) =>
        MimeMessages.Create(ReminderMail.Create(options, department, period, missing, deadline, today));

    private static readonly DateTimeOffset s_received = new(2023, 1, 2, 1, 2, 3, TimeSpan.Zero);

    private static Finding Error(string cell, string message) =>
        new() { Severity = Severity.Error, RuleId = RuleIds.ValueNegative, Message = message, Sheet = "重大项目", Cell = cell, Header = "累计完成投资", Value = "-5" };

    private static Finding Warning(string cell) =>
        new() { Severity = Severity.Warning, RuleId = RuleIds.CompletedOver200Pct, Message = $"{cell}：累计完成投资超过年度计划的200%，请核实", Sheet = "重大项目", Cell = cell };

    [Fact]
    public void An_accepted_receipt_says_so_with_the_period_kind_and_count()
    {
        MimeMessage message = Receipt(BriefingMailTests.Options(), new ReceiptMailContent
        {
            DepartmentName = "安源区",
            FileName = "安源区2022年12月调度表.xlsx",
            Outcome = ReceiptOutcome.Accepted,
            ReceivedAt = s_received,
            Period = new ReportingPeriod(2022, 12),
            Kind = DatasetKind.Projects,
            RecordCount = 57,
        }, "anyuan@fgw.pingxiang.example");

        Assert.Equal("【已受理】安源区 2022年1-12月重大项目调度表", message.Subject);
        Assert.Contains("2023年1月2日 09:02（北京时间）", message.TextBody!, StringComparison.Ordinal);
        Assert.Contains("共57条记录", message.TextBody!, StringComparison.Ordinal);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void A_receipt_with_warnings_lists_each_with_sheet_and_cell()
    {
        MimeMessage message = Receipt(BriefingMailTests.Options(), new ReceiptMailContent
        {
            DepartmentName = "湘东区",
            FileName = "x.xlsx",
            Outcome = ReceiptOutcome.AcceptedWithWarnings,
            ReceivedAt = s_received,
            Period = new ReportingPeriod(2022, 12),
            Kind = DatasetKind.Projects,
            Findings = [Warning("F12"), Warning("F30")],
        }, "xiangdong@fgw.pingxiang.example");

        Assert.StartsWith("【已受理，有2条提示】湘东区", message.Subject, StringComparison.Ordinal);
        Assert.Contains("1. [重大项目!F12] F12：累计完成投资超过年度计划的200%，请核实（规则 completed.over-200pct）", message.TextBody!, StringComparison.Ordinal);
        Assert.Contains("2. [重大项目!F30]", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejection_lists_the_errors_and_attaches_the_annotated_workbook()
    {
        byte[] workbook = Encoding.ASCII.GetBytes("PK fake workbook");
        MimeMessage message = Receipt(BriefingMailTests.Options(), new ReceiptMailContent
        {
            DepartmentName = "莲花县",
            FileName = "莲花县12月.xlsx",
            Outcome = ReceiptOutcome.Rejected,
            ReceivedAt = s_received,
            Findings = [Error("F12", "F12：累计完成投资不能为负数")],
            AnnotatedWorkbook = workbook,
        }, "lianhua@fgw.pingxiang.example");

        Assert.Equal("【未通过，请修改后重报】莲花县 报表（1处错误）", message.Subject);
        Assert.Contains("[重大项目!F12] F12：累计完成投资不能为负数（规则 value.negative）", message.TextBody!, StringComparison.Ordinal);
        MimePart attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("莲花县12月（错误标注）.xlsx", attachment.FileName);
        using var content = new MemoryStream();
        attachment.Content!.DecodeTo(content);
        Assert.Equal(workbook, content.ToArray());
    }

    [Fact]
    public void A_rejection_with_many_errors_lists_fifty_and_points_to_the_workbook()
    {
        Finding[] errors = Enumerable.Range(1, 75).Select(i => Error($"F{i}", $"F{i}：负数")).ToArray();

        MimeMessage message = Receipt(BriefingMailTests.Options(), new ReceiptMailContent
        {
            DepartmentName = "芦溪县", FileName = "a.xlsx", Outcome = ReceiptOutcome.Rejected, ReceivedAt = s_received, Findings = errors,
        }, "luxi@fgw.pingxiang.example");

        Assert.Contains("50. [重大项目!F50]", message.TextBody!, StringComparison.Ordinal);
        Assert.DoesNotContain("[重大项目!F51]", message.TextBody!, StringComparison.Ordinal);
        Assert.Contains("另有25条", message.TextBody!, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_configuration_or_uploads_cannot_inject_headers()
    {
        MimeMessage message = Receipt(BriefingMailTests.Options(), new ReceiptMailContent
        {
            DepartmentName = "安源区\r\nBcc: attacker@evil.example",
            FileName = "evil\r\nContent-Type: text/html.xlsx",
            Outcome = ReceiptOutcome.Rejected,
            ReceivedAt = s_received,
            AnnotatedWorkbook = new byte[] { 1 },
        }, "anyuan@fgw.pingxiang.example");

        string raw = Encoding.ASCII.GetString(BriefingMailTests.ToBytes(message));
        Assert.DoesNotContain("\r\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(message.Bcc);
        Assert.Equal("anyuan@fgw.pingxiang.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.DoesNotContain("\n", message.Subject!, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", Assert.Single(message.Attachments.OfType<MimePart>()).FileName!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a@x.cn, b@y.cn")]
    [InlineData("a@x.cn\r\nBcc: b@y.cn")]
    [InlineData("not an address")]
    public void A_recipient_must_be_exactly_one_address(string recipient)
    {
        Assert.ThrowsAny<Exception>(() => Receipt(BriefingMailTests.Options(), new ReceiptMailContent
        {
            DepartmentName = "安源区", FileName = "a.xlsx", Outcome = ReceiptOutcome.Accepted, ReceivedAt = s_received,
        }, recipient));
    }

    [Fact]
    public void A_reminder_names_the_deadline_the_period_and_the_missing_tables()
    {
        var department = new DepartmentOptions { Id = "swj", Name = "市商务局", Kinds = [DatasetKind.Signings], Contact = "zhaoshang@swj.pingxiang.example" };

        MimeMessage before = Reminder(BriefingMailTests.Options(), department, new ReportingPeriod(2022, 12), department.Kinds, new DateOnly(2023, 1, 3), new DateOnly(2023, 1, 1));
        MimeMessage after = Reminder(BriefingMailTests.Options(), department, new ReportingPeriod(2022, 12), department.Kinds, new DateOnly(2023, 1, 3), new DateOnly(2023, 1, 5));

        Assert.Equal("【催报】请于2023年1月3日前报送2022年1-12月招商引资签约项目表", before.Subject);
        Assert.Contains("还有2天", before.TextBody!, StringComparison.Ordinal);
        Assert.Equal("【催报】市商务局2022年1-12月招商引资签约项目表已逾期未报，请尽快报送", after.Subject);
        Assert.Contains("现已逾期2天", after.TextBody!, StringComparison.Ordinal);
        Assert.Equal("zhaoshang@swj.pingxiang.example", Assert.Single(after.To.Mailboxes).Address);
    }
}
