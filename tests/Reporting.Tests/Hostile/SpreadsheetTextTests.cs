using ClosedXML.Excel;
using Reporting.Core;
using Reporting.Core.Configuration;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Output;
using Reporting.Tests.Ingestion;

namespace Reporting.Tests.Hostile;

/// <summary>Every workbook we write holds text only: formula-like text prefixed, XML-illegal characters escaped, length within Excel's.</summary>
public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("＝1", "'＝1")]
    [InlineData("控制\u0001字符", "控制\\u0001字符")]
    [InlineData("\u0000", "\\u0000")]
    [InlineData("非字符\uFFFE", "非字符\\uFFFE")]
    [InlineData("表情😀", "表情😀")]
    [InlineData("换行\n保留", "换行\n保留")]
    public void Text_is_made_safe_for_a_cell(string input, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Safe(input));
    }

    [Fact]
    public void Unpaired_surrogates_from_a_legacy_xls_are_escaped()
    {
        Assert.Equal("孤\\uD800立", SpreadsheetText.Safe("孤" + (char)0xD800 + "立"));
        Assert.Equal("尾\\uDC00", SpreadsheetText.Safe("尾" + (char)0xDC00));
    }

    [Fact]
    public void Text_is_capped_at_excel_cell_length_without_splitting_a_surrogate_pair()
    {
        string capped = SpreadsheetText.Safe("=" + new string('长', 32_766));
        string emoji = SpreadsheetText.Safe(new string('长', 32_765) + "😀😀");

        Assert.Equal(SpreadsheetText.MaxCellLength, capped.Length);
        Assert.StartsWith("'=", capped, StringComparison.Ordinal);
        Assert.EndsWith("…", capped, StringComparison.Ordinal);
        Assert.True(emoji.Length <= SpreadsheetText.MaxCellLength);
        Assert.False(char.IsHighSurrogate(emoji[^2]));
    }

    [Fact]
    public void The_annotated_copy_of_formula_like_values_holds_no_formula_and_every_such_text_prefixed()
    {
        byte[] upload = HostileFiles.Get("formula-like-text-rejected").Build();
        IngestionOutcome outcome = TestWorkbooks.Read(new MemoryStream(upload));
        using var annotated = new MemoryStream();

        AnnotatedWorkbookWriter.Write(new MemoryStream(upload), "报表.xlsx", outcome, TestWorkbooks.Options.Ingestion, annotated);

        IReadOnlyList<string> texts = WrittenWorkbook.Texts(annotated.ToArray());
        Assert.Empty(WrittenWorkbook.Problems(annotated.ToArray()));
        // XML turns a CR typed in a cell into LF when the upload is parsed, so "\r=1+1" comes back as "\n=1+1", which no spreadsheet evaluates.
        foreach (string hostile in HostileFiles.FormulaLike.Where(t => t[0] != '\r'))
        {
            Assert.Contains("'" + hostile, texts);
        }

        Assert.Contains(texts, t => t.StartsWith("'=HYPERLINK(\"x\")", StringComparison.Ordinal));
    }

    [Fact]
    public void A_formula_in_the_upload_comes_back_as_its_value_only()
    {
        byte[] upload = HostileFiles.Get("external-links").Build();
        IngestionOutcome outcome = TestWorkbooks.Read(new MemoryStream(upload));
        IngestionOutcome rejected = outcome with { Accepted = false, Findings = [new Finding { Severity = Severity.Error, RuleId = RuleIds.CellNotNumber, Message = "测试", Sheet = "项目表", Cell = "E3" }], ErrorCount = 1 };
        using var annotated = new MemoryStream();

        AnnotatedWorkbookWriter.Write(new MemoryStream(upload), "报表.xlsx", rejected, TestWorkbooks.Options.Ingestion, annotated);

        Assert.Empty(WrittenWorkbook.Problems(annotated.ToArray()));
        using var workbook = new XLWorkbook(new MemoryStream(annotated.ToArray()));
        Assert.Equal(1000d, workbook.Worksheet("项目表").Cell("E3").GetDouble());
        Assert.False(workbook.Worksheet("项目表").Cell("E3").HasFormula);
    }

    [Fact]
    public void Templates_neutralise_hostile_names_from_configuration()
    {
        ReportingOptions options = Reporting.Cli.CliEnvironment.LoadOptions(null);
        options.City = "=HYPERLINK(\"http://evil.example\")";
        options.Ingestion.Counties = [.. options.Ingestion.EffectiveCounties(), new() { Name = "+cmd|' /C calc'!A0", Aliases = ["@x"] }];

        foreach (DatasetKind kind in Enum.GetValues<DatasetKind>())
        {
            using var template = new MemoryStream();
            TemplateWriter.Write(kind, options, template, new ReportingPeriod(2022, 12));

            Assert.Empty(WrittenWorkbook.Problems(template.ToArray()));
            Assert.Contains("'+cmd|' /C calc'!A0", WrittenWorkbook.Texts(template.ToArray()));
        }
    }
}
