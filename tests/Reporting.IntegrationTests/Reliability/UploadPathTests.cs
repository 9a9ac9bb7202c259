using Azure.Storage.Blobs;
using MimeKit;
using Reporting.Core.Ingestion;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Reliability;

/// <summary>
/// Whatever the blob trigger binds as {department} and {name}, everything the upload causes stays under
/// that department's prefix (or under _invalid), and the receipt goes to the configured contact only,
/// with no header a file name could smuggle in.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class UploadPathTests(AzuriteFixture azurite, SmtpFixture smtp) : FunctionHostTests(azurite, smtp, UploadTime)
{
    public static TheoryData<string, string, string> HostileNames() => new()
    {
        { "anyuan", "../../datasets/2022-12/xiangdong/projects.json", "anyuan" },
        { "anyuan", "..\\..\\rejected\\xiangdong\\校验结果.xlsx", "anyuan" },
        { "anyuan", "2022-12/../../../archive/x.xlsx", "anyuan" },
        { "anyuan", "%2e%2e%2f%2e%2e%2fxiangdong.xlsx", "anyuan" },
        { "anyuan", "报表\r\nBcc: evil@attacker.example\r\nSubject: 伪造.xlsx", "anyuan" },
        { "anyuan", "\u202Excod.xlsx\u0000.exe", "anyuan" },
        { "anyuan", new string('长', 400) + ".xlsx", "anyuan" },
        { "..", "安源区.xlsx", IngestionService.InvalidDepartment },
        { "anyuan/../xiangdong", "安源区.xlsx", IngestionService.InvalidDepartment },
        { "Anyuan", "安源区.xlsx", IngestionService.InvalidDepartment },
        { "ａｎｙｕａｎ", "安源区.xlsx", IngestionService.InvalidDepartment },
        { "anyuan\u200B", "安源区.xlsx", IngestionService.InvalidDepartment },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task An_upload_never_writes_outside_its_department_prefix(string department, string name, string expectedSegment)
    {
        // The sheet itself claims to be 湘东区's: the upload location decides, never the content.
        byte[] content = Samples.Fill(Host.Options, DatasetKind.Projects,
        [
            new() { ["项目名称"] = "湘东区项目", ["县区"] = "湘东区", ["所属领域"] = "工业", ["年度计划投资（万元）"] = 100, ["累计完成投资（万元）"] = 50, ["是否开工"] = "是" },
        ]);
        BlobClient blob = await Host.UploadAsync("anyuan", "safe-name.xlsx", content);

        await Host.Create<IngestUploadFunction>().RunAsync(blob, department, name, CancellationToken.None);

        List<string> written = [];
        foreach (string container in Containers.All.Where(c => c != Containers.Uploads))
        {
            written.AddRange((await Host.ListAsync(container + "/")).Select(o => o.Path));
        }

        Assert.NotEmpty(written);
        Assert.All(written, path => Assert.Matches(
            $"^(archive/originals/{Escape(expectedSegment)}/[0-9a-f]{{64}}\\.[a-z0-9]+|datasets/2022-12/{Escape(expectedSegment)}/projects\\.json|rejected/{Escape(expectedSegment)}/[^/]+\\.xlsx)$",
            path));
        LedgerRow<SubmissionRecord> row = Assert.Single(await Host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions));
        Assert.Equal(expectedSegment, row.PartitionKey);
        Assert.DoesNotContain(row.Value.FileName, c => char.IsControl(c));

        if (expectedSegment == "anyuan")
        {
            CapturedMail receipt = Assert.Single(Smtp.Messages);
            Assert.Equal(["anyuan@fgw.pingxiang.example"], receipt.EnvelopeTo);
            Assert.Empty(receipt.Message.Bcc);
            Assert.Equal(["anyuan@fgw.pingxiang.example"], receipt.Message.To.Mailboxes.Select(m => m.Address));
            Assert.Single(receipt.Message.Headers, h => h.Id == HeaderId.Subject);
            Assert.DoesNotContain(receipt.Message.Headers, h => h.Id == HeaderId.Bcc);
            Assert.DoesNotContain('\n', receipt.Message.Subject!);
        }
        else
        {
            Assert.Contains(RuleIds.DepartmentInvalid, row.Value.FindingsJson, StringComparison.Ordinal);
            Assert.Empty(Smtp.Messages);
        }
    }

    private static string Escape(string segment) => System.Text.RegularExpressions.Regex.Escape(segment);
}
