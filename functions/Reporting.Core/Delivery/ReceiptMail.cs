using System.Text;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;

namespace Reporting.Core.Delivery;

public enum ReceiptOutcome
{
    Accepted,
    AcceptedWithWarnings,
    Rejected,
}

/// <summary>What a receipt tells the clerk about one upload.</summary>
public sealed record ReceiptMailContent
{
    public required string DepartmentName { get; init; }

    /// <summary>The uploaded file name as the clerk knows it.</summary>
    public required string FileName { get; init; }

    public required ReceiptOutcome Outcome { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The period read from the file; null when it could not be determined (one of the errors then says why).</summary>
    public ReportingPeriod? Period { get; init; }

    public DatasetKind? Kind { get; init; }

    /// <summary>Rows accepted (projects, signings or indicators).</summary>
    public int? RecordCount { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Columns read in a unit other than their sheet's, one sentence each.</summary>
    public IReadOnlyList<string> UnitNotes { get; init; } = [];

    /// <summary>The workbook with the offending cells marked, attached to a rejection.</summary>
    public ReadOnlyMemory<byte>? AnnotatedWorkbook { get; init; }

    /// <summary>The file came by mail and this receipt is the reply: a correction is sent by answering it, not through the portal.</summary>
    public bool AnsweredByMail { get; init; }
}

/// <summary>
/// The answer to a department's upload (回执): accepted; accepted with the warnings listed; or
/// rejected with every error (sheet, cell, rule) listed and the annotated workbook attached.
/// </summary>
public static class ReceiptMail
{
    /// <summary>At most this many findings are listed in the body; the rest are in the attached workbook.</summary>
    public const int MaxListedFindings = 50;

    public static OutgoingMail Create(ReportingOptions options, ReceiptMailContent content, string recipient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(content);
        string department = MailText.HeaderSafe(content.DepartmentName, 40);
        string file = MailText.FileNameSafe(content.FileName, "upload.xlsx");
        string what = Describe(content);
        List<Finding> errors = content.Findings.Where(f => f.Severity == Severity.Error).ToList();
        List<Finding> warnings = content.Findings.Where(f => f.Severity == Severity.Warning).ToList();

        string subject = content.Outcome switch
        {
            ReceiptOutcome.Accepted => $"【已受理】{department}{what}",
            ReceiptOutcome.AcceptedWithWarnings => $"【已受理，有{warnings.Count}条提示】{department}{what}",
            _ => $"【未通过，请修改后重报】{department}{what}（{errors.Count}处错误）",
        };

        var body = new StringBuilder();
        body.Append($"{department}：\n\n");
        DateTimeOffset received = ChinaTime.ToBeijing(content.ReceivedAt);
        body.Append($"贵单位于{received:yyyy年M月d日 HH:mm}（北京时间）报送的文件《{file}》");
        switch (content.Outcome)
        {
            case ReceiptOutcome.Accepted:
                body.Append("已通过校验并受理").Append(RecordText(content)).Append("。\n");
                break;
            case ReceiptOutcome.AcceptedWithWarnings:
                body.Append("已通过校验并受理").Append(RecordText(content)).Append($"，但有{warnings.Count}条提示，请核实；如数据有误，请更正后重新报送（以最后一次报送为准）。\n\n");
                AppendFindings(body, "提示", warnings);
                break;
            default:
                body.Append($"未通过校验，有{errors.Count}处错误，本次报送的数据均未采用。请按以下说明修改后重新报送");
                body.Append(content.AnnotatedWorkbook is null ? "。\n\n" : "；附件中的工作簿已将出错的单元格标红并加批注。\n\n");
                AppendFindings(body, "错误", errors);
                if (warnings.Count > 0)
                {
                    body.Append('\n');
                    AppendFindings(body, "提示", warnings);
                }

                break;
        }

        if (content.UnitNotes.Count > 0)
        {
            body.Append("\n读数单位：\n");
            foreach (string note in content.UnitNotes)
            {
                body.Append("· ").Append(note).Append('\n');
            }
        }

        body.Append(content.AnsweredByMail
            ? "\n本邮件由系统自动回复。如需更正，请直接回复本邮件并附上修改后的报表（以最后一次报送为准）。\n"
            : "\n本邮件由系统自动发送，请勿直接回复。\n");
        body.Append(options.Briefing.Office).Append('\n');

        List<MailAttachment> attachments = [];
        if (content.Outcome == ReceiptOutcome.Rejected && content.AnnotatedWorkbook is { } workbook)
        {
            string baseName = Path.GetFileNameWithoutExtension(file);
            attachments.Add(new MailAttachment(
                MailText.FileNameSafe($"{baseName}（错误标注）.xlsx", "errors.xlsx"),
                "application",
                "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                workbook));
        }

        return MailComposer.Create(options.Delivery, recipient, subject, body.ToString(), attachments);
    }

    private static string Describe(ReceiptMailContent content)
    {
        string period = content.Period is { } p ? p.ToChineseCumulative() : string.Empty;
        string kind = content.Kind is { } k ? k.ToChinese() : "报表";
        return $" {period}{kind}";
    }

    private static string RecordText(ReceiptMailContent content) =>
        content.RecordCount is { } count ? $"，共{count}条记录" : string.Empty;

    private static void AppendFindings(StringBuilder body, string label, List<Finding> findings)
    {
        body.Append($"{label}（共{findings.Count}条）：\n");
        int index = 1;
        foreach (Finding finding in findings.Take(MaxListedFindings))
        {
            string where = (finding.Sheet, finding.Cell) switch
            {
                (not null, not null) => $"[{finding.Sheet}!{finding.Cell}] ",
                (not null, null) => $"[{finding.Sheet}] ",
                _ => string.Empty,
            };
            body.Append($"{index++}. {where}{finding.Message}（规则 {finding.RuleId}）\n");
        }

        if (findings.Count > MaxListedFindings)
        {
            body.Append($"……另有{findings.Count - MaxListedFindings}条，详见附件。\n");
        }
    }
}
