using Reporting.Core.Mailbox;

namespace Reporting.Tests.Mailbox;

/// <summary>Which attachments count (README.md, "Attachments").</summary>
public sealed class AttachmentRulesTests
{
    private const long Limit = 20L * 1024 * 1024;

    [Theory]
    [InlineData("安源区12月.xlsx", "application/octet-stream", 1000, false, AttachmentKind.Spreadsheet)]
    [InlineData("安源区12月.XLS", "application/vnd.ms-excel", 1000, false, AttachmentKind.Spreadsheet)]
    [InlineData("带宏.xlsm", "application/octet-stream", 1000, false, AttachmentKind.Spreadsheet)]
    [InlineData("导出.csv", "text/csv", 1000, false, AttachmentKind.Spreadsheet)]
    [InlineData("", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 1000, false, AttachmentKind.Spreadsheet)]
    [InlineData("安源区12月.xlsx", "application/octet-stream", 30L * 1024 * 1024, false, AttachmentKind.TooLarge)]
    [InlineData("安源区12月.xlsx", "application/octet-stream", Limit, false, AttachmentKind.Spreadsheet)]
    [InlineData("报表.zip", "application/octet-stream", 1000, false, AttachmentKind.Archive)]
    [InlineData("报表.rar", "application/x-rar-compressed", 1000, false, AttachmentKind.Archive)]
    [InlineData("报表.7z", "application/octet-stream", 1000, false, AttachmentKind.Archive)]
    [InlineData("", "application/zip", 1000, false, AttachmentKind.Archive)]
    [InlineData("说明.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1000, false, AttachmentKind.Other)]
    [InlineData("扫描件.pdf", "application/pdf", 1000, false, AttachmentKind.Other)]
    [InlineData("调度表.xlsx.pdf", "application/pdf", 1000, false, AttachmentKind.Other)]
    [InlineData("照片.jpg", "image/jpeg", 1000, false, AttachmentKind.Other)]
    [InlineData("image001.png", "image/png", 1000, true, AttachmentKind.Inline)]
    [InlineData("", "application/octet-stream", 1000, true, AttachmentKind.Inline)]
    [InlineData("调度表.xlsx", "application/octet-stream", 1000, true, AttachmentKind.Spreadsheet)]
    public void Classifies_by_extension_then_type_then_size(string fileName, string mediaType, long size, bool inline, AttachmentKind kind) =>
        Assert.Equal(kind, AttachmentRules.Classify(new IncomingAttachment { Part = "2", FileName = fileName, MediaType = mediaType, Size = size, Inline = inline }, Limit));

    [Theory]
    [InlineData("安源区/12月?.xlsx", "application/octet-stream", "12月_.xlsx")]
    [InlineData("", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "附件3-2.xlsx")]
    [InlineData("", "text/csv", "附件3-2.csv")]
    [InlineData("报表", "application/vnd.ms-excel", "报表.xls")]
    public void The_name_ingestion_sees_is_safe_and_has_an_extension(string fileName, string mediaType, string expected) =>
        Assert.Equal(expected, AttachmentRules.UploadName(new IncomingAttachment { Part = "3.2", FileName = fileName, MediaType = mediaType }));
}
